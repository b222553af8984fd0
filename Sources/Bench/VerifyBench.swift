// `autogen-bench verify`: times `autogen verify` against running the same chain once.
//
//   autogen-bench verify [--revisions 200] [--tables-per-revision 5] [--url postgresql://...]
//
// A linear chain of `revisions` revisions, each creating `tables-per-revision` tables of five
// columns, a unique constraint and an index (200 x 5 = 1,000 tables), as real `Revision` types
// over the bench's digit types. In process, through `AutogenEnvironment.run` as the environment
// runs them: `upgrade head` on a new database (the chain once), then `verify` on its own
// scratch database beside it. SQLite always; PostgreSQL with `--url` (a server URL: new
// databases are made there and dropped). Prints one JSON line per database.
import Autogen
import Foundation
import Introspect
import ModelDSL

nonisolated(unsafe) private var verifyBenchTablesPerRevision = 5

/// Revision number `100*H + 10*T + O` of the verify bench's chain.
struct VerifyBenchRevision<H: BenchDigit, T: BenchDigit, O: BenchDigit>: Revision {
    static var number: Int { H.value * 100 + T.value * 10 + O.value }
    static var id: String { verifyBenchID(number) }
    static var downRevisions: [String] { number == 0 ? [] : [verifyBenchID(number - 1)] }
    static var branchLabels: [String] { [] }
    static var dependsOn: [String] { [] }
    static var message: String { "tables of step \(number)" }
    static var createDate: String { "2026-12-06 00:00:00.000000" }

    func upgrade(_ op: Operations) throws {
        for k in 0..<verifyBenchTablesPerRevision {
            let name = verifyBenchName(Self.number, k)
            try op.createTable(name) { verifyBenchElements(name) }
        }
    }

    func downgrade(_ op: Operations) throws {
        for k in (0..<verifyBenchTablesPerRevision).reversed() { try op.dropTable(verifyBenchName(Self.number, k)) }
    }
}

private func verifyBenchID(_ number: Int) -> String {
    "v" + String(repeating: "0", count: max(0, 4 - String(number).count)) + String(number)
}

private func verifyBenchName(_ number: Int, _ k: Int) -> String { "t\(number)_\(k)" }

/// What each table holds: five columns, a unique constraint and an index.
@TableBuilder private func verifyBenchElements(_ name: String) -> [TableElement] {
    Column("id", .integer).primaryKey()
    Column("code", .varchar(40)).notNull()
    Column("qty", .integer).notNull().default(0)
    Column("note", .text)
    Column("created_at", .timestamp(withTimeZone: true))
    Unique("uq_\(name)_code", "code")
    Index("ix_\(name)_qty", "qty")
}

/// The tables revision `number` creates.
private func verifyBenchTables(_ number: Int) -> [Table] {
    (0..<verifyBenchTablesPerRevision).map { k in
        let name = verifyBenchName(number, k)
        return Table(name: name, elements: verifyBenchElements(name))
    }
}

private func verifyBenchRevisionType<H: BenchDigit, T: BenchDigit, O: BenchDigit>(
    _: H.Type, _: T.Type, _: O.Type
) -> any Revision.Type {
    VerifyBenchRevision<H, T, O>.self
}

