import Foundation
import Introspect
import TestSupport
import Testing

@testable import Autogen

/// Seeds 1...300, or the one in `AUTOGEN_CONVERGENCE_SEED` to replay a failure (with the
/// schemas and upgrade ops printed); `AUTOGEN_CONVERGENCE_LOG=FILE` writes every failure.
enum ConvergenceSeeds {
    static var seeds: [UInt64] {
        if let text = ProcessInfo.processInfo.environment["AUTOGEN_CONVERGENCE_SEED"] {
            guard let seed = UInt64(text) else {
                Issue.record("AUTOGEN_CONVERGENCE_SEED=\(text) is not a seed number")
                return []
            }
            print("note: AUTOGEN_CONVERGENCE_SEED=\(seed): one seed instead of 300, and the coverage checks are off")
            return [seed]
        }
        return Array(1...300)
    }

    /// Runs every seed on `database` and checks that all converged and that the pairs
    /// exercised a good spread of ops.
    /// `extraKinds`: op kinds the dialect's runs must also have produced (`alterEnum` on
    /// PostgreSQL, where removing a value recreates the type).
    static func check(
        _ database: any ConvergenceDatabase, minimumKinds: Int, extraKinds: [String] = [], seeds: [UInt64] = seeds
    ) async throws {
        var failures: [String] = []
        var ops = 0
        var kinds = Set<String>()
        for seed in seeds {
            let outcome = await ConvergenceRun(database: database, seed: seed, tables: 5).run()
            failures += outcome.failures
            ops += outcome.ops
            kinds.formUnion(outcome.kinds)
        }
        if let path = ProcessInfo.processInfo.environment["AUTOGEN_CONVERGENCE_LOG"] {
            try failures.joined(separator: "\n\n").write(toFile: path, atomically: true, encoding: .utf8)
        }
        #expect(
            failures.isEmpty, "\(failures.count) failures over \(seeds.count) pairs; first: \(failures.first ?? "")")
        #expect(seeds.count < 300 || ops > 600, "the pairs exercised \(ops) ops")
        #expect(seeds.count < 300 || kinds.count >= minimumKinds, "op kinds seen: \(kinds.sorted())")
        // The key mutations of kept tables happened: primary keys dropped, foreign keys changed.
        #expect(
            seeds.count < 300
                || kinds.isSuperset(of: ["dropPrimaryKey", "dropForeignKey", "addForeignKey"] + extraKinds),
            "op kinds seen: \(kinds.sorted())")
    }
}

/// Convergence on real databases: for seeded random schema pairs (A, B) with rows, compare's
/// ops take a database from A to B keeping the rows, compare then finds nothing, and the
/// reversed ops take it back to A.
@Suite struct SQLiteConvergenceTests {
    @Test func randomPairsConverge() async throws {
        let (url, path) = temporarySQLiteURL()
        try await ConvergenceSeeds.check(
            SQLiteConvergenceDatabase(connection: try SQLiteConnection(path: path), url: url), minimumKinds: 12)
    }
}

@Suite(.enabled(if: TestPostgres.isConfigured)) struct PostgresConvergenceTests {
    @Test func randomPairsConverge() async throws {
        try await withTemporaryPostgres { parts in
            let connection = try PostgresConnection(parts)
            defer { connection.close() }
            try await ConvergenceSeeds.check(
                PostgresConvergenceDatabase(connection: connection, url: .postgresql(parts)), minimumKinds: 14,
                extraKinds: ["alterEnum"])
        }
    }

    /// The same on a database whose current schema is not `public` (its `search_path` is
    /// `app`): nothing may assume the default schema's name. Fewer seeds, as the runs above
    /// already cover the ops.
    @Test func randomPairsConvergeInAnotherCurrentSchema() async throws {
        try await withTemporaryPostgres { parts in
            let admin = try PostgresConnection(parts)
            try admin.execute("CREATE SCHEMA app")
            try admin.execute(
                "ALTER DATABASE \(PostgresDialect.quoteIdentifier(parts.database ?? "")) SET search_path = app")
            admin.close()
            let connection = try PostgresConnection(parts)
            defer { connection.close() }
            #expect(try connection.query("SELECT current_schema()").optionalString(0, 0) == "app")
            try await ConvergenceSeeds.check(
                PostgresConvergenceDatabase(connection: connection, url: .postgresql(parts), schema: "app"),
                minimumKinds: 14, seeds: Array(1...60))
            #expect(
                try connection.query("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").string(0, 0) == "0",
                "nothing was created in public")
        }
    }
}
