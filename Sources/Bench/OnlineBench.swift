// `autogen-bench online`: the online plan's extra time against the plain plan on a big table.
//
//   autogen-bench online --url postgresql://... [--rows 1000000] [--runs 3]
//
// Makes a table of `rows` rows in a new database on that server, then times, alternating,
// `runs` times each, one revision that adds a nullable column and an index on a text column:
// the plain plan (`CREATE INDEX` in the run's transaction) and the online plan (`online =
// true`: `SET LOCAL lock_timeout` in each transaction, the index built `CONCURRENTLY` in its
// own step); each run is downgraded before the next. Prints the medians.
import Autogen
import Foundation
import Introspect
import ModelDSL

private struct OnlineBenchPlain: Revision {
    static let id = "ob1"
    static let downRevisions: [String] = []
    static let branchLabels: [String] = []
    static let dependsOn: [String] = []
    static let message = "plain"
    static let createDate = ""
    func upgrade(_ op: Operations) throws {
        try op.addColumn("big", Column("note", .text))
        try op.createIndex(Index("ix_big_code", "code"), on: "big")
    }
    func downgrade(_ op: Operations) throws {
        try op.dropIndex("ix_big_code", on: "big")
        try op.dropColumn("big", "note")
    }
}

private struct OnlineBenchOnline: Revision {
    static let id = "ob1"
    static let downRevisions: [String] = []
    static let branchLabels: [String] = []
    static let dependsOn: [String] = []
    static let message = "online"
    static let createDate = ""
    func upgrade(_ op: Operations) throws {
        try op.addColumn("big", Column("note", .text))
        try op.createIndex(Index("ix_big_code", "code"), on: "big", concurrently: true)
    }
    func downgrade(_ op: Operations) throws {
        try op.dropIndex("ix_big_code", on: "big", concurrently: true)
        try op.dropColumn("big", "note")
    }
}

func runOnlineBench(_ arguments: [String]) {
    var rows = 1_000_000
    var runs = 3
    var server: String?
    var rest = arguments[...]
    while let argument = rest.popFirst() {
        switch argument {
        case "--rows": rows = rest.popFirst().flatMap { Int($0) } ?? rows
        case "--runs": runs = rest.popFirst().flatMap { Int($0) } ?? runs
        case "--url": server = rest.popFirst()
        default:
            FileHandle.standardError.write(
                Data("usage: autogen-bench online --url postgresql://... [--rows N] [--runs N]\n".utf8))
            exit(2)
        }
    }
    guard let server, case .postgresql(let parts)? = try? DatabaseURL(server) else {
        FileHandle.standardError.write(Data("autogen-bench online: --url postgresql://... is required\n".utf8))
        exit(2)
    }
    let done = DispatchSemaphore(value: 0)
    Task {
        defer { done.signal() }
        do {
            let name = "autogen_online_bench_" + String(UInt64.random(in: 0...UInt64.max), radix: 16)
            let admin = try PostgresConnection(parts)
            defer { admin.close() }
            try admin.execute("CREATE DATABASE " + PostgresDialect.quoteIdentifier(name))
            defer {
                try? admin.execute("DROP DATABASE IF EXISTS " + PostgresDialect.quoteIdentifier(name) + " WITH (FORCE)")
            }
            var url = parts
            url.database = name
            let setup = try PostgresConnection(url)
            defer { setup.close() }
            try setup.execute(
                "CREATE TABLE big (id bigint PRIMARY KEY, code text NOT NULL, qty integer NOT NULL DEFAULT 0)")
            try setup.execute(
                "INSERT INTO big SELECT g, md5(g::text), g % 100 FROM generate_series(1, \(rows)) g; ANALYZE big")
            let graph = try RevisionGraph(headers: [RevisionHeader(id: "ob1", message: "bench")])
            var plain: [Double] = []
            var online: [Double] = []
            for _ in 0..<runs {
                for isOnline in [false, true] {
                    var options = MigrationOptions()
                    if isOnline { options.ddlLockTimeout = .milliseconds(2000) }
                    let runner = try MigrationRunner(
                        url: .postgresql(url),
                        revisions: [isOnline ? OnlineBenchOnline.self : OnlineBenchPlain.self], graph: graph,
                        options: options)
                    let start = ContinuousClock.now
                    try await runner.upgrade(to: "heads")
                    let elapsed = ContinuousClock.now - start
                    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                    if isOnline { online.append(seconds) } else { plain.append(seconds) }
                    try await runner.downgrade(to: "base")
                }
            }
            func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
            print(
                #"{"mode": "online", "rows": \#(rows), "runs": \#(runs), "plain_median_s": \#(String(format: "%.3f", median(plain))), "online_median_s": \#(String(format: "%.3f", median(online))), "extra_s": \#(String(format: "%.3f", median(online) - median(plain))), "ratio": \#(String(format: "%.2f", median(online) / median(plain)))}"#
            )
        } catch {
            FileHandle.standardError.write(Data("online bench failed: \(error)\n".utf8))
            exit(1)
        }
    }
    done.wait()
}
