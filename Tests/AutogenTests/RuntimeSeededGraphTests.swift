import Introspect
import ModelDSL
import TestSupport
import Testing

@testable import Autogen

/// A decimal digit as a type, so that revision types can be made at run time.
protocol SeededDigit { static var value: Int { get } }
enum SeededD0: SeededDigit { static var value: Int { 0 } }
enum SeededD1: SeededDigit { static var value: Int { 1 } }
enum SeededD2: SeededDigit { static var value: Int { 2 } }
enum SeededD3: SeededDigit { static var value: Int { 3 } }
enum SeededD4: SeededDigit { static var value: Int { 4 } }
enum SeededD5: SeededDigit { static var value: Int { 5 } }
enum SeededD6: SeededDigit { static var value: Int { 6 } }
enum SeededD7: SeededDigit { static var value: Int { 7 } }
enum SeededD8: SeededDigit { static var value: Int { 8 } }
enum SeededD9: SeededDigit { static var value: Int { 9 } }

/// The seeded graph: revision n's down revisions (indices below n), fixed by the seed.
let seededGraphSeed: UInt64 = 20_261_126
let seededDownRevisions: [[Int]] = {
    var random = SeededRandom(seed: seededGraphSeed)
    var downs: [[Int]] = []
    for n in 0..<40 {
        if n == 0 || random.chance(0.08) {
            downs.append([])  // a new base
        } else if n > 3, random.chance(0.15) {
            let a = random.int(0...(n - 1))
            let b = random.int(0...(n - 1))
            downs.append(a == b ? [a] : [a, b])  // a merge (or a branch from an older revision)
        } else {
            downs.append([random.chance(0.7) ? n - 1 : random.int(0...(n - 1))])
        }
    }
    return downs
}()

/// Revision `s<n>`: creates table `s<n>` with a row, drops it on downgrade.
struct SeededRevision<T: SeededDigit, O: SeededDigit>: Revision {
    static var number: Int { T.value * 10 + O.value }
    static var id: String { "s\(number)" }
    static var downRevisions: [String] { seededDownRevisions[number].map { "s\($0)" } }
    static var branchLabels: [String] { [] }
    static var dependsOn: [String] { [] }
    static var message: String { "table s\(number)" }
    static var createDate: String { "" }

    func upgrade(_ op: Operations) throws {
        try op.createTable("s\(Self.number)") { Column("id", .integer).primaryKey() }
        try op.bulkInsert("s\(Self.number)", columns: ["id"], rows: [[DefaultValue.integer(Int64(Self.number))]])
    }

    func downgrade(_ op: Operations) throws { try op.dropTable("s\(Self.number)") }
}

private func seededType<T: SeededDigit, O: SeededDigit>(_: T.Type, _: O.Type) -> any Revision.Type {
    SeededRevision<T, O>.self
}

let seededRevisions: [any Revision.Type] = {
    let digits: [any SeededDigit.Type] = [
        SeededD0.self, SeededD1.self, SeededD2.self, SeededD3.self, SeededD4.self, SeededD5.self, SeededD6.self,
        SeededD7.self, SeededD8.self, SeededD9.self,
    ]
    return seededDownRevisions.indices.map { n in
        let tens: any SeededDigit.Type = digits[n / 10]
        let ones: any SeededDigit.Type = digits[n % 10]
        return seededType(tens, ones)
    }
}()

@Suite struct RuntimeSeededGraphTests {
    /// A random walk of upgrades and downgrades over a seeded graph with several bases,
    /// branches and merges: after each run, the tables are exactly the applied revisions
    /// (everything the version table's rows need) and the rows are the heads of those.
    @Test func randomWalkKeepsTablesAndVersionTableInStep() async throws {
        let (url, _) = temporarySQLiteURL()
        let runner = try runtimeRunner(url, seededRevisions)
        var random = SeededRandom(seed: seededGraphSeed &+ 1)
        for move in 0..<30 {
            let heads = Set(try runner.current().heads)
            var applied: Set<String> = []
            for head in heads { applied.formUnion(try runner.ancestors(of: head)) }
            let target = "s\(random.int(0...(seededRevisions.count - 1)))"
            let choice = random.int(0...9)
            let description: String
            if choice == 0 {
                try await runner.upgrade(to: "heads")
                description = "upgrade heads"
            } else if choice == 1 {
                try await runner.downgrade(to: "base")
                description = "downgrade base"
            } else if applied.contains(target) {
                try await runner.downgrade(to: target)
                description = "downgrade \(target)"
            } else {
                try await runner.upgrade(to: target)
                description = "upgrade \(target)"
            }
            let rows = Set(try runner.current().heads)
            var nowApplied: Set<String> = []
            for row in rows { nowApplied.formUnion(try runner.ancestors(of: row)) }
            let tables = Set(try runtimeTables(url))
            #expect(tables == nowApplied, "move \(move): \(description) (seed \(seededGraphSeed))")
            // Rows are the heads of the applied set: no row is needed by another row.
            for row in rows {
                #expect(
                    !rows.contains { $0 != row && ((try? runner.ancestors(of: $0)) ?? []).contains(row) },
                    "move \(move): row \(row) is below another row")
            }
            if description.hasPrefix("upgrade s") {
                #expect(nowApplied.contains(String(description.dropFirst("upgrade ".count))))
            }
        }
    }
}
