import Foundation
import Introspect
import ModelDSL
import TestSupport
import Testing

@testable import Autogen

/// Item 7 of the data-safety issue: a model the database would refuse or silently change is
/// one error line from `revision --autogenerate` (and `check`), and no revision is written.
@Suite struct ModelValidationTests {
    static func autogenerate(_ model: Schema, url: String? = nil) async throws -> (
        status: Int32, err: String, files: [String]
    ) {
        let (folder, ini) = try EnvironmentCommandTests.makeProject(url: url)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = await EnvironmentCommandTests.run(
            ["revision", "--autogenerate", "-m", "bad"], ini: ini, schema: model, revisions: [])
        let files = try FileManager.default.contentsOfDirectory(atPath: folder + "/migrations/versions")
        return (run.status, run.err, files)
    }

    @Test func aForeignKeyToATableThatExistsNowhere() async throws {
        let model = Schema {
            Table("invoice") {
                Column("id", .integer).primaryKey()
                Column("customer_id", .integer).references("customer", "id", name: "invoice_customer_id_fkey")
            }
        }
        let run = try await Self.autogenerate(model)
        #expect(run.status == 1 && run.files.isEmpty)
        #expect(
            run.err
                == "error: invalid model: table \"invoice\": foreign key \"invoice_customer_id_fkey\" refers to table \"customer\", which is neither in the model nor in the database"
        )
    }

    @Test func emptyTableAndColumnNames() async throws {
        let table = try await Self.autogenerate(Schema { Table("") { Column("id", .integer) } })
        #expect(table.status == 1 && table.files.isEmpty)
        #expect(table.err == "error: invalid model: a table has an empty name")
        let column = try await Self.autogenerate(Schema { Table("t") { Column("", .integer) } })
        #expect(column.status == 1 && column.files.isEmpty)
        #expect(column.err == "error: invalid model: table \"t\": a column has an empty name")
    }

    @Test(.enabled(if: TestPostgres.isConfigured)) func aNameLongerThanPostgreSQLKeeps() async throws {
        let long = String(repeating: "x", count: 70)
        try await withTemporaryPostgres { parts in
            var url = parts
            url.password = nil
            let text =
                TestPostgres.text(url)
            let run = try await Self.autogenerate(
                Schema { Table(long) { Column("id", .integer).primaryKey() } }, url: text)
            #expect(run.status == 1 && run.files.isEmpty)
            #expect(
                run.err.hasPrefix(
                    "error: invalid model: table \"\(long)\" is 70 bytes long; PostgreSQL keeps 63 and would cut it to \"\(String(long.prefix(63)))\""
                ), "\(run.err)")
        }
    }
}

/// Item 11 of the data-safety issue: smaller errors, each one line.
@Suite struct SmallErrorTests {
    @Test func checkAgainstAFileInAMissingFolderIsAConnectionError() async throws {
        let (folder, ini) = try EnvironmentCommandTests.makeProject(url: "sqlite:///nowhere-\(UUID().uuidString)/x.db")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = await EnvironmentCommandTests.run(["check"], ini: ini, revisions: [])
        #expect(run.status == 1)
        #expect(run.out == "", "not a difference: \(run.out)")
        #expect(
            run.err.hasPrefix("error: cannot connect to sqlite:///nowhere-") && run.err.hasSuffix(" does not exist"),
            "\(run.err)")
    }

    @Test func aURLWithSeveralHostsIsRefusedClearly() {
        #expect {
            try DatabaseURL("postgresql://u:secret@h1:1,h2:2/db")
        } throws: { error in
            "\(error)"
                == "invalid database URL postgresql://u:***@h1:1,h2:2/db: several hosts (h1:1,h2:2) are not supported; give one host, or one hostaddr as a parameter"
        }
        #expect((try? DatabaseURL("postgresql://u@[::1]:5432/db")) != nil)
    }
}
