import Foundation
import Introspect
import ModelDSL
import ModelReader
import TestSupport
import Testing

@testable import Autogen

/// `autogen inspect --format swift` round trip: read a database, render DSL source, compile it
/// with swiftc against the ModelDSL module this package built, run it, and compare the schema it
/// declares with the database: no ops.
@Suite struct ModelSourceRoundTripTests {
    @Test func sqliteSchemasRoundTripThroughCompiledSource() throws {
        var read: [Schema] = []
        for seed in UInt64(1)...6 {
            let connection = try SQLiteConnection(path: nil)
            // The last schema is over the inline limit: its tables are written as constants.
            let count = seed == 6 ? ModelSourceRenderer.inlineTableLimit + 4 : 6
            let model = RandomSchema.make(seed: seed, tables: count, dialect: .sqlite)
            for statement in SQLiteDialect.createStatements(for: model) { try connection.execute(statement) }
            read.append(try SQLiteCatalogReader(connection: connection).read())
        }
        let declared = try CompiledModel.declare(read)
        try #require(declared.count == read.count)
        for (database, model) in zip(read, declared) {
            let ops = Comparer.compare(model: model, database: database, dialect: SQLiteDialect.self).ops
            #expect(ops.isEmpty, "\(SwiftRenderer.render(ops))")
        }
        try CompiledModel.expectReaderAgrees(read, declared)
        #expect(read.flatMap(\.tables).count == 5 * 6 + ModelSourceRenderer.inlineTableLimit + 4)
    }

    /// Bodies and queries are written as multi-line literals: the compiler and the reader give
    /// back the text exactly, escapes, blank lines, trailing blanks and quotes included.
    @Test func multilineTextRoundTripsThroughCompiledSource() throws {
        let texts = [
            "\nbegin\n  return null;\nend ", "SELECT 'a\\b', E'\\n'\n", "x\r\ny\t\n\n", "$q$\"\"\"$q$\n\"\"\"\n",
            "one line", "\n", "a\n  \n b  ",
        ]
        let schema = Schema(
            tables: [],
            views: texts.enumerated().map { View("v\($0.offset)", $0.element) },
            functions: texts.enumerated().map {
                Function("f\($0.offset)", returns: "text", language: "plpgsql", body: $0.element)
            },
            triggers: texts.enumerated().map { Trigger("t\($0.offset)", on: "t", .after, [.insert], body: $0.element) })
        let declared = try CompiledModel.declare([schema])
        try #require(declared.count == 1)
        #expect(declared[0].functions.map(\.body) == schema.functions.map(\.body))
        #expect(declared[0].views.map(\.definition) == schema.views.map(\.definition))
        #expect(declared[0].triggers.map(\.body) == schema.triggers.map(\.body))
        try CompiledModel.expectReaderAgrees([schema], declared)
    }

    @Test(.enabled(if: TestPostgres.isConfigured)) func postgresSchemasRoundTripThroughCompiledSource() throws {
        var read: [Schema] = []
        try TestPostgres.withTemporaryDatabase { _, connection in
            for seed in UInt64(1)...6 {
                try connection.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
                let enums = try connection.query("SELECT typname FROM pg_type WHERE typtype = 'e'")
                for row in 0..<enums.rowCount {
                    if let n = enums[row, 0] {
                        try connection.execute("DROP TYPE IF EXISTS " + PostgresDialect.quoteIdentifier(n))
                    }
                }
                let model = RandomSchema.make(seed: seed, tables: 6, dialect: .postgresql)
                for statement in PostgresDialect.createStatements(for: model) { try connection.execute(statement) }
                read.append(try PostgresCatalogReader(connection: connection).read())
            }
        }
        let declared = try CompiledModel.declare(read)
        try #require(declared.count == read.count)
        for (database, model) in zip(read, declared) {
            let ops = Comparer.compare(model: model, database: database, dialect: PostgresDialect.self).ops
            #expect(ops.isEmpty, "\(SwiftRenderer.render(ops))")
        }
        try CompiledModel.expectReaderAgrees(read, declared)
        #expect(read.flatMap(\.enums).count > 0)
    }
}

/// Compiles rendered model sources into a program that prints the schemas they declare.
enum CompiledModel {
    struct Failure: Error, CustomStringConvertible { var description: String }

    /// ModelReader reads each rendered source as the compiler did: the schema `declare` got
    /// from the compiled program.
    static func expectReaderAgrees(_ schemas: [Schema], _ declared: [Schema]) throws {
        for (i, (schema, compiled)) in zip(schemas, declared).enumerated() {
            let source = ModelSourceRenderer.render(schema, variable: "schema\(i)")
            let read = try ModelReader(source: source).schemas
            #expect(read.keys.sorted() == ["schema\(i)"])
            #expect(read["schema\(i)"] == compiled, "schema\(i)")
        }
    }

    static func declare(_ schemas: [Schema]) throws -> [Schema] {
        // The ModelDSL objects and modules of the build that made this test bundle.
        let build = URL(fileURLWithPath: BuiltProducts.folder)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "autogen-roundtrip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var sources: [String] = []
        for (i, schema) in schemas.enumerated() {
            let file = folder.appendingPathComponent("model\(i).swift")
            try ModelSourceRenderer.render(schema, variable: "schema\(i)").write(
                to: file, atomically: true, encoding: .utf8)
            sources.append(file.path)
        }
        let main = folder.appendingPathComponent("main.swift")
        try """
        import Foundation
        import ModelDSL
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        print(String(decoding: try encoder.encode([\((0..<schemas.count).map { "schema\($0)" }.joined(separator: ", "))]), as: UTF8.self))
        """.write(to: main, atomically: true, encoding: .utf8)
        let objects = try FileManager.default.contentsOfDirectory(
            atPath: build.appendingPathComponent("ModelDSL.build").path
        )
        .filter { $0.hasSuffix(".o") }.map { build.appendingPathComponent("ModelDSL.build/\($0)").path }
        guard !objects.isEmpty else {
            throw Failure(description: "no ModelDSL objects in \(build.path): build the package first")
        }
        let program = folder.appendingPathComponent("declare").path
        try run(
            "/usr/bin/env",
            ["swiftc", "-I", build.appendingPathComponent("Modules").path] + sources + [main.path] + objects + [
                "-o", program,
            ])
        let output = try run(program, [])
        return try JSONDecoder().decode([Schema].self, from: Data(output.utf8))
    }

    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(
                description:
                    "\(executable) \(arguments.prefix(3)) failed: \(String(decoding: errors, as: UTF8.self).prefix(3000))"
            )
        }
        return String(decoding: data, as: UTF8.self)
    }
}

/// Every model `autogen inspect --format swift` writes is one ModelReader reads, to the schema
/// rendered (ModelSourceRoundTripTests compares the reader
/// with the compiler on a few of them; this covers many more shapes, without compiling).
@Suite struct ModelSourceReaderPropertyTests {
    @Test func renderedModelsAreReadBackUnchanged() throws {
        for seed in UInt64(1)...120 {
            for dialect in [RandomSchema.Dialect.sqlite, .postgresql] {
                let count = seed % 10 == 0 ? ModelSourceRenderer.inlineTableLimit + 3 : Int(seed % 7) + 1
                let model = RandomSchema.make(seed: seed, tables: count, dialect: dialect)
                let source = ModelSourceRenderer.render(model)
                let read = try #require(try ModelReader(source: source).schemas["schema"], "seed \(seed)")
                #expect(read == model, "seed \(seed) \(dialect)")
            }
        }
    }
}
