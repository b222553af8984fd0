import Foundation
import Introspect
import ModelDSL
import TestSupport
import Testing

@testable import Autogen

extension EndToEndTests {
    // Nested in EndToEndTests, whose suites run one at a time: they share its output files.
    /// Issue #13, done when: a real application's schema, through the binary as a team adopting
    /// autogen would go: `inspect --format swift` writes a model that builds unchanged, `check`
    /// against the same database reports nothing, `revision --autogenerate` and `upgrade head`
    /// rebuild it on an empty database with no hand edit, the rebuilt database's `pg_dump
    /// --schema-only` equals the original's (autogen's own tables aside), and `downgrade base`
    /// leaves only autogen's tables.
    ///
    /// The schemas: public ones from the Debian packages that ship them (Zabbix, 173 tables;
    /// MediaWiki, 58, partial indexes, tsvector columns with GIN indexes; Icinga 2 IDO, 61;
    /// Roundcube, standalone sequences; see Fixtures/README.md), and a
    /// hand-written one holding every kind issue #13 models (partitions, domains, ...), which no
    /// packaged public schema has.
    ///
    /// Excluded from the comparison by design: ownership and grants (`--no-owner
    /// --no-privileges`) and the spelling of a numeric default (`'0'::bigint` is read and
    /// written back as `0`). Views, functions, procedures and triggers are compared, bodies
    /// included.
    @Suite(.serialized) struct RealSchemaRoundTripTests {
        static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "Fixtures")

        /// `pg_dump --schema-only` of `url`, as statements, without comments, settings,
        /// autogen's own tables and the kinds the comparison leaves out.
        static func schemaDump(_ url: DatabaseURL.PostgresURL) throws -> [String] {
            let binaries = try FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")
                .sorted { (Double($0) ?? 0) < (Double($1) ?? 0) }
            let pgDump = "/usr/lib/postgresql/\(try #require(binaries.last))/bin/pg_dump"
            let process = Process()
            process.executableURL = URL(fileURLWithPath: pgDump)
            process.arguments = ["--schema-only", "--no-owner", "--no-privileges", "--dbname", TestPostgres.text(url)]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            try #require(process.terminationStatus == 0, "pg_dump failed")
            let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                .filter {
                    !$0.hasPrefix("--") && !$0.hasPrefix("SET ") && !$0.hasPrefix("SELECT pg_catalog.set_config")
                        // pg_dump's per-run key for psql's \restrict.
                        && !$0.hasPrefix("\\restrict") && !$0.hasPrefix("\\unrestrict")
                }
            // Function bodies hold semicolons: hide those of each dollar-quoted body and of
            // each SQL-standard body (BEGIN ATOMIC ... END) while splitting, bodies kept whole.
            let marker = "\u{1}"
            let text = lines.joined(separator: "\n")
                .replacing(/\$([A-Za-z_0-9]*)\$(?s:.*?)\$\1\$/) { String($0.output.0).replacing(";\n", with: marker) }
                .replacing(/BEGIN ATOMIC(?s:.*?)\nEND/) { String($0.output).replacing(";\n", with: marker) }
            return text.components(separatedBy: ";\n")
                .map { $0.replacing(marker, with: ";\n").trimmingCharacters(in: .whitespacesAndNewlines) }
                .filter { statement in
                    !statement.isEmpty && !statement.contains("autogen_version")
                        && !statement.contains("autogen_history")
                }
                .map {
                    $0.replacing(
                        /DEFAULT '(-?[0-9]+(?:\.[0-9]+)?)'::(?:bigint|integer|smallint|numeric|double precision|real)/
                    ) { "DEFAULT " + $0.output.1 }
                }
        }

        @Test(.enabled(if: TestPostgres.isConfigured), .timeLimit(.minutes(10))) func aShopSchemaRoundTrips()
            async throws
        {
            let sql = try String(contentsOf: Self.fixtures.appendingPathComponent("shop.pg.sql"), encoding: .utf8)
            try await Self.roundTrip(sql, schemas: ["public", "billing"], folder: "shop", statements: 60)
        }

        @Test(
            .enabled(if: TestPostgres.isConfigured), .enabled(if: RealSchemaFixtures.isConfigured),
            .timeLimit(.minutes(10)),
            arguments: [
                ("zabbix.pg.sql", 500), ("mediawiki.pg.sql", 200), ("icinga2-ido.pg.sql", 200),
                ("roundcube.pg.sql", 60),
            ])
        func aPublicSchemaRoundTrips(fixture: String, statements: Int) async throws {
            try await Self.roundTrip(
                try RealSchemaFixtures.sql(fixture), schemas: ["public"], folder: fixture, statements: statements)
        }

