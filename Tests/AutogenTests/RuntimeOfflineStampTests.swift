import Foundation
import Introspect
import Testing

@testable import Autogen

/// Offline `stamp --sql`, with and without a start revision (`start:target`), against golden
/// files in `Snapshots/RuntimeOfflineStampTests/`, on the branched graph
/// a1 - b2 - c3 - (d4 @left, e5) - f6.
@Suite struct RuntimeOfflineStampTests {
    static func sql(_ url: DatabaseURL, _ arguments: [String], purge: Bool = false) throws -> String {
        try runtimeRunner(url, branchedRevisions).offlineStampSQL(arguments, purge: purge)
    }

    /// The dialects by name; nothing connects (the PostgreSQL host does not exist).
    static func url(_ dialect: String) throws -> DatabaseURL {
        dialect == "sqlite" ? .sqlite(path: nil) : try RuntimeOfflineTests.postgres
    }

    /// From base the table is created and the target inserted, as without a start.
    @Test(arguments: ["sqlite", "postgres"]) func baseToHead(_ name: String) throws {
        let url = try Self.url(name)
        let text = try Self.sql(url, ["base:head"])
        #expect(text == (try Self.sql(url, ["head"])))
        assertSnapshot(text, named: "\(name)_base_head", suite: "RuntimeOfflineStampTests")
    }

    /// An upgrade range moves the start's row forward: one UPDATE, no CREATE TABLE.
    @Test(arguments: ["sqlite", "postgres"]) func upgradeRange(_ name: String) throws {
        let url = try Self.url(name)
        let text = try Self.sql(url, ["b2:f6"])
        #expect(!text.contains("CREATE TABLE"))
        assertSnapshot(text, named: "\(name)_b2_f6", suite: "RuntimeOfflineStampTests")
    }

    /// A downgrade range moves the row back.
    @Test(arguments: ["sqlite", "postgres"]) func downgradeRange(_ name: String) throws {
        let url = try Self.url(name)
        assertSnapshot(try Self.sql(url, ["f6:b2"]), named: "\(name)_f6_b2", suite: "RuntimeOfflineStampTests")
    }

    /// Into two branches: the start's row moves to one branch, the other branch is inserted.
    @Test func branches() throws {
        let postgres = try Self.url("postgres")
        assertSnapshot(
            try Self.sql(postgres, ["c3:d4", "c3:e5"]), named: "postgres_c3_d4_e5", suite: "RuntimeOfflineStampTests")
        let merged = try Self.sql(postgres, ["e5:f6"])
        #expect(merged.contains("UPDATE \"autogen_version\" SET version_num = 'f6' WHERE version_num = 'e5';"))
        // A start on one branch and a target on the other: the row of the start stays.
        let other = try Self.sql(postgres, ["d4:e5"])
        #expect(other.contains("INSERT INTO \"autogen_version\" (version_num) VALUES ('e5');"), "\(other)")
        #expect(!other.contains("DELETE") && !other.contains("UPDATE"), "\(other)")
        let down = try Self.sql(postgres, ["f6:base"])
        #expect(down.contains("DELETE FROM \"autogen_version\" WHERE version_num = 'f6';"), "\(down)")
        // A relative target counts from the start.
        #expect(try Self.sql(postgres, ["b2:+1"]) == (try Self.sql(postgres, ["b2:c3"])))
        #expect(try Self.sql(postgres, ["b2:"]) == (try Self.sql(postgres, ["b2:heads"])))
    }

    /// Without a start: the existing behaviour, from base; `--purge` empties the table first.
    @Test func withoutStart() throws {
        let postgres = try Self.url("postgres")
        assertSnapshot(
            try Self.sql(postgres, ["d4", "e5"], purge: true), named: "postgres_purge_d4_e5",
            suite: "RuntimeOfflineStampTests")
    }

    @Test func userErrors() throws {
        let url = try Self.url("sqlite")
        let cases: [([String], Bool, String)] = [
            (["b2:c3"], true, "--purge can't be used with a start revision ('b2:...')"),
            (["b2:c3", "a1:d4"], false, "stamp --sql takes one start revision, but 'b2' and 'a1' differ"),
            (["b2:c3:d4"], false, RevisionLookupError.malformedRange(range: "b2:c3:d4").description),
            (["zz:c3"], false, RevisionLookupError.unknown(name: "zz").description),
            (["b2:zz"], false, RevisionLookupError.unknown(name: "zz").description),
        ]
        for (arguments, purge, expected) in cases {
            do {
                _ = try Self.sql(url, arguments, purge: purge)
                Issue.record("stamp --sql \(arguments) should fail")
            } catch {
                #expect("\(error)".hasPrefix(expected), "\(error)")
                #expect(!"\(error)".contains("\n"))
            }
        }
    }

    /// The command passes ranges to the offline stamp, and refuses them online.
    @Test func stampCommandRanges() async throws {
        let (folder, ini) = try EnvironmentCommandTests.makeProject()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for revision in linearRevisions {
            try revisionFileText(id: revision.id, downRevisions: revision.downRevisions, message: revision.message)
                .write(toFile: folder + "/migrations/versions/\(revision.id).swift", atomically: true, encoding: .utf8)
        }
        let offline = await EnvironmentCommandTests.run(
            ["stamp", "--sql", "a1:c3"], ini: ini, revisions: linearRevisions)
        #expect(offline.status == 0, "\(offline)")
        #expect(
            offline.out.hasSuffix(
                "BEGIN IMMEDIATE;\nUPDATE \"autogen_version\" SET version_num = 'c3' WHERE version_num = 'a1';\nCOMMIT;\n"
            ),
            "\(offline)")
        #expect(!offline.out.contains("CREATE TABLE"), "\(offline)")
        let online = await EnvironmentCommandTests.run(["stamp", "a1:c3"], ini: ini, revisions: linearRevisions)
        #expect(online.status == 1)
        #expect(
            online.err
                == "error: stamp a1:c3: a start revision is for --sql only; online, the version table says where it starts"
        )
        #expect(!FileManager.default.fileExists(atPath: folder + "/app.db"))
    }
}
