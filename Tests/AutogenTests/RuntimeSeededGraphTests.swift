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

/// The graph's reachability worked out from `seededDownRevisions` alone, not by the product.
enum SeededOracle {
    /// `s<n>` and everything below it.
    static func ancestors(_ n: Int) -> Set<Int> {
        var seen: Set<Int> = [n]
        var stack = [n]
        while let next = stack.popLast() {
            for down in seededDownRevisions[next] where seen.insert(down).inserted { stack.append(down) }
        }
        return seen
    }

    /// `s<n>` and everything above it.
    static func descendants(_ n: Int) -> Set<Int> {
        Set(seededDownRevisions.indices.filter { ancestors($0).contains(n) })
    }

    /// The members of `applied` that no other member needs: what the version table holds.
    static func heads(_ applied: Set<Int>) -> Set<Int> {
        applied.filter { a in !applied.contains { $0 != a && ancestors($0).contains(a) } }
    }

    static func names(_ set: Set<Int>) -> Set<String> { Set(set.map { "s\($0)" }) }
}

@Suite struct RuntimeSeededGraphTests {
    /// A random walk of upgrades and downgrades over a seeded graph with several bases,
    /// branches and merges. After each move the tables are exactly the revisions an
    /// independent reference says are applied, the version table holds their heads, and a
    /// move that should change something did.
    @Test func randomWalkKeepsTablesAndVersionTableInStep() async throws {
        let (url, _) = temporarySQLiteURL()
        let runner = try runtimeRunner(url, seededRevisions)
        var random = SeededRandom(seed: seededGraphSeed &+ 1)
        var applied: Set<Int> = []
        var moved = 0
        for move in 0..<30 {
            let target = random.int(0...(seededRevisions.count - 1))
            let choice = random.int(0...9)
            let description: String
            let expected: Set<Int>
            if choice == 0 {
                try await runner.upgrade(to: "heads")
                description = "upgrade heads"
                expected = Set(seededDownRevisions.indices)
            } else if choice == 1 {
                try await runner.downgrade(to: "base")
                description = "downgrade base"
                expected = []
            } else if applied.contains(target) {
                try await runner.downgrade(to: "s\(target)")
                description = "downgrade s\(target)"
                expected = applied.subtracting(SeededOracle.descendants(target).subtracting([target]))
            } else {
                try await runner.upgrade(to: "s\(target)")
                description = "upgrade s\(target)"
                expected = applied.union(SeededOracle.ancestors(target))
            }
            let context = "move \(move): \(description) (seed \(seededGraphSeed))"
            #expect(Set(try runtimeTables(url)) == SeededOracle.names(expected), "\(context)")
            #expect(Set(try runner.current().heads) == SeededOracle.names(SeededOracle.heads(expected)), "\(context)")
            if expected != applied { moved += 1 }
            applied = expected
        }
        // The walk went both ways many times, so the checks above saw real moves.
        #expect(moved >= 15, "only \(moved) moves changed anything")
    }
}
