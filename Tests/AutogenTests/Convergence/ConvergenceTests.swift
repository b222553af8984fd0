@testable import Autogen
import Introspect
import TestSupport
import Foundation
import Testing

/// Convergence on real databases: for seeded random schema pairs (A, B), compare's ops take a
/// database from A to B with its rows, compare then finds nothing, and the reversed ops take
/// it back to A.
/// Seeds 1...300, or the one in `AUTOGEN_CONVERGENCE_SEED` to replay a failure.
enum ConvergenceSeeds {
    static var seeds: [UInt64] {
        if let text = ProcessInfo.processInfo.environment["AUTOGEN_CONVERGENCE_SEED"], let seed = UInt64(text) { return [seed] }
        return Array(1...300)
    }
}

@Suite struct SQLiteConvergenceTests {
    @Test func randomPairsConverge() throws {
        let database = SQLiteConvergenceDatabase(connection: try SQLiteConnection(path: nil))
        var failures: [String] = []
        var ops = 0
        var kinds = Set<String>()
        for seed in ConvergenceSeeds.seeds {
            let outcome = ConvergenceRun(database: database, seed: seed, tables: 5).run()
            failures += outcome.failures
            ops += outcome.ops
            kinds.formUnion(outcome.kinds)
        }
        #expect(failures.isEmpty, "\(failures.count) of \(ConvergenceSeeds.seeds.count) pairs failed; first: \(failures.first ?? "")")
        if let path = ProcessInfo.processInfo.environment["AUTOGEN_CONVERGENCE_LOG"] {
            try failures.joined(separator: "\n\n").write(toFile: path, atomically: true, encoding: .utf8)
        }
        #expect(ConvergenceSeeds.seeds.count < 300 || ops > 600, "the pairs exercised \(ops) ops")
        #expect(ConvergenceSeeds.seeds.count < 300 || kinds.count >= 12, "op kinds seen: \(kinds.sorted())")
    }
}

@Suite(.enabled(if: TestPostgres.isConfigured)) struct PostgresConvergenceTests {
    @Test func randomPairsConverge() throws {
        try TestPostgres.withTemporaryDatabase { _, connection in
            let database = PostgresConvergenceDatabase(connection: connection)
            var failures: [String] = []
            var ops = 0
            var kinds = Set<String>()
            for seed in ConvergenceSeeds.seeds {
                let outcome = ConvergenceRun(database: database, seed: seed, tables: 5).run()
                failures += outcome.failures
                ops += outcome.ops
                kinds.formUnion(outcome.kinds)
            }
            #expect(failures.isEmpty, "\(failures.count) of \(ConvergenceSeeds.seeds.count) pairs failed; first: \(failures.first ?? "")")
            if let path = ProcessInfo.processInfo.environment["AUTOGEN_CONVERGENCE_LOG"] {
                try failures.joined(separator: "\n\n").write(toFile: path, atomically: true, encoding: .utf8)
            }
            #expect(ConvergenceSeeds.seeds.count < 300 || ops > 600, "the pairs exercised \(ops) ops")
            #expect(ConvergenceSeeds.seeds.count < 300 || kinds.count >= 14, "op kinds seen: \(kinds.sorted())")
        }
    }
}
