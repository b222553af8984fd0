import Foundation
import Introspect
import ModelDSL

@testable import Autogen

/// A database compared with a model as `check` does (`DatabaseComparison`, autogen.ini's
/// defaults), and migrated with compare's ops as the upgrade of one revision through the
/// runner, as `revision --autogenerate` then `upgrade` would.
struct OneRevisionMigration {
    let url: DatabaseURL
    let config: AutogenConfig
    let runner: MigrationRunner

    init(_ url: DatabaseURL) throws {
        self.url = url
        config = try AutogenConfig(
            ini: ConfigFixtures.ini("[autogen]\nscript_location = m\n"), section: "autogen", environment: [:])
        runner = try MigrationRunner(
            url: url, revisions: [ConvergenceRevision.self], graph: runtimeGraph([ConvergenceRevision.self]))
    }

    func compare(_ model: Schema, options: CompareOptions = CompareOptions()) throws -> [MigrationOp] {
        try DatabaseComparison.compare(model: model, url: url, options: options, config: config).ops
    }

    /// Upgrades to the revision whose upgrade is `ops`.
    func upgrade(_ ops: [MigrationOp]) async throws {
        try await ConvergenceRevision.$upgradeOps.withValue(ops) {
            try await runner.upgrade(to: ConvergenceRevision.id)
        }
    }

    /// Downgrades that revision (its downgrade is the reverse of `ops`).
    func downgrade(_ ops: [MigrationOp]) async throws {
        try await ConvergenceRevision.$upgradeOps.withValue(ops) { try await runner.downgrade(to: "base") }
    }
}