        /// Loads `sql`, adopts it with `inspect --format swift`, rebuilds it on an empty database
        /// and compares the two dumps, which must hold at least `statements` statements.
        static func roundTrip(_ sql: String, schemas: [String], folder name: String, statements: Int) async throws {
            try await withTemporaryPostgres { source in
                let sourceConnection = try PostgresConnection(source)
                defer { sourceConnection.close() }
                try sourceConnection.execute(sql)
                let manager = FileManager.default
                let folder = EndToEndTests.work + "/real-schema-" + name
                try manager.createDirectory(atPath: EndToEndTests.work, withIntermediateDirectories: true)
                try? manager.removeItem(atPath: folder)
                try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
                defer { try? manager.removeItem(atPath: folder) }

                let inspected = try EndToEndTests.autogen(
                    ["inspect", "--url", TestPostgres.text(source)] + schemas.flatMap { ["--schema", $0] }
                        + ["--format", "swift"], in: folder)
                try #require(inspected.status == 0, "\(inspected)")
                // inspect's JSON, written without Foundation, is the bytes JSONEncoder gives.
                let json = try EndToEndTests.autogen(
                    ["inspect", "--url", TestPostgres.text(source)] + schemas.flatMap { ["--schema", $0] }, in: folder)
                let inspectedSchema = try Introspector.read(url: .postgresql(source), schemas: schemas).schema
                let foundationJSON = try SchemaJSON.encodeWithFoundation(inspectedSchema) + "\n"
                #expect(json.status == 0 && json.out == foundationJSON, "\(json.err)")
                #expect(try EndToEndTests.autogen(["init", "migrations"], in: folder).status == 0)
                try inspected.out.write(toFile: folder + "/migrations/model.swift", atomically: true, encoding: .utf8)
                let ini = folder + "/autogen.ini"
                let config = try String(contentsOfFile: ini, encoding: .utf8)
                try config.replacingOccurrences(of: "url = sqlite:///app.db", with: "url = ${DATABASE_URL}")
                    .write(toFile: ini, atomically: true, encoding: .utf8)

                // check against the database the model came from: nothing to do.
                let same = try EndToEndTests.autogen(
                    ["check"], in: folder, environment: ["DATABASE_URL": TestPostgres.text(source)])
                #expect(same.status == 0 && same.out.contains("No changes"), "\(same)")

                try await withTemporaryPostgres { target in
                    let environment = ["DATABASE_URL": TestPostgres.text(target)]
                    let revision = try EndToEndTests.autogen(
                        ["revision", "--autogenerate", "-m", "adopt"], in: folder, environment: environment)
                    try #require(revision.status == 0, "\(revision)")
                    let upgrade = try EndToEndTests.autogen(["upgrade", "head"], in: folder, environment: environment)
                    try #require(upgrade.status == 0, "\(upgrade)")
                    let check = try EndToEndTests.autogen(["check"], in: folder, environment: environment)
                    #expect(check.status == 0 && check.out.contains("No changes"), "\(check)")

                    let original = try Self.schemaDump(source)
                    let rebuilt = try Self.schemaDump(target)
                    #expect(original.count > statements, "\(original.count) statements")
                    for (a, b) in zip(original, rebuilt) where a != b {
                        Issue.record("original:\n\(a)\nrebuilt:\n\(b)")
                        break
                    }
                    #expect(original.count == rebuilt.count, "\(Set(original).symmetricDifference(rebuilt))")

                    let downgrade = try EndToEndTests.autogen(
                        ["downgrade", "base"], in: folder, environment: environment)
                    #expect(downgrade.status == 0, "\(downgrade)")
                    let left = try Self.schemaDump(target)
                    #expect(
                        left.allSatisfy { !$0.hasPrefix("CREATE TABLE") && !$0.hasPrefix("CREATE TYPE") }, "\(left)")
                    let read = try PostgresCatalogReader(connection: try PostgresConnection(target)).read(
                        schemas: schemas.filter { $0 != "public" }, alongsideDefault: true)
                    #expect(read.tables.map(\.name).sorted() == ["autogen_history", "autogen_version"])
                    #expect(read.sequences.isEmpty && read.domains.isEmpty && read.compositeTypes.isEmpty)
                    #expect(read.enums.isEmpty && read.extensions.isEmpty && read.views.isEmpty)
                    #expect(read.functions.isEmpty && read.triggers.isEmpty, "\(read.functions) \(read.triggers)")
                }
            }
        }
    }
}

