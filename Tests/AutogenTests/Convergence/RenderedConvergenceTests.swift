import Foundation
import Introspect
import ModelDSL
import TestSupport
import Testing

@testable import Autogen

/// Convergence once through the text a user gets (issue #11 item 17): for a few seeded
/// random pairs (A, B) on SQLite, the ops compare finds are rendered into revision files with
/// the shipped template, exactly as `revision --autogenerate` writes them; the files are
/// compiled with a small `main` against this build's library, and that program upgrades each
/// database to B and downgrades it back to A, rows kept.
@Suite struct RenderedConvergenceTests {
    static let seeds: [UInt64] = Array(1...12)

    @Test func renderedRevisionsOfRandomPairsRunBothWays() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "autogen-rendered-\(UUID().uuidString)"
        ).path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let template = try Template(
            source: BuiltinTemplates.files["generic/script.swift.mako"] ?? "", name: "script.swift.mako")
        var options = CompareOptions()
        options.excludeTables = [AutogenConfig.defaultVersionTable, "autogen_history"]

        struct Pair {
            var seed: UInt64
            var a: Schema
            var b: Schema
            var path: String
        }
        var pairs: [Pair] = []
        var sources: [String] = []
        for seed in Self.seeds {
            let a = RandomSchema.make(seed: seed, tables: 5, dialect: .sqlite)
            let b = RandomSchema.mutate(a, seed: seed, dialect: .sqlite)
            let path = folder + "/db\(seed).sqlite"
            let connection = try SQLiteConnection(path: path)
            for statement in SQLiteDialect.createStatements(for: a) { try connection.execute(statement) }
            for insert in RandomRows.inserts(for: a, dialect: .sqlite, quote: SQLiteDialect.quoteIdentifier) {
                try connection.execute(insert)
            }
            let up = Comparer.compare(
                model: b, database: try SQLiteCatalogReader(connection: connection).read(), dialect: SQLiteDialect.self,
                options: options)
            let down = try #require(up.ops.undoingOps, "seed \(seed)")
            let file = folder + "/cv\(seed).swift"
            try template.render(
                TemplateTesting.revisionContext(
                    id: "cv\(seed)", downRevisions: [], message: "seed \(seed)", upgrades: SwiftRenderer.render(up.ops),
                    downgrades: SwiftRenderer.render(down))
            ).write(toFile: file, atomically: true, encoding: .utf8)
            sources.append(file)
            pairs.append(Pair(seed: seed, a: a, b: b, path: path))
        }
        let ids = Self.seeds.map { "\"cv\($0)\": Revision_cv\($0).self" }.joined(separator: ", ")
        let main = folder + "/main.swift"
        try """
        import Autogen
        import Introspect
        // usage: prog DATABASE REVISION upgrade|downgrade
        let arguments = CommandLine.arguments
        let revisions: [String: any Revision.Type] = [\(ids)]
        let type = revisions[arguments[2]]!
        let header = RevisionHeader(
            id: type.id, downRevisions: [], branchLabels: [], dependsOn: [], message: type.message, createDate: "", path: "")
        let runner = try MigrationRunner(
            url: .sqlite(path: arguments[1]), revisions: [type], graph: try RevisionGraph(headers: [header]))
        if arguments[3] == "upgrade" { try await runner.upgrade(to: type.id) } else { try await runner.downgrade(to: "base") }
        """.write(toFile: main, atomically: true, encoding: .utf8)

        let build = BuiltProducts.folder
        var objects: [String] = []
        for target in EnvironmentDirectBuild.libraryTargets {
            objects += try EnvironmentDirectBuild.objects(of: build + "/\(target).build")
        }
        let root = TemplateTesting.repositoryRoot.path
        let program = folder + "/prog"
        let imports = EnvironmentDirectBuild.importFlags(
            buildFolder: build, checkout: root, environment: ProcessInfo.processInfo.environment)
        let compile = try TemplateTesting.run(
            ["swiftc"] + imports + sources + [main] + objects + EnvironmentDirectBuild.linkFlags + ["-o", program])
        try #require(compile.status == 0, "\(compile.output.prefix(4000))")

        for pair in pairs {
            let url = DatabaseURL.sqlite(path: pair.path)
            let rowsBefore = try Self.rows(pair.a, url)
            let up = try TemplateTesting.run([program, pair.path, "cv\(pair.seed)", "upgrade"])
            try #require(up.status == 0, "seed \(pair.seed): \(up.output)")
            let afterUp = Comparer.compare(
                model: pair.b, database: try Introspector.read(url: url).schema, dialect: SQLiteDialect.self,
                options: options)
            #expect(afterUp.ops == [], "seed \(pair.seed): \(SwiftRenderer.render(afterUp.ops))")
            let down = try TemplateTesting.run([program, pair.path, "cv\(pair.seed)", "downgrade"])
            try #require(down.status == 0, "seed \(pair.seed): \(down.output)")
            let afterDown = Comparer.compare(
                model: pair.a, database: try Introspector.read(url: url).schema, dialect: SQLiteDialect.self,
                options: options)
            #expect(afterDown.ops == [], "seed \(pair.seed): \(SwiftRenderer.render(afterDown.ops))")
            // The columns both A and B have kept their values up and down (same names: the
            // rows of tables and columns B renamed or dropped are ConvergenceRun's business).
            let kept = try Self.rows(pair.a, url, onlyColumnsOf: pair.b)
            #expect(kept == (try Self.rows(pair.a, url, onlyColumnsOf: pair.b, from: rowsBefore)), "seed \(pair.seed)")
        }
    }

    typealias Rows = [String: [[String?]]]

    /// A's tables' rows, as text, by primary key.
    static func rows(_ a: Schema, _ url: DatabaseURL) throws -> Rows {
        var out: Rows = [:]
        for table in a.tables {
            let list = table.columns.map { "CAST(\(SQLiteDialect.quoteIdentifier($0.name)) AS TEXT)" }
            let order = (table.primaryKey?.columns ?? [table.columns[0].name]).map(SQLiteDialect.quoteIdentifier)
            out[table.name] = try runtimeQuery(
                url,
                "SELECT \(list.joined(separator: ", ")) FROM \(SQLiteDialect.quoteIdentifier(table.name)) ORDER BY \(order.joined(separator: ", "))"
            )
        }
        return out
    }

    /// `rows` (or the database's rows now) cut to the columns of A that B also has by name.
    static func rows(_ a: Schema, _ url: DatabaseURL, onlyColumnsOf b: Schema, from rows: Rows? = nil) throws -> Rows {
        let all = try rows ?? Self.rows(a, url)
        var out: Rows = [:]
        for table in a.tables {
            guard let bTable = b.table(table.name), let tableRows = all[table.name] else { continue }
            let keep = table.columns.indices.filter { bTable.column(table.columns[$0].name) != nil }
            out[table.name] = tableRows.map { row in keep.map { row[$0] } }
        }
        return out
    }
}
