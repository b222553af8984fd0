import Foundation
import Introspect
import ModelDSL
import TestSupport
import Testing

@testable import Autogen

/// A `CREATE INDEX CONCURRENTLY` that fails leaves an INVALID index under its name; the next
/// run drops it and builds it again instead of failing on "already exists".
@Suite struct ConcurrentIndexTests {
    struct UniqueCode: Revision {
        static let id = "ci1"
        static let downRevisions: [String] = []
        static let branchLabels: [String] = []
        static let dependsOn: [String] = []
        static let message = "unique code"
        static let createDate = ""
        func upgrade(_ op: Operations) throws {
            try op.createIndex(
                Index("ix_account_code", "code", unique: true), on: "account", concurrently: true)
        }
        func downgrade(_ op: Operations) throws {
            try op.dropIndex("ix_account_code", on: "account", concurrently: true)
        }
    }

    @Test(.enabled(if: TestPostgres.isConfigured)) func anInvalidIndexLeftByAFailedBuildIsRebuilt() async throws {
        try await withTemporaryPostgres { url in
            let setup = try PostgresConnection(url)
            defer { setup.close() }
            try setup.execute("CREATE TABLE account (id integer PRIMARY KEY, code text)")
            try setup.execute("INSERT INTO account VALUES (1, 'a'), (2, 'a')")
            let log = OnlineLockTests.Lines()
            let runner = try MigrationRunner(
                url: .postgresql(url), revisions: [UniqueCode.self],
                graph: try RevisionGraph(headers: [RevisionHeader(id: "ci1", message: "unique code")]),
                options: MigrationOptions(log: { log.append($0) }))
            do {
                try await runner.upgrade(to: "heads")
                Issue.record("the duplicate codes should fail the build")
            } catch {
                #expect("\(error)".contains("23505"), "\(error)")
            }
            let invalid = "SELECT indisvalid FROM pg_index WHERE indexrelid = to_regclass('ix_account_code')"
            #expect(try setup.query(invalid)[0, 0] == "f", "the failed build leaves an INVALID index")

            try setup.execute("UPDATE account SET code = 'b' WHERE id = 2")
            try await runner.upgrade(to: "heads")
            #expect(try setup.query(invalid)[0, 0] == "t")
            #expect(
                log.all.contains(
                    "Dropping what an earlier attempt left: index \"ix_account_code\" is INVALID, left by an interrupted CREATE INDEX CONCURRENTLY"
                ), "\(log.all)")
            let applied = try setup.query("SELECT version_num FROM autogen_version")
            #expect(applied.rowCount == 1 && applied[0, 0] == "ci1")
        }
    }
}
