import Foundation
import ModelDSL
import Testing

@testable import Autogen

/// When autogen reads model.swift instead of compiling it: only model.swift changed since the
/// build, and the build recorded that the reader reads this environment's model exactly.
@Suite struct ModelHandoffTests {
    static let model = """
        import Autogen

        private let account = Table("account") {
            Column("id", .integer).primaryKey()
        }

        let schema = Schema {
            account
        }

        let other = Schema {}
        """

    static let genericEnv = BuiltinTemplates.files["generic/env.swift"]!

    static var compiled: Schema { Schema { Table("account") { Column("id", .integer).primaryKey() } } }

    @Test func theBindingNamesTheConstantEqualToTheCompiledSchema() {
        let binding = ModelBinding(
            source: Self.model, schemas: [ModelBinding.single: Self.compiled], environment: Self.genericEnv)
        #expect(binding == .bound([ModelBinding.single: "schema"]))
        #expect(ModelBinding(text: binding.text(build: "b1"), build: "b1") == binding)
        #expect(binding.text(build: "b1") == "autogen model binding 2\nbuild b1\nbound - schema\n")
        // Recorded after another build (an environment of an earlier one, writing late): ignored.
        #expect(ModelBinding(text: binding.text(build: "b0"), build: "b1") == nil)
        #expect(ModelBinding(text: binding.text(build: "b0"), build: nil) == nil)
        let multiEnv = BuiltinTemplates.files["multidb/env.swift"]!
            .replacingOccurrences(of: "mainSchema", with: "schema").replacingOccurrences(
                of: "auditSchema", with: "other")
        let multi = ModelBinding(
            source: Self.model, schemas: ["main": Self.compiled, "audit": Schema {}], environment: multiEnv)
        #expect(multi == .bound(["main": "schema", "audit": "other"]))
        #expect(ModelBinding(text: multi.text(build: "b1"), build: "b1") == multi)
    }

