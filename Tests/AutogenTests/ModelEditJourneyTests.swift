import Foundation
import Testing

@testable import Autogen

extension EndToEndTests {
    /// Issue #12, edit then check: through the binary, an edit of model.swift that the reader
    /// reads is used without a build; one it does not read (a `for` loop) is compiled, and says
    /// why; so is every edit while env.swift hands over another schema than model.swift's.
    @Suite(.serialized) struct ModelEditJourneyTests {
        @Test(.timeLimit(.minutes(10))) func readableEditsAreUsedWithoutABuild() throws {
            let manager = FileManager.default
            let folder = EndToEndTests.work + "/model-edits"
            try manager.createDirectory(atPath: EndToEndTests.work, withIntermediateDirectories: true)
            try? manager.removeItem(atPath: folder)
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? manager.removeItem(atPath: folder) }
            #expect(try EndToEndTests.autogen(["init", "migrations"], in: folder).status == 0)
            let model = folder + "/migrations/model.swift"
            let env = folder + "/migrations/env.swift"
            func run(_ arguments: [String]) throws -> EndToEndTests.Run {
                try EndToEndTests.autogen(arguments, in: folder)
            }
            func edit(_ find: String, _ replace: String) throws {
                let text = try String(contentsOfFile: model, encoding: .utf8)
                #expect(text.contains(find))
                try text.replacingOccurrences(of: find, with: replace).write(
                    toFile: model, atomically: true, encoding: .utf8)
            }

            let first = try run(["revision", "--autogenerate", "-m", "start"])
            #expect(first.status == 0 && first.err.contains("Building migration environment"), "\(first)")
            #expect(try run(["upgrade", "head"]).status == 0)
            #expect(try run(["check"]).out.contains("No changes"))

            // A readable edit: no build, and check sees it.
            try edit(
                #"Column("email", .text).notNull()"#,
                #"Column("email", .text).notNull()"# + "\n" + #"        Column("nickname", .varchar(40))"#)
            let edited = try run(["check"])
            #expect(edited.status == 1 && !edited.err.contains("Building"), "\(edited)")
            #expect(edited.out.contains(#"addColumn("account", Column("nickname", .varchar(40)))"#), "\(edited)")
            let written = try run(["revision", "--autogenerate", "-m", "nickname"])
            #expect(written.status == 0 && !written.err.contains("Building"), "\(written)")
            let upgraded = try run(["upgrade", "head"])
            #expect(
                upgraded.status == 0 && upgraded.err.contains("Building"), "a new revision is compiled: \(upgraded)")
            #expect(try run(["check"]).out.contains("No changes"))

            // An edit the reader does not read: compiled, saying where and why.
            try edit(
                "let schema: Schema = Schema {",
                "let schema: Schema = Schema {\n    for name in [\"tag\"] { Table(name) { Column(\"id\", .integer).primaryKey() } }"
            )
            let looped = try run(["check"])
            #expect(
                looped.err.contains(
                    "Building migration environment (model.swift:7:5: `for` loop is not read without compiling)"),
                "\(looped)")
            #expect(looped.status == 1 && looped.out.contains(#"createTable("tag")"#), "\(looped)")
            // Back to a readable model: compiled once more (the last build could not bind), then read.
            try edit("    for name in [\"tag\"] { Table(name) { Column(\"id\", .integer).primaryKey() } }\n", "")
            let back = try run(["check"])
            #expect(back.err.contains("Building migration environment (model.swift:7:5: `for` loop)"), "\(back)")
            #expect(back.out.contains("No changes"), "\(back)")
            try edit(#"Column("nickname", .varchar(40))"#, #"Column("nickname", .varchar(60))"#)
            let widened = try run(["check"])
            #expect(!widened.err.contains("Building") && widened.out.contains("varchar(60)"), "\(widened)")
            try edit(#"Column("nickname", .varchar(60))"#, #"Column("nickname", .varchar(40))"#)

            // env.swift hands over a schema of its own making: every model edit is compiled.
            let envText = try String(contentsOfFile: env, encoding: .utf8)
            try envText.replacingOccurrences(
                of: "AutogenEnvironment.main(schema: schema,",
                with:
                    "AutogenEnvironment.main(schema: Schema(tables: schema.tables.filter { $0.name != \"organization\" }, enums: schema.enums),"
            ).write(toFile: env, atomically: true, encoding: .utf8)
            let filtered = try run(["check"])
            #expect(filtered.err.contains("Building migration environment..."), "\(filtered)")
            #expect(filtered.out.contains(#"dropTable("organization")"#), "\(filtered)")
            try edit(#"Column("nickname", .varchar(40))"#, #"Column("nickname", .varchar(50))"#)
            let unbound = try run(["check"])
            #expect(
                unbound.err.contains(
                    "Building migration environment (no constant of model.swift is the environment's schema (env.swift builds it otherwise))"
                ),
                "\(unbound)")
            #expect(
                unbound.out.contains("varchar(50)") && unbound.out.contains(#"dropTable("organization")"#), "\(unbound)"
            )
        }
    }
}
