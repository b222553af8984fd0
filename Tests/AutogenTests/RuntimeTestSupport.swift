import Foundation
import Introspect
import ModelDSL
import TestSupport
import Testing

@testable import Autogen

// Revisions the runtime tests apply:
//
//   a1 - b2 - c3 - d4(@left) - f6      (f6 merges d4 and e5)
//                \- e5 -------/
//   c3 - x9                            (x9 fails half-way)

struct RevA1: Revision {
    static let id = "a1"
    static let downRevisions: [String] = []
    static let branchLabels: [String] = []
    static let dependsOn: [String] = []
    static let message = "add account"
    static let createDate = "2026-01-01 00:00:00.000000"

    func upgrade(_ op: Operations) throws {
        try op.createTable("account") {
            Column("id", .integer).primaryKey()
            Column("name", .text)
        }
        try op.bulkInsert("account", columns: ["id", "name"], rows: [[1, "ada"], [2, "bob"]])
    }

    func downgrade(_ op: Operations) throws {
        try op.dropTable("account")
    }
}

struct RevB2: Revision {
    static let id = "b2"
    static let downRevisions = ["a1"]
    static let branchLabels: [String] = []
    static let dependsOn: [String] = []
    static let message = "add email"
    static let createDate = "2026-01-02 00:00:00.000000"

    func upgrade(_ op: Operations) throws {
        try op.addColumn("account", Column("email", .text))
        try op.createIndex(Index("ix_account_email", "email"), on: "account")
    }

    func downgrade(_ op: Operations) throws {
        try op.dropIndex("ix_account_email", on: "account")
        try op.dropColumn("account", "email")
    }
}

struct RevC3: Revision {
    static let id = "c3"
    static let downRevisions = ["b2"]
    static let branchLabels: [String] = []
    static let dependsOn: [String] = []
    static let message = "add note, name required"
    static let createDate = "2026-01-03 00:00:00.000000"

    func upgrade(_ op: Operations) throws {
        try op.createTable("note") {
            Column("id", .integer).primaryKey()
            Column("account_id", .integer).notNull().references("account", "id", name: "note_account_id_fkey")
            Column("body", .text)
        }
        try op.alterColumn("account", "name", nullable: false, existing: Column("name", .text))
    }

    func downgrade(_ op: Operations) throws {
        try op.alterColumn("account", "name", nullable: true, existing: Column("name", .text).notNull())
        try op.dropTable("note")
    }
}

struct RevD4: Revision {
    static let id = "d4"
    static let downRevisions = ["c3"]
    static let branchLabels = ["left"]
    static let dependsOn: [String] = []
    static let message = "left branch"
    static let createDate = "2026-01-04 00:00:00.000000"

    func upgrade(_ op: Operations) throws { try op.createTable("left_t") { Column("id", .integer).primaryKey() } }
    func downgrade(_ op: Operations) throws { try op.dropTable("left_t") }
}

struct RevE5: Revision {
    static let id = "e5"
    static let downRevisions = ["c3"]
    static let branchLabels: [String] = []
    static let dependsOn: [String] = []
    static let message = "right branch"
    static let createDate = "2026-01-05 00:00:00.000000"

    func upgrade(_ op: Operations) throws { try op.createTable("right_t") { Column("id", .integer).primaryKey() } }
    func downgrade(_ op: Operations) throws { try op.dropTable("right_t") }
}

struct RevF6: Revision {
    static let id = "f6"
    static let downRevisions = ["d4", "e5"]
    static let branchLabels: [String] = []
    static let dependsOn: [String] = []
    static let message = "merge"
    static let createDate = "2026-01-06 00:00:00.000000"

    func upgrade(_ op: Operations) throws {
        try op.batchAlterTable("account") { batch in
            try batch.addColumn(Column("merged", .integer))
            try batch.alterColumn("email", type: .varchar(200), existing: Column("email", .text))
        }
    }

    func downgrade(_ op: Operations) throws {
        try op.batchAlterTable("account") { batch in
            try batch.alterColumn("email", type: .text, existing: Column("email", .varchar(200)))
            try batch.dropColumn("merged")
        }
    }
}

/// Creates a table and inserts a row, then fails on a missing table.
struct RevX9: Revision {
    static let id = "x9"
    static let downRevisions = ["c3"]
    static let branchLabels: [String] = []
    static let dependsOn: [String] = []
    static let message = "fails"
    static let createDate = "2026-01-09 00:00:00.000000"