    @Test func noBindingWhenEnvSwiftChangesTheSchemaOrTheReaderStops() {
        // env.swift hands over something else than a constant of model.swift.
        let changed = ModelBinding(
            source: Self.model,
            schemas: [
                ModelBinding.single: Schema(
                    tables: Self.compiled.tables + [Table("extra") {}].map { $0.named(by: .default) })
            ], environment: Self.genericEnv)
        #expect(
            changed
                == .unbound("no constant of model.swift is the environment's schema (env.swift builds it otherwise)"))
        let twice = ModelBinding(
            source: Self.model + "\nlet same = Schema { account }", schemas: [ModelBinding.single: Self.compiled],
            environment: Self.genericEnv)
        #expect(twice == .unbound("several constants of model.swift are the environment's schema"))
        let loop = ModelBinding(
            source: "import Autogen\nlet schema = Schema {\n    for n in [\"a\"] { Table(n) {} }\n}",
            schemas: [ModelBinding.single: Self.compiled], environment: Self.genericEnv)
        #expect(loop == .unbound("model.swift:3:5: `for` loop"))
        #expect(ModelBinding(text: loop.text(build: "b1"), build: "b1") == loop)
        #expect(ModelBinding(source: nil, schemas: [:], environment: Self.genericEnv) == .unbound("no model.swift"))
        #expect(ModelBinding(text: "something else", build: "b1") == nil)
    }

    /// Found in review: a schema env.swift filters, or a model constant its hooks read, keeps
    /// its compiled value while the model is read, so neither binds, even when the filtered
    /// schema happens to equal the constant today.
    @Test func noBindingWhenEnvSwiftUsesTheModelForMoreThanHandingItOver() {
        func binding(_ environment: String, model: String = Self.model) -> ModelBinding {
            ModelBinding(source: model, schemas: [ModelBinding.single: Self.compiled], environment: environment)
        }
        let filtered = Self.genericEnv.replacingOccurrences(
            of: "main(schema: schema,",
            with: "main(schema: Schema(tables: schema.tables.filter { !$0.name.hasPrefix(\"tmp_\") }),")
        #expect(
            binding(filtered) == .unbound("env.swift does more with model.swift's `schema` than hand it to autogen"))
        let hooked = Self.genericEnv.replacingOccurrences(
            of: "compare: { options in },", with: "compare: { options in options.excludeTables = legacyTables },")
        let model = Self.model + "\nlet legacyTables: [String] = [\"legacy_*\"]\n"
        #expect(binding(hooked, model: model) == .unbound("env.swift uses model.swift's `legacyTables`"))
        // A name in a string, or under a ternary, counts too; comments do not.
        let ternary = Self.genericEnv.replacingOccurrences(
            of: "main(schema: schema,", with: "main(schema: flag ? schema: schema,")
        #expect(binding(ternary) != .bound([ModelBinding.single: "schema"]))
        #expect(binding(Self.genericEnv + "\n// schema, schema\n") == .bound([ModelBinding.single: "schema"]))
        #expect(binding(Self.genericEnv + "\nlet s = \"\\(schema)\"\n") != .bound([ModelBinding.single: "schema"]))
        #expect(binding("", model: Self.model) != .bound([ModelBinding.single: "schema"]))
    }

    @Test func plansABuildOnlyForWhatTheReaderCannotTakeOver() throws {
        let manager = FileManager.default
        let base = manager.temporaryDirectory.appendingPathComponent("autogen-handoff-\(UUID().uuidString)").path
        defer { try? manager.removeItem(atPath: base) }
        let (package, autogen, folder, old) = try EnvironmentDispatchTests.builtEnvironment(base)
        try Self.model.write(toFile: package.modelFile, atomically: true, encoding: .utf8)
        try manager.setAttributes([.modificationDate: old], ofItemAtPath: package.modelFile)
        try package.writeStamp(package.fingerprint(autogenBinary: autogen))
        let build = try #require(package.buildID())
        let record = ModelHandoff.record(model: folder + "/model.swift", marker: package.modelBindingFile, build: build)
        #expect(ModelHandoff.plan(package, autogenBinary: autogen, [:]) == .run(record))
        try ModelBinding.bound(["-": "schema"]).text(build: build).write(
            toFile: package.modelBindingFile, atomically: true, encoding: .utf8)
        #expect(ModelHandoff.plan(package, autogenBinary: autogen, [:]) == .run(.compiled))

        // model.swift edited: read, not built.
        try (Self.model + "\n").write(toFile: package.modelFile, atomically: true, encoding: .utf8)
        #expect(package.freshness(autogenBinary: autogen) == .modelOnly)
        #expect(
            ModelHandoff.plan(package, autogenBinary: autogen, [:])
                == .run(.read(model: package.modelFile, names: ["-": "schema"])))
        // The environment stopped reading it: built, saying why.
        let unread = [ModelHandoff.unreadVariable: "model.swift:3:5: `for` loop is not read without compiling"]
        #expect(
            ModelHandoff.plan(package, autogenBinary: autogen, unread)
                == .build(
                    message:
                        "Building migration environment (model.swift:3:5: `for` loop is not read without compiling)...")
        )
        // No binding: built, saying why.
        try ModelBinding.unbound("model.swift:3:5: `for` loop").text(build: build).write(
            toFile: package.modelBindingFile, atomically: true, encoding: .utf8)
        #expect(
            ModelHandoff.plan(package, autogenBinary: autogen, [:])
                == .build(message: "Building migration environment (model.swift:3:5: `for` loop)..."))
        // Any other source as well: built.
        try ModelBinding.bound(["-": "schema"]).text(build: build).write(
            toFile: package.modelBindingFile, atomically: true, encoding: .utf8)
        try "// new".write(toFile: folder + "/env.swift", atomically: true, encoding: .utf8)
        #expect(package.freshness(autogenBinary: autogen) == .stale)
        #expect(
            ModelHandoff.plan(package, autogenBinary: autogen, [:])
                == .build(message: "Building migration environment..."))
    }

    @Test func theEnvironmentReadsRecordsOrKeepsItsCompiledSchema() throws {
        let manager = FileManager.default
        let folder = manager.temporaryDirectory.appendingPathComponent("autogen-handoff-\(UUID().uuidString)").path
        try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? manager.removeItem(atPath: folder) }
        let model = folder + "/model.swift"
        let marker = folder + "/binding"
        try Self.model.write(toFile: model, atomically: true, encoding: .utf8)
        try Self.genericEnv.write(toFile: folder + "/env.swift", atomically: true, encoding: .utf8)
        let compiled = [ModelBinding.single: Self.compiled]

        let record = ModelHandoff(environment: [
            ModelHandoff.modelVariable: model, ModelHandoff.bindingVariable: marker, ModelHandoff.buildVariable: "b7",
        ])
        #expect(record == .record(model: model, marker: marker, build: "b7"))
        #expect(try record.schemas(compiled: compiled) == compiled)
        #expect(
            try String(contentsOfFile: marker, encoding: .utf8) == "autogen model binding 2\nbuild b7\nbound - schema\n"
        )

        try Self.model.replacingOccurrences(of: "primaryKey()", with: "primaryKey()\n    Column(\"email\", .text)")
            .write(toFile: model, atomically: true, encoding: .utf8)
        let read = ModelHandoff(environment: [ModelHandoff.modelVariable: model, ModelHandoff.readVariable: "-=schema"])
        #expect(read == .read(model: model, names: ["-": "schema"]))
        #expect(try read.schemas(compiled: compiled)["-"]?.table("account")?.columns.map(\.name) == ["id", "email"])

        try "import Autogen\nlet schema = Schema { for n in [\"a\"] { Table(n) {} } }".write(
            toFile: model, atomically: true, encoding: .utf8)
        #expect(throws: (any Error).self) { try read.schemas(compiled: compiled) }
        #expect(ModelHandoff(environment: [:]) == .compiled)
    }

    @Test func onlyTheCommandsThatCompareReadTheModel() {
        #expect(ModelHandoff.usesModel(["check"]))
        #expect(ModelHandoff.usesModel(["revision", "-m", "x", "--autogenerate"]))
        for line in [
            ["current"], ["upgrade", "head"], ["downgrade", "-1"], ["stamp", "head"], ["revision", "-m", "x"], [],
        ] {
            #expect(!ModelHandoff.usesModel(line), "\(line)")
        }
    }
}
