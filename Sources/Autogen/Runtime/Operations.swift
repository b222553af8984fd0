import ModelDSL

/// What a revision body calls: `try op.createTable("account") { Column("id", .integer).primaryKey() }`.
///
/// Each call records one `MigrationOp` (the ops of the differ, so that what `SwiftRenderer`
/// writes is exactly what this API accepts); the migration context compiles and runs them
/// after the body returns, or prints their SQL offline. When it is given the database's
/// schema, a drop by name records the full definition it drops (so the op can be reversed
/// and the SQLite compiler knows what it removes); unknown names fall back to a definition
/// that holds only the name.
///
/// Not thread-safe: one revision body uses one instance.
public final class Operations {
    /// What the body asked for, in order.
    public internal(set) var steps: [OperationStep] = []
    /// The schema after the first `appliedSteps` steps; nil when unknown (none was given, or
    /// an op did not apply).
    private var applied: Schema?
    private var appliedSteps = 0
    /// The database the body runs on, in a multi-database environment (the `multidb`
    /// template): its name in autogen.ini's `databases`. nil in a single-database environment.
    /// A multidb revision switches on it to run that database's ops.
    public internal(set) var database: String?

    /// An empty recorder; `schema` is the database's schema before the body runs, if known.
    public init(schema: Schema? = nil, database: String? = nil) {
        applied = schema
        self.database = database
    }

    /// The schema as the recorded ops leave it, when known; computed when asked (a drop by
    /// name asks), so that recording stays cheap.
    public var schema: Schema? {
        guard var state = applied else { return nil }
        while appliedSteps < steps.count {
            if case .op(let op) = steps[appliedSteps] {
                do { try state.apply(op) } catch {
                    applied = nil
                    return nil
                }
            }
            appliedSteps += 1
        }
        applied = state
        return state
    }

    /// The recorded ops, without bound-parameter SQL.
    public var ops: [MigrationOp] { steps.compactMap(\.op) }

    /// Records `op`.
    public func record(_ op: MigrationOp) {
        steps.append(.op(op))
    }

    // MARK: Tables

    /// `CREATE TABLE`, with the columns, constraints and indexes the builder declares.
    public func createTable(
        _ name: String, schema: String? = nil, comment: String? = nil, unlogged: Bool = false,
        storage: [String: String] = [:], partitionedBy: String? = nil, partitionOf parent: String? = nil,
        parentSchema: String? = nil,
        bound: String? = nil, @TableBuilder _ content: () -> [TableElement]
    ) throws(OperationsError) {
        var table = Table(name: name, schema: schema, elements: content()).comment(comment).unlogged(unlogged)
        table.partitionKey = partitionedBy
        table.storage = storage
        if let parent {
            guard let bound else {
                throw OperationsError(
                    "op.createTable(\"\(name)\", partitionOf: \"\(parent)\") needs bound: \"FOR VALUES ...\"")
            }
            table.partitionOf = PartitionOf(table: parent, schema: parentSchema, bound: bound)
        }
        guard !table.columns.isEmpty || table.partitionOf != nil else {
            throw OperationsError("op.createTable(\"\(name)\") declares no column")
        }
        record(.createTable(table))
    }

    /// `DROP TABLE`.
    public func dropTable(_ name: String, schema: String? = nil) throws(OperationsError) {
        let table = self.schema?.table(name, schema: schema) ?? Table(name: name, schema: schema, columns: [])
        record(.dropTable(table))
    }

    /// `ALTER TABLE ... RENAME TO`.
    public func renameTable(_ name: String, to newName: String, schema: String? = nil) throws(OperationsError) {
        record(.renameTable(TableRef(name, schema: schema), to: newName))
    }

    // MARK: Columns

    /// `ALTER TABLE ... ADD COLUMN`; column-level constraints (`.unique()`, `.index()`,
    /// `.references(...)`) become their own ops after it.
    public func addColumn(_ table: String, _ column: Column, schema: String? = nil) throws(OperationsError) {
        let ref = TableRef(table, schema: schema)
        let (plain, holder) = Self.plain(column)
        record(.addColumn(ref, plain))
        for unique in holder.uniques { record(.addUnique(ref, unique)) }
        for key in holder.foreignKeys { record(.addForeignKey(ref, key)) }
        for index in holder.indexes { record(.createIndex(ref, index)) }
    }

    /// `ALTER TABLE ... DROP COLUMN`.
    public func dropColumn(_ table: String, _ column: String, schema: String? = nil) throws(OperationsError) {
        let existing = self.schema?.table(table, schema: schema)?.column(column) ?? Column(column, .raw(""))
        record(.dropColumn(TableRef(table, schema: schema), existing))
    }

    /// Changes one column: any of name, type, nullability, default, comment, identity, sequence
    /// options, collation and statistics target (`statistics: .drop` is the server's default).
    /// `existing` is the column before the change (autogenerate writes it); without it the
    /// schema the context read is asked.
    public func alterColumn(
        _ table: String, _ column: String, newName: String? = nil, type: ColumnType? = nil, nullable: Bool? = nil,
        default defaultValue: AlterValue<DefaultValue>? = nil, comment: AlterValue<String>? = nil,
        identity: AlterValue<Identity>? = nil, sequence: AlterValue<SequenceOptions>? = nil,
        collation: AlterValue<String>? = nil, statistics: AlterValue<Int>? = nil, schema: String? = nil,
        existing: Column? = nil
    ) throws(OperationsError) {
        let ref = TableRef(table, schema: schema)
        guard
            let before = existing.map({ Self.plain($0).column })
                ?? self.schema?.table(table, schema: schema)?.column(column)
        else {
            throw OperationsError(
                "op.alterColumn(\"\(ref)\", \"\(column)\") needs existing: Column(...), as the column is unknown")
        }
        var current = before
        current.name = column
        let alteration = ColumnAlteration(
            table: ref, existing: current,
            name: newName.map { Change(from: column, to: $0) },
            type: type.map { Change(from: current.type, to: $0) },
            nullable: nullable.map { Change(from: current.isNullable, to: $0) },
            defaultValue: defaultValue.map { Change(from: current.defaultValue, to: $0.value) },
            comment: comment.map { Change(from: current.comment, to: $0.value) },
            identity: identity.map { Change(from: current.identity, to: $0.value) },
            sequence: sequence.map { Change(from: current.sequence, to: $0.value) },
            collation: collation.map { Change(from: current.collation, to: $0.value) },
            statistics: statistics.map { Change(from: current.statistics, to: $0.value) })
        guard !alteration.isEmpty else {
            throw OperationsError("op.alterColumn(\"\(ref)\", \"\(column)\") changes nothing")
        }
        record(.alterColumn(alteration))
    }

    /// The column without its column-level constraints, and a table holding those.
    static func plain(_ column: Column) -> (column: Column, holder: Table) {
        let holder = Table(name: "", elements: [.column(column)])
        var plain = holder.columns.first ?? column
        plain.renamedFrom = nil
        return (plain, holder)
    }
}
