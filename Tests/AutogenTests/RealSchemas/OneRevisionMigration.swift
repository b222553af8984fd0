import Foundation
import Introspect
import ModelDSL
import ModelReader
import Testing

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

    /// The ops `check` would report. A converged database (no op) must also give no finding:
    /// a warning that stays after its own migration ran is recorded as an issue.
    func compare(_ model: Schema, options: CompareOptions = CompareOptions()) throws -> [MigrationOp] {
        let result = try DatabaseComparison.compare(model: model, url: url, options: options, config: config)
        if result.ops.isEmpty && !result.diagnostics.isEmpty {
            Issue.record("no change, yet findings: \(result.diagnostics)")
        }
        return result.ops
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

    /// Runs `sql` on the PostgreSQL database at `url`.
    static func load(_ sql: String, into url: DatabaseURL.PostgresURL) throws {
        let connection = try PostgresConnection(url)
        defer { connection.close() }
        try connection.execute(sql)
    }

    /// The catalog of the PostgreSQL database at `url` as the reader gives it, autogen's own
    /// tables left out.
    static func catalog(_ url: DatabaseURL.PostgresURL) throws -> Schema {
        let connection = try PostgresConnection(url)
        defer { connection.close() }
        var schema = try PostgresCatalogReader(connection: connection).read()
        schema.tables.removeAll { $0.name.hasPrefix("autogen_") }
        return schema
    }

    /// What `inspect --format swift` writes for `schema`, read back as model.swift is read.
    static func inspectedModel(_ schema: Schema) throws -> Schema {
        guard let model = try ModelReader(source: ModelSourceRenderer.render(schema)).schemas["schema"] else {
            throw ModelError(problems: ["the rendered model declares no `schema`"])
        }
        return model
    }
}
