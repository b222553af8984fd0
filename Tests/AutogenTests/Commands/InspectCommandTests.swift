import Foundation
import Introspect
import ModelDSL
import TestSupport
import Testing

@testable import Autogen

/// `autogen inspect` through the binary (issue #11 item 14): JSON with sorted keys holding
/// every kind of object, `--format swift`, `--schema` / `--exclude-schema`, and its errors.
@Suite struct InspectCommandTests {
    static let sqliteSchema = """
        CREATE TABLE org (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, code TEXT DEFAULT 'x');
        CREATE TABLE account (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            org_id INTEGER NOT NULL CONSTRAINT account_org_id_fkey REFERENCES org (id) ON DELETE CASCADE,
            balance NUMERIC(10,2) NOT NULL DEFAULT 0,
            twice INTEGER GENERATED ALWAYS AS (balance * 2) VIRTUAL,
            CONSTRAINT ck_balance CHECK (balance >= 0)
        );
        CREATE INDEX ix_account_org ON account (org_id) WHERE balance > 0;
        CREATE VIEW v_account AS SELECT id, balance FROM account;
        CREATE TRIGGER t_org AFTER INSERT ON org BEGIN SELECT 1; END;
        """

    @Test func jsonHasSortedKeysAndEveryObjectKind() throws {
        let (url, path) = temporarySQLiteURL()
        let connection = try SQLiteConnection(path: path)
        for statement in Self.sqliteSchema.split(separator: ";\n") { try connection.execute(String(statement)) }
        let run = try CLIFlagTests.autogen(["inspect", "--url", "sqlite:///" + path], in: NSTemporaryDirectory())
        #expect(run.status == 0, "\(run.err)")
        // Sorted keys: the same bytes as the JSON re-encoded with sorted keys.
        let object = try JSONSerialization.jsonObject(with: Data(run.out.utf8))
        let sorted = try JSONSerialization.data(
            withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        let normalize = { (text: String) in text.filter { !$0.isWhitespace } }
        #expect(normalize(String(decoding: sorted, as: UTF8.self)) == normalize(run.out))
        // Every kind: tables, columns (default, identity, generated), primary key, unique,
        // foreign key, check, partial index, and the view and trigger kept as stored.
        let decoded = try JSONDecoder().decode(Schema.self, from: Data(run.out.utf8))
        #expect(decoded == (try Introspector.read(url: url).schema))
        let account = try #require(decoded.table("account"))
        #expect(account.column("id")?.identity == .autoincrement)
        #expect(account.column("twice")?.generated == Generated("balance * 2", stored: false))
        #expect(account.foreignKeys.map(\.name) == ["account_org_id_fkey"])
        #expect(account.checks.map(\.name) == ["ck_balance"])
        #expect(account.indexes.first?.predicate == "balance > 0")
        #expect(decoded.table("org")?.uniques.count == 1)
        #expect(decoded.table("org")?.column("code")?.defaultValue == .string("x"))
        #expect(decoded.views.map(\.name) == ["v_account"])
        #expect(decoded.triggers.map(\.name) == ["t_org"])
    }

    @Test func swiftFormatIsTheModelSource() throws {
        let (url, path) = temporarySQLiteURL()
        let connection = try SQLiteConnection(path: path)
        for statement in Self.sqliteSchema.split(separator: ";\n") { try connection.execute(String(statement)) }
        let run = try CLIFlagTests.autogen(
            ["inspect", "--url", "sqlite:///" + path, "--format", "swift"], in: NSTemporaryDirectory())
        #expect(run.status == 0, "\(run.err)")
        let schema = try Introspector.read(url: url).schema
        #expect(run.out.contains("Column(\"twice\", .integer).generated(\"balance * 2\", stored: false)"), "\(run.out)")
        // The same source `ModelSourceRenderer` writes, which ModelSourceRoundTripTests compiles.
        let body = ModelSourceRenderer.render(schema, header: "x")
        #expect(run.out.split(separator: "\n").dropFirst(2) == body.split(separator: "\n").dropFirst(2))
    }

    @Test func errorsAreOneLineWithUsageErrorsAt64() throws {
        let folder = NSTemporaryDirectory()
        let bad = try CLIFlagTests.autogen(["inspect", "--url", "sqlite:///x.db", "--format", "xml"], in: folder)
        #expect(bad.status == 64, "\(bad.err)")
        // No --url and no autogen.ini to take it from.
        let empty = NSTemporaryDirectory() + "inspect-no-ini-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let missing = try CLIFlagTests.autogen(["inspect"], in: empty)
        #expect(missing.status != 0 && missing.err.contains("autogen.ini"), "\(missing.err)")
        #expect(missing.err.split(separator: "\n").count == 1, "\(missing.err)")
        let unreachable = try CLIFlagTests.autogen(
            ["inspect", "--url", "postgresql://u:secret@127.0.0.1:1/db"], in: folder)
        #expect(unreachable.status == 1 && unreachable.err.hasPrefix("error: cannot connect to postgresql://u:***@"))
        #expect(!unreachable.err.contains("secret") && unreachable.err.split(separator: "\n").count == 1)
    }

    /// In a project, `inspect` reads the database autogen.ini names, as the other commands do.
    @Test func withoutURLItReadsTheConfigsDatabase() throws {
        let folder = NSTemporaryDirectory() + "inspect-ini-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try SQLiteConnection(path: folder + "/app.db").execute(
            "CREATE TABLE shop (id INTEGER PRIMARY KEY); CREATE TABLE autogen_version (version_num TEXT NOT NULL)")
        #expect(try CLIFlagTests.autogen(["init", "migrations"], in: folder).status == 0)
        let run = try CLIFlagTests.autogen(["inspect", "--format", "swift"], in: folder)
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains("Table(\"shop\")"), "\(run.out)")
        // autogen's own table is no part of the model.
        #expect(!run.out.contains("autogen_version"), "\(run.out)")
        // And another config file's, with --config.
        try "[autogen]\nscript_location = migrations\nurl = sqlite:///other.db\n".write(
            toFile: folder + "/other.ini", atomically: true, encoding: .utf8)
        try SQLiteConnection(path: folder + "/other.db").execute("CREATE TABLE depot (id INTEGER PRIMARY KEY)")
        let other = try CLIFlagTests.autogen(["inspect", "-c", "other.ini", "--format", "swift"], in: folder)
        #expect(other.status == 0 && other.out.contains("Table(\"depot\")"), "\(other.err)")
    }

    @Test(.enabled(if: TestPostgres.isConfigured)) func schemaFlagsPickTheSchemas() throws {
        try TestPostgres.withTemporaryDatabase { parts, connection in
            try connection.execute("CREATE SCHEMA billing; CREATE SCHEMA scratch")
            try connection.execute("CREATE TABLE public.a (id integer PRIMARY KEY)")
            try connection.execute("CREATE TABLE billing.invoice (id integer PRIMARY KEY)")
            try connection.execute("CREATE TABLE scratch.tmp (id integer)")
            let url =
                TestPostgres.text(parts)
            func tables(_ flags: [String]) throws -> [String] {
                let run = try CLIFlagTests.autogen(["inspect", "--url", url] + flags, in: NSTemporaryDirectory())
                try #require(run.status == 0, "\(run.err)")
                let schema = try JSONDecoder().decode(Schema.self, from: Data(run.out.utf8))
                return schema.tables.map { $0.qualifiedName }.sorted()
            }
            #expect(try tables([]) == ["a"])
            #expect(try tables(["--schema", "billing"]) == ["billing.invoice"])
            #expect(try tables(["--schema", "public", "--schema", "billing"]) == ["a", "billing.invoice"])
            #expect(try tables(["--exclude-schema", "scratch"]) == ["a", "billing.invoice"])
        }
    }

    /// `inspect` writes the extensions the database has (issue #13 item 8), before the tables.
    @Test(.enabled(if: TestPostgres.isConfigured)) func extensionsAreWritten() throws {
        try TestPostgres.withTemporaryDatabase { parts, connection in
            try connection.execute(
                "CREATE EXTENSION citext; CREATE TABLE member (id integer PRIMARY KEY, email citext)")
            let url = TestPostgres.text(parts)
            let swift = try CLIFlagTests.autogen(
                ["inspect", "--url", url, "--format", "swift"], in: NSTemporaryDirectory())
            try #require(swift.status == 0, "\(swift.err)")
            #expect(swift.out.contains("    Extension(\"citext\")\n\n    Table(\"member\") {\n"), "\(swift.out)")
            let json = try CLIFlagTests.autogen(["inspect", "--url", url], in: NSTemporaryDirectory())
            #expect(
                try JSONDecoder().decode(Schema.self, from: Data(json.out.utf8)).extensions == [Extension("citext")])
        }
    }
}
