import Foundation
import Introspect
import TestSupport
import Testing

@testable import Autogen

/// `autogen history --indicate-current`: the revisions the version table holds are marked
/// `(current)`, read from the database without building the environment.
@Suite struct HistoryIndicateCurrentTests {
    typealias Fixture = EditCommandTests.Fixture

    static func history(_ arguments: [String], _ project: Project) throws -> String {
        try HistoryCommand.parse(arguments).output(project)
    }

    @Test func sqliteMarksTheCurrentRevisions() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.stampDatabase(["cccc00000003", "9999000000a7"])
        let plain = try Self.history(["-i"], fixture.project)
        assertSnapshot(plain, named: "history-current", suite: "GraphCommandTests")
        #expect(plain.contains("bbbb00000002 -> cccc00000003 (current), feature a\n"))
        #expect(plain.contains("bbbb00000002 -> 9999000000a7 (reports) (head) (current), reporting tables\n"))
        #expect(plain.components(separatedBy: "(current)").count == 3)
        assertSnapshot(
            try Self.history(["--indicate-current", "--graph"], fixture.project), named: "history-graph-current",
            suite: "GraphCommandTests")
        let verbose = try Self.history(["-i", "-v"], fixture.project)
        #expect(verbose.contains("Rev: cccc00000003 (current)\nParent: bbbb00000002\n"))
        #expect(verbose.contains("Rev: 9999000000a7 (reports) (head) (current)\n"))
        #expect(verbose.components(separatedBy: "(current)").count == 3)
        // The graph marks the current revisions without the flag, as the issue asks.
        #expect(
            try Self.history(["--graph"], fixture.project)
                == (try Self.history(["--indicate-current", "--graph"], fixture.project)))
        // Without the flag the lists read nothing and mark nothing.
        #expect(!(try Self.history([], fixture.project)).contains("(current)"))
        #expect(!(try Self.history(["-v"], fixture.project)).contains("(current)"))
        // A range is still a range.
        let ranged = try Self.history(["-i", "-r", "cccc:"], fixture.project)
        #expect(ranged.hasSuffix("bbbb00000002 -> cccc00000003 (current), feature a"))
        #expect(!ranged.contains("9999000000a7"))
    }

    /// No database file, or no version table: nothing is current, and no file is created.
    @Test func sqliteWithoutVersionTableMarksNothing() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let plain = try Self.history([], fixture.project)
        #expect(try Self.history(["-i"], fixture.project) == plain)
        #expect(
            try Self.history(["-i", "--graph"], fixture.project) == (try Self.history(["--graph"], fixture.project)))
        #expect(!FileManager.default.fileExists(atPath: fixture.database))
        _ = try SQLiteConnection(path: fixture.database)
        #expect(try Self.history(["-i"], fixture.project) == plain)
    }

    /// `version_table` from autogen.ini names the table; a row no file declares is an error.
    @Test func configuredVersionTableAndUnknownRevision() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try """
        [autogen]
        script_location = %(here)s/migrations
        url = sqlite:///\(fixture.database)
        version_table = schema_versions
        """.write(toFile: fixture.folder + "/autogen.ini", atomically: true, encoding: .utf8)
        let project = try Project(
            ConfigOptions(file: fixture.folder + "/autogen.ini", environment: [:], currentDirectory: fixture.folder))
        let connection = try SQLiteConnection(path: fixture.database)
        try connection.execute("CREATE TABLE schema_versions (version_num VARCHAR(32) NOT NULL PRIMARY KEY)")
        try connection.execute("INSERT INTO schema_versions VALUES ('ffff00000006')")
        #expect(
            try Self.history(["-i"], project).hasPrefix("eeee00000005 -> ffff00000006 (head) (current), add index\n"))
        try connection.execute("INSERT INTO schema_versions VALUES ('0123abcd')")
        #expect(throws: RevisionLookupError.unknownCurrent(id: "0123abcd")) { try Self.history(["-i"], project) }
    }

    /// A config without `url` says where to set it, in one line.
    @Test func missingURLIsOneLine() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try "[autogen]\nscript_location = %(here)s/migrations\n".write(
            toFile: fixture.folder + "/autogen.ini", atomically: true, encoding: .utf8)
        let project = try Project(
            ConfigOptions(file: fixture.folder + "/autogen.ini", environment: [:], currentDirectory: fixture.folder))
        #expect(throws: ConfigError.self) { try Self.history(["-i"], project) }
        #expect(!(try Self.history([], project)).isEmpty)
    }
}