extension EndToEndTests {
    /// The same round trip on SQLite, the catalog compared as the pragmas read it.
    /// The same round trip on SQLite, the catalog compared as the pragmas read it: a
    /// hand-written library schema, and the public ones (Roundcube, the Zabbix proxy's, and
    /// calibre's library database with its 11 views and 39 triggers).
    @Suite(.serialized) struct SQLiteRealSchemaRoundTripTests {
        @Test(.timeLimit(.minutes(10))) func aLibrarySchemaRoundTrips() throws {
            let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
                "Fixtures")
            let sql = try String(contentsOf: fixtures.appendingPathComponent("library.sqlite.sql"), encoding: .utf8)
            try Self.roundTrip(sql, folder: "library", tables: 4)
        }

        @Test(
            .enabled(if: RealSchemaFixtures.isConfigured), .timeLimit(.minutes(10)),
            arguments: [("roundcube.sqlite.sql", 15), ("zabbix-proxy.sqlite.sql", 100), ("calibre.sqlite.sql", 20)])
        func aPublicSchemaRoundTrips(fixture: String, tables: Int) throws {
            try Self.roundTrip(try RealSchemaFixtures.sql(fixture), folder: fixture, tables: tables)
        }

        static func roundTrip(_ sql: String, folder name: String, tables: Int) throws {
            let manager = FileManager.default
            let folder = EndToEndTests.work + "/real-schema-sqlite-" + name
            try manager.createDirectory(atPath: EndToEndTests.work, withIntermediateDirectories: true)
            try? manager.removeItem(atPath: folder)
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? manager.removeItem(atPath: folder) }
            let source = folder + "/library.db"
            let target = folder + "/rebuilt.db"
            try SQLiteConnection(path: source).execute(sql)

            let inspected = try EndToEndTests.autogen(
                ["inspect", "--url", "sqlite:///" + source, "--format", "swift"], in: folder)
            try #require(inspected.status == 0, "\(inspected)")
            let json = try EndToEndTests.autogen(["inspect", "--url", "sqlite:///" + source], in: folder)
            let inspectedSchema = try Introspector.read(url: .sqlite(path: source)).schema
            let foundationJSON = try SchemaJSON.encodeWithFoundation(inspectedSchema) + "\n"
            #expect(json.status == 0 && json.out == foundationJSON, "\(json.err)")
            #expect(try EndToEndTests.autogen(["init", "migrations"], in: folder).status == 0)
            try inspected.out.write(toFile: folder + "/migrations/model.swift", atomically: true, encoding: .utf8)
            let ini = folder + "/autogen.ini"
            try String(contentsOfFile: ini, encoding: .utf8)
                .replacingOccurrences(of: "url = sqlite:///app.db", with: "url = ${DATABASE_URL}")
                .write(toFile: ini, atomically: true, encoding: .utf8)
            func run(_ arguments: [String], on path: String) throws -> EndToEndTests.Run {
                try EndToEndTests.autogen(arguments, in: folder, environment: ["DATABASE_URL": "sqlite:///" + path])
            }
            let same = try run(["check"], on: source)
            #expect(same.status == 0 && same.out.contains("No changes"), "\(same)")
            let revision = try run(["revision", "--autogenerate", "-m", "adopt"], on: target)
            try #require(revision.status == 0, "\(revision)")
            #expect(try run(["upgrade", "head"], on: target).status == 0)
            let check = try run(["check"], on: target)
            #expect(check.status == 0 && check.out.contains("No changes"), "\(check)")

            // Compared without the names of foreign keys and unique constraints: SQLite lets them
            // go unnamed, and a model always names them (its naming convention), which the
            // rebuilt CREATE TABLE then spells out. Nothing else is left out.
            func read(_ path: String) throws -> Schema {
                var schema = try SQLiteCatalogReader(connection: try SQLiteConnection(path: path, create: false)).read()
                schema.tables.removeAll { $0.name.hasPrefix("autogen_") }
                for t in schema.tables.indices {
                    for k in schema.tables[t].foreignKeys.indices { schema.tables[t].foreignKeys[k].name = nil }
                    for u in schema.tables[t].uniques.indices { schema.tables[t].uniques[u].name = nil }
                }
                return schema
            }
            let original = try read(source)
            let rebuilt = try read(target)
            #expect(original.tables.count >= tables, "\(original.tables.count) tables")
            for (a, b) in zip(original.tables, rebuilt.tables) where a != b { Issue.record("\(a)\n\(b)") }
            #expect(original == rebuilt)

            #expect(try run(["downgrade", "base"], on: target).status == 0)
            #expect(try read(target).tables.isEmpty)
            #expect(try read(target).views.isEmpty)
            #expect(try read(target).triggers.isEmpty)
        }
    }
}
