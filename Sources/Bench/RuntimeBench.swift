// `autogen-bench runtime`: times the migration runtime applying trivial revisions.
//
//   autogen-bench runtime [--count 1000] [--url postgresql://...]
//
// Applies `count` revisions (a linear chain, one `CREATE TABLE` with two columns each) with
// `upgrade heads` in one transaction: to a new SQLite file, and, with `--url`, to a new
// database created on that PostgreSQL server (dropped afterwards). Prints, per database, one
// JSON line: the total wall time, the time spent inside the database driver (the SQL itself,
// the version and history tables, the one catalog read), and the runtime's overhead per
// revision ((total - sql) / count). The target is an overhead under 1 ms per revision.
//
// The revisions are real `Revision` types: `BenchRevision<H, T, O>` instantiated at run time
// over ten digit types, so that the bench needs no generated source.
import Autogen
import Foundation
import Introspect
import ModelDSL

/// A decimal digit as a type.
protocol BenchDigit { static var value: Int { get } }
enum BenchD0: BenchDigit { static var value: Int { 0 } }
enum BenchD1: BenchDigit { static var value: Int { 1 } }
enum BenchD2: BenchDigit { static var value: Int { 2 } }
enum BenchD3: BenchDigit { static var value: Int { 3 } }
enum BenchD4: BenchDigit { static var value: Int { 4 } }
enum BenchD5: BenchDigit { static var value: Int { 5 } }
enum BenchD6: BenchDigit { static var value: Int { 6 } }
enum BenchD7: BenchDigit { static var value: Int { 7 } }
enum BenchD8: BenchDigit { static var value: Int { 8 } }
enum BenchD9: BenchDigit { static var value: Int { 9 } }

private func benchDigits() -> [any BenchDigit.Type] {
    [
        BenchD0.self, BenchD1.self, BenchD2.self, BenchD3.self, BenchD4.self, BenchD5.self, BenchD6.self, BenchD7.self,
        BenchD8.self, BenchD9.self,
    ]
}

/// Revision number `1000*A + 100*H + 10*T + O`, revising the one before it.
struct BenchRevision<A: BenchDigit, H: BenchDigit, T: BenchDigit, O: BenchDigit>: Revision {
    static var number: Int { A.value * 1000 + H.value * 100 + T.value * 10 + O.value }
    static var id: String { benchID(number) }
    static var downRevisions: [String] { number == 0 ? [] : [benchID(number - 1)] }
    static var branchLabels: [String] { [] }
    static var dependsOn: [String] { [] }
    static var message: String { "create t\(number)" }
    static var createDate: String { "2026-11-26 20:00:00.000000" }

    func upgrade(_ op: Operations) throws {
        try op.createTable("t\(Self.number)") {
            Column("id", .integer).primaryKey()
            Column("name", .text)
        }
    }

    func downgrade(_ op: Operations) throws { try op.dropTable("t\(Self.number)") }
}

private func benchID(_ number: Int) -> String {
    "r" + String(repeating: "0", count: max(0, 4 - String(number).count)) + String(number)
}

private func benchRevisionType<A: BenchDigit, H: BenchDigit, T: BenchDigit, O: BenchDigit>(
    _: A.Type, _: H.Type, _: T.Type, _: O.Type
) -> any Revision.Type {
    BenchRevision<A, H, T, O>.self
}

/// The first `count` (at most 10,000) bench revisions.
private func benchRevisions(_ count: Int) -> [any Revision.Type] {
    let digits = benchDigits()
    var out: [any Revision.Type] = []
    for n in 0..<min(count, 10_000) {
        let a: any BenchDigit.Type = digits[n / 1000]
        let h: any BenchDigit.Type = digits[n / 100 % 10]
        let t: any BenchDigit.Type = digits[n / 10 % 10]
        let o: any BenchDigit.Type = digits[n % 10]
        out.append(benchRevisionType(a, h, t, o))
    }
    return out
}

private func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

private func benchRun(_ name: String, url: DatabaseURL, revisions: [any Revision.Type]) async throws {
    let headers = revisions.map { RevisionHeader(id: $0.id, downRevisions: $0.downRevisions, message: $0.message) }
    let runner = try MigrationRunner(url: url, revisions: revisions, graph: try RevisionGraph(headers: headers))
    let report = try await runner.upgrade()
    let total = milliseconds(report.totalDuration)
    let sql = milliseconds(report.sqlDuration)
    let perRevision = (total - sql) / Double(max(1, report.steps.count))
    print(
        "{\"mode\":\"runtime\",\"database\":\"\(name)\",\"revisions\":\(report.steps.count),\"statements\":\(report.statementCount),"
            + "\"total_ms\":\(String(format: "%.1f", total)),\"sql_ms\":\(String(format: "%.1f", sql)),"
            + "\"overhead_ms_per_revision\":\(String(format: "%.3f", perRevision))}")
}

func runRuntimeBench(_ arguments: [String]) {
    var count = 1000
    var postgres: String?
    var rest = arguments[...]
    while let argument = rest.popFirst() {
        switch argument {
        case "--count": count = rest.popFirst().flatMap { Int($0) } ?? count
        case "--url": postgres = rest.popFirst()
        default:
            FileHandle.standardError.write(
                Data("usage: autogen-bench runtime [--count N] [--url postgresql://...]\n".utf8))
            exit(2)
        }
    }
    let revisions = benchRevisions(count)
    let done = DispatchSemaphore(value: 0)
    Task {
        defer { done.signal() }
        do {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "autogen-runtime-bench-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            try await benchRun(
                "sqlite", url: .sqlite(path: folder.appendingPathComponent("bench.db").path), revisions: revisions)
            if let postgres, case .postgresql(let server) = try DatabaseURL(postgres) {
                let name = "autogen_runtime_bench_" + String(UInt64.random(in: 0...UInt64.max), radix: 16)
                let admin = try PostgresConnection(server)
                defer { admin.close() }
                try admin.execute("CREATE DATABASE " + PostgresDialect.quoteIdentifier(name))
                defer {
                    try? admin.execute(
                        "DROP DATABASE IF EXISTS " + PostgresDialect.quoteIdentifier(name) + " WITH (FORCE)")
                }
                var url = server
                url.database = name
                try await benchRun("postgresql", url: .postgresql(url), revisions: revisions)
            }
        } catch {
            FileHandle.standardError.write(Data("runtime bench failed: \(error)\n".utf8))
            exit(1)
        }
    }
    done.wait()
}