    func upgrade(_ op: Operations) throws {
        try op.createTable("doomed") { Column("id", .integer).primaryKey() }
        try op.execute("UPDATE account SET name = 'changed'")
        try op.execute("INSERT INTO missing_table VALUES (1)")
    }

    func downgrade(_ op: Operations) throws { try op.dropTable("doomed") }
}

/// Creates an index concurrently (outside the transaction), then adds a column.
struct RevConcurrent: Revision {
    static let id = "ci"
    static let downRevisions = ["a1"]
    static let branchLabels: [String] = []
    static let dependsOn: [String] = []
    static let message = "concurrent index"
    static let createDate = ""
    func upgrade(_ op: Operations) throws {
        try op.createIndex(Index("ix_account_name", "name"), on: "account", concurrently: true)
        try op.addColumn("account", Column("after_index", .text))
    }
    func downgrade(_ op: Operations) throws {
        try op.dropColumn("account", "after_index")
        try op.dropIndex("ix_account_name", on: "account", concurrently: true)
    }
}

let linearRevisions: [any Revision.Type] = [RevA1.self, RevB2.self, RevC3.self]
let branchedRevisions: [any Revision.Type] = linearRevisions + [RevD4.self, RevE5.self, RevF6.self]
let failingRevisions: [any Revision.Type] = linearRevisions + [RevX9.self]

/// The graph of compiled revisions, as if read from files at `paths` (id -> path).
func runtimeGraph(_ revisions: [any Revision.Type], paths: [String: String] = [:]) throws -> RevisionGraph {
    try RevisionGraph(
        headers: revisions.map { r in
            RevisionHeader(
                id: r.id, downRevisions: r.downRevisions, branchLabels: r.branchLabels, dependsOn: r.dependsOn,
                message: r.message, createDate: r.createDate, path: paths[r.id] ?? "")
        })
}

/// A runner over `revisions` for `url`.
func runtimeRunner(
    _ url: DatabaseURL, _ revisions: [any Revision.Type], perMigration: Bool = false, paths: [String: String] = [:],
    log: @escaping @Sendable (String) -> Void = { _ in }
) throws -> MigrationRunner {
    try MigrationRunner(
        url: url, revisions: revisions, graph: runtimeGraph(revisions, paths: paths),
        options: MigrationOptions(transactionPerMigration: perMigration, log: log))
}

/// A new empty SQLite file in a new temporary folder.
func temporarySQLiteURL() -> (url: DatabaseURL, path: String) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("autogen-runtime-tests")
        .appendingPathComponent(UUID().uuidString)
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent("test.db").path
    return (.sqlite(path: path), path)
}

/// Runs `body` against a new PostgreSQL database (dropped afterwards), for async bodies.
func withTemporaryPostgres(_ body: (DatabaseURL.PostgresURL) async throws -> Void) async throws {
    let server = try TestPostgres.serverURL()
    let name = "autogen_rt_" + String(UInt64.random(in: 0...UInt64.max), radix: 16)
    let admin = try PostgresConnection(server)
    defer { admin.close() }
    try admin.execute("CREATE DATABASE " + PostgresDialect.quoteIdentifier(name))
    defer { try? admin.execute("DROP DATABASE IF EXISTS " + PostgresDialect.quoteIdentifier(name) + " WITH (FORCE)") }
    var url = server
    url.database = name
    try await body(url)
}

/// Reads text rows from any database URL.
func runtimeQuery(_ url: DatabaseURL, _ sql: String) throws -> [[String?]] {
    switch url {
    case .sqlite(let path):
        let connection = try SQLiteConnection(path: path)
        return try connection.query(sql).map { row in
            row.map { value -> String? in
                switch value {
                case .null: return nil
                case .text(let s): return s
                case .integer(let i): return String(i)
                case .real(let d): return String(d)
                case .blob: return "<blob>"
                }
            }
        }
    case .postgresql(let parts):
        let connection = try PostgresConnection(parts)
        defer { connection.close() }
        let result = try connection.query(sql)
        return (0..<result.rowCount).map { r in (0..<result.columnCount).map { result[r, $0] } }
    }
}

/// The table names of the database, sorted, without the version and history tables.
func runtimeTables(_ url: DatabaseURL) throws -> [String] {
    let schema = try Introspector.read(url: url).schema
    return schema.tables.map(\.name).filter { !$0.hasPrefix("autogen_") }.sorted()
}

/// Collects log lines across tasks.
final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}