@Suite(.enabled(if: TestPostgres.isConfigured)) struct HistoryIndicateCurrentPostgresTests {
    static func project(_ fixture: EditCommandTests.Fixture, url: String, extra: String = "") throws -> Project {
        try "[autogen]\nscript_location = %(here)s/migrations\nurl = \(url)\n\(extra)".write(
            toFile: fixture.folder + "/autogen.ini", atomically: true, encoding: .utf8)
        return try Project(
            ConfigOptions(file: fixture.folder + "/autogen.ini", environment: [:], currentDirectory: fixture.folder))
    }

    @Test func postgresMarksTheCurrentRevisions() throws {
        let fixture = try EditCommandTests.Fixture()
        defer { fixture.remove() }
        try TestPostgres.withTemporaryDatabase { url, connection in
            let project = try Self.project(fixture, url: TestPostgres.text(url))
            let plain = try HistoryIndicateCurrentTests.history([], project)
            #expect(try HistoryIndicateCurrentTests.history(["-i"], project) == plain)
            try connection.execute(
                "CREATE TABLE autogen_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT autogen_version_pkc PRIMARY KEY (version_num))"
            )
            try connection.execute("INSERT INTO autogen_version VALUES ('cccc00000003'), ('9999000000a7')")
            let marked = try HistoryIndicateCurrentTests.history(["-i"], project)
            // The same text as on SQLite, whose test records it.
            assertSnapshot(marked, named: "history-current", suite: "GraphCommandTests", recording: false)
            #expect(
                try HistoryIndicateCurrentTests.history(["-i", "--graph"], project).contains(
                    "* | bbbb00000002 -> cccc00000003 (current), feature a\n"))

            // version_table_schema: the table in another schema.
            try connection.execute("CREATE SCHEMA meta")
            try connection.execute(
                "CREATE TABLE meta.autogen_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)")
            try connection.execute("INSERT INTO meta.autogen_version VALUES ('ffff00000006')")
            let inMeta = try Self.project(fixture, url: TestPostgres.text(url), extra: "version_table_schema = meta\n")
            let fromMeta = try HistoryIndicateCurrentTests.history(["-i"], inMeta)
            #expect(fromMeta.hasPrefix("eeee00000005 -> ffff00000006 (head) (current), add index\n"))
            #expect(fromMeta.components(separatedBy: "(current)").count == 2)
        }
    }

    /// A connection that fails names the database without its password, in one line.
    @Test func failedConnectionHidesThePassword() throws {
        let fixture = try EditCommandTests.Fixture()
        defer { fixture.remove() }
        var url = try TestPostgres.serverURL()
        url.password = "pw-s3cret-x"
        url.database = "autogen_no_such_database_" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
        let unreachable = "postgresql://someone:pw-s3cret-x@127.0.0.1:1/nothing"
        for text in [TestPostgres.text(url), unreachable] {
            let project = try Self.project(fixture, url: text)
            do {
                _ = try HistoryIndicateCurrentTests.history(["-i"], project)
                Issue.record("history -i on \(DatabaseURL.redact(text)) should fail")
            } catch {
                let message = "\(error)"
                #expect(!message.contains("pw-s3cret-x"), "\(message)")
                #expect(message.contains("***"), "\(message)")
                #expect(!message.contains("\n"), "\(message)")
            }
        }
    }
}