func runVerifyBench(_ arguments: [String]) {
    var count = 200
    var postgres: String?
    var rest = arguments[...]
    while let argument = rest.popFirst() {
        switch argument {
        case "--revisions": count = rest.popFirst().flatMap { Int($0) } ?? count
        case "--tables-per-revision":
            verifyBenchTablesPerRevision = rest.popFirst().flatMap { Int($0) } ?? verifyBenchTablesPerRevision
        case "--url": postgres = rest.popFirst()
        default:
            FileHandle.standardError.write(
                Data(
                    "usage: autogen-bench verify [--revisions N] [--tables-per-revision N] [--url postgresql://...]\n"
                        .utf8))
            exit(2)
        }
    }
    count = min(count, 1000)
    let digits: [any BenchDigit.Type] = [
        BenchD0.self, BenchD1.self, BenchD2.self, BenchD3.self, BenchD4.self, BenchD5.self, BenchD6.self,
        BenchD7.self, BenchD8.self, BenchD9.self,
    ]
    let revisions: [any Revision.Type] = (0..<count).map { n in
        let h: any BenchDigit.Type = digits[n / 100]
        let t: any BenchDigit.Type = digits[n / 10 % 10]
        let o: any BenchDigit.Type = digits[n % 10]
        return verifyBenchRevisionType(h, t, o)
    }
    let model = Schema(tables: (0..<count).flatMap { verifyBenchTables($0) })
    let done = DispatchSemaphore(value: 0)
    Task {
        defer { done.signal() }
        do {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "autogen-verify-bench-\(UUID().uuidString)"
            ).path
            try FileManager.default.createDirectory(
                atPath: folder + "/migrations/versions", withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            for revision in revisions {
                let down = revision.downRevisions.map { "\"\($0)\"" }.joined(separator: ", ")
                try """
                struct R_\(revision.id): Revision {
                    static let id = "\(revision.id)"
                    static let downRevisions: [String] = [\(down)]
                    static let message = "\(revision.message)"
                }

                """.write(
                    toFile: "\(folder)/migrations/versions/\(revision.id).swift", atomically: true, encoding: .utf8)
            }
            try await verifyBenchRun(
                "sqlite", url: "sqlite:///\(folder)/chain.db", folder: folder, model: model, revisions: revisions)
            if let postgres, case .postgresql(let server) = try DatabaseURL(postgres) {
                let name = "autogen_verify_bench_" + String(UInt64.random(in: 0...UInt64.max), radix: 16)
                let admin = try PostgresConnection(server)
                defer { admin.close() }
                try admin.execute("CREATE DATABASE " + PostgresDialect.quoteIdentifier(name))
                defer {
                    try? admin.execute(
                        "DROP DATABASE IF EXISTS " + PostgresDialect.quoteIdentifier(name) + " WITH (FORCE)")
                }
                let base = postgres.split(separator: "?", maxSplits: 1)
                let withoutDatabase = String(base[0])[
                    ..<(String(base[0]).lastIndex(of: "/") ?? String(base[0]).endIndex)]
                try await verifyBenchRun(
                    "postgresql", url: withoutDatabase + "/" + name + (base.count > 1 ? "?" + base[1] : ""),
                    folder: folder, model: model, revisions: revisions)
            }
        } catch {
            FileHandle.standardError.write(Data("verify bench failed: \(error)\n".utf8))
            exit(1)
        }
    }
    done.wait()
}

private func verifyBenchRun(
    _ name: String, url: String, folder: String, model: Schema, revisions: [any Revision.Type]
) async throws {
    try "[autogen]\nscript_location = %(here)s/migrations\nurl = \(url)\n".write(
        toFile: folder + "/autogen.ini", atomically: true, encoding: .utf8)
    let errors = VerifyBenchLines()
    let output = EnvironmentOutput(out: { _ in }, err: { errors.append($0) })
    func run(_ arguments: [String]) async throws -> Double {
        let start = ContinuousClock.now
        let status = await AutogenEnvironment.run(
            arguments: arguments + ["-q", "-c", folder + "/autogen.ini"], schema: model, revisions: revisions,
            output: output)
        let elapsed = ContinuousClock.now - start
        guard status == 0 else {
            throw VerifyBenchFailure(description: "\(arguments) exited \(status): \(errors.all.suffix(5))")
        }
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
    let once = try await run(["upgrade", "head"])
    let verify = try await run(["verify"])
    print(
        #"{"mode": "verify", "database": "\#(name)", "revisions": \#(revisions.count), "tables": \#(model.tables.count), "chain_once_s": \#(String(format: "%.2f", once)), "verify_s": \#(String(format: "%.2f", verify)), "ratio": \#(String(format: "%.1f", verify / once))}"#
    )
}

private struct VerifyBenchFailure: Error, CustomStringConvertible {
    let description: String
}

private final class VerifyBenchLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}
