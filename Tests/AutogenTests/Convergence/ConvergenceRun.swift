import Foundation
import Introspect
import ModelDSL
import TestSupport

@testable import Autogen

/// One seeded pair (A, B): create A with rows, migrate to B with compare's ops, check the
/// database now matches B and the rows survived, migrate back with the reversed ops, check
/// it matches A again. Returns what went wrong, or nothing.
///
/// The migrations run as users run them: through `MigrationRunner`, as the upgrade and the
/// downgrade of one revision (`ConvergenceRevision`) whose bodies record compare's ops.
struct ConvergenceRun {
    let database: any ConvergenceDatabase
    let seed: UInt64
    let tables: Int

    /// What the run did, for the suite to check that runs exercised something.
    struct Outcome {
        var failures: [String] = []
        var ops = 0
        var kinds = Set<String>()
    }

    func run() async -> Outcome {
        var outcome = Outcome()
        do { try await steps(&outcome) } catch { outcome.failures.append("seed \(seed): \(error)") }
        return outcome
    }

    private func compare(_ model: Schema, _ db: Schema) -> CompareResult {
        var options = CompareOptions()
        options.excludeTables = [AutogenConfig.defaultVersionTable, "autogen_history"]
        let questions = Comparer.undecidedDefaults(model: model, database: db, dialect: database.dialect)
        options.serverDefaultAnswers = database.answers(questions)
        return Comparer.compare(model: model, database: db, dialect: database.dialect, options: options)
    }

    private func steps(_ outcome: inout Outcome) async throws {
        let a = RandomSchema.make(seed: seed, tables: tables, dialect: database.randomDialect)
        let b = RandomSchema.mutate(a, seed: seed, dialect: database.randomDialect)
        try database.reset()
        for statement in database.createStatements(for: a) { try database.execute(statement) }
        for insert in RandomRows.inserts(for: a, dialect: database.randomDialect, quote: database.quote) {
            try database.execute(insert)
        }
        let dbA = try database.introspect()
        let rowsA = try snapshot(a)
        if !compare(a, dbA).ops.isEmpty {
            outcome.failures.append("seed \(seed): A differs from itself before any migration: \(compare(a, dbA).ops)")
            return
        }

        let up = compare(b, dbA)
        if ProcessInfo.processInfo.environment["AUTOGEN_CONVERGENCE_SEED"] != nil {
            print("A:", a.tables.map { "\($0.name): \($0.columns.map { "\($0.name)\($0.isNullable ? "?" : "")" })" })
            print(
                "B:",
                b.tables.map {
                    "\($0.name)<-\($0.renamedFrom ?? "") \($0.columns.map { "\($0.name)<-\($0.renamedFrom ?? "")" })"
                })
            print(SwiftRenderer.render(up.ops))
        }
        outcome.ops += up.ops.count
        for op in up.ops { outcome.kinds.insert(String("\(op)".prefix { $0 != "(" })) }
        guard try await migrate(up.ops, to: b, label: "upgrade", upgradeOps: up.ops, &outcome) else { return }
        try checkRows(rowsA, model: a, target: b, label: "after upgrade", &outcome)
        guard up.ops.undoingOps != nil else {
            outcome.failures.append("seed \(seed): ops cannot be reversed: \(up.ops)")
            return
        }
        guard try await migrate(up.ops, to: a, label: "downgrade", upgradeOps: up.ops, &outcome) else { return }
        try checkRows(rowsA, model: a, target: b, label: "after downgrade", &outcome)
    }

    /// Upgrades to `ConvergenceRevision` (or downgrades to base) with `ops` as its upgrade,
    /// through the runner, then checks compare finds nothing left between `target` and the
    /// database; records a failure and returns false otherwise.
    private func migrate(
        _ ops: [MigrationOp], to target: Schema, label: String, upgradeOps: [MigrationOp], _ outcome: inout Outcome
    ) async throws -> Bool {
        let runner = try MigrationRunner(
            url: database.url, revisions: [ConvergenceRevision.self],
            graph: runtimeGraph([ConvergenceRevision.self]))
        do {
            try await ConvergenceRevision.$upgradeOps.withValue(ops) {
                if label == "upgrade" {
                    try await runner.upgrade(to: ConvergenceRevision.id)
                } else {
                    try await runner.downgrade(to: "base")
                }
            }
        } catch {
            outcome.failures.append("seed \(seed): \(label) failed: \(error)\nops: \(ops)")
            return false
        }
        let left = compare(target, try database.introspect()).ops
        if !left.isEmpty {
            outcome.failures.append(
                "seed \(seed): after \(label) compare still finds \(left)\nupgrade ops were \(upgradeOps)")
            return false
        }
        return true
    }

    /// Rows of A, per table, as text.
    private func snapshot(_ a: Schema) throws -> [String: [[String?]]] {
        var out: [String: [[String?]]] = [:]
        for table in a.tables {
            out[table.name] = try database.rows(
                of: table.name, columns: table.columns.map(\.name),
                orderBy: table.primaryKey?.columns ?? [table.columns[0].name])
        }
        return out
    }

    /// The values of columns that both A and B have are still there, in the table's current
    /// name and the columns' current names (after upgrade) or A's names (after downgrade).
    private func checkRows(
        _ before: [String: [[String?]]], model a: Schema, target b: Schema, label: String, _ outcome: inout Outcome
    ) throws {
        let upgraded = label == "after upgrade"
        for table in a.tables {
            guard let rows = before[table.name] else { continue }
            guard let bTable = b.tables.first(where: { $0.name == table.name || $0.renamedFrom == table.name }) else {
                continue
            }
            var pairs: [(aIndex: Int, name: String)] = []
            for (i, column) in table.columns.enumerated() {
                guard
                    let bColumn = bTable.columns.first(where: {
                        $0.name == column.name || $0.renamedFrom == column.name
                    })
                else { continue }
                pairs.append((i, upgraded ? bColumn.name : column.name))
            }
            let name = upgraded ? bTable.name : table.name
            let order =
                upgraded
                ? (table.primaryKey?.columns ?? [table.columns[0].name]).map { c in
                    bTable.columns.first { $0.renamedFrom == c }?.name ?? c
                }
                : (table.primaryKey?.columns ?? [table.columns[0].name])
            let now = try database.rows(of: name, columns: pairs.map(\.name), orderBy: order)
            let expected = rows.map { row in pairs.map { row[$0.aIndex] } }
            if now != expected {
                outcome.failures.append("seed \(seed): rows of \(name) \(label): \(now) != \(expected)")
            }
        }
    }
}

/// The one revision a convergence run migrates with: its upgrade records the ops compare found
/// (task-local, so that the SQLite and PostgreSQL suites can run at once), its downgrade their
/// reverse, as `revision --autogenerate` writes them.
struct ConvergenceRevision: Revision {
    static let id = "cv0001"
    static let downRevisions: [String] = []
    static let branchLabels: [String] = []
    static let dependsOn: [String] = []
    static let message = "convergence"
    static let createDate = ""
    @TaskLocal static var upgradeOps: [MigrationOp] = []

    func upgrade(_ op: Operations) throws { for recorded in Self.upgradeOps { op.record(recorded) } }
    func downgrade(_ op: Operations) throws {
        for recorded in Self.upgradeOps.undoingOps ?? [] { op.record(recorded) }
    }
}
