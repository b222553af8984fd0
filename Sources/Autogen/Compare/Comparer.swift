import ModelDSL

/// Compare: the pure function at the heart of autogenerate. Given the model and the schema
/// read from the database, it returns the ops that turn the database into the model, and the
/// diagnostics a reviewer should see. It never touches a database.
public enum Comparer {
    /// The ops (in an order that can run as is, and whose reverse can too) and diagnostics.
    public static func compare(
        model: Schema, database: Schema, dialect: any SchemaDialect.Type, options: CompareOptions = CompareOptions()
    ) -> CompareResult {
        var run = CompareRun(dialect: dialect, options: options)
        return run.compare(model: model, database: database)
    }

    /// The default comparisons that text cannot decide, to ask the server in one round trip
    /// before calling `compare` with the answers in `options.serverDefaultAnswers`.
    public static func undecidedDefaults(
        model: Schema, database: Schema, dialect: any SchemaDialect.Type, options: CompareOptions = CompareOptions()
    ) -> [DefaultQuestion] {
        var run = CompareRun(dialect: dialect, options: options)
        _ = run.compare(model: model, database: database)
        return run.questions.sorted { ($0.model, $0.database) < ($1.model, $1.database) }
    }
}

/// The state of one compare: options, the dialect, findings so far.
struct CompareRun {
    let dialect: any SchemaDialect.Type
    let options: CompareOptions
    var diagnostics: [Diagnostic] = []
    var questions: Set<DefaultQuestion> = []
    let memo: CompareMemo

    init(dialect: any SchemaDialect.Type, options: CompareOptions) {
        self.dialect = dialect
        self.options = options
        self.memo = CompareMemo(dialect: dialect)
    }

    mutating func compare(model: Schema, database: Schema) -> CompareResult {
        let stored = dialect.storedForm(of: model)
        let model = dialect.opForm(of: model, stored: stored)
        // Tables by reference, as positions in the schemas' arrays: copying a few thousand
        // tables into dictionaries (and destroying them again) was most of compare's time.
        let modelTables = TableLookup(model.tables) { self.includesTable($0, reflected: false) }
        let storedTables = TableLookup(stored.tables) { modelTables.contains(TableRef($0)) }
        var dbTables = TableLookup(database.tables) { self.includesTable($0, reflected: true) }

        var renameOps: [MigrationOp] = []
        for ref in modelTables.refs.sorted() {
            guard !dbTables.contains(ref), let old = modelTables[ref]?.renamedFrom else { continue }
            let oldRef = TableRef(old, schema: ref.schema)
            guard !modelTables.contains(oldRef), var existing = dbTables[oldRef] else { continue }
            renameOps.append(.renameTable(oldRef, to: ref.name))
            existing.name = ref.name
            dbTables.move(oldRef, to: ref, as: existing)
        }

        let added = modelTables.refs.filter { !dbTables.contains($0) }.sorted()
        let removed = dbTables.refs.filter { !modelTables.contains($0) }.sorted()
        let common = modelTables.refs.filter { dbTables.contains($0) }.sorted()
        reportPossibleTableRenames(
            added: added.compactMap { modelTables[$0] }, removed: removed.compactMap { dbTables[$0] })

        var enumOps = EnumComparison(dialect: dialect, options: options)
        enumOps.compare(model: model, stored: stored, database: database)
        diagnostics += enumOps.diagnostics

        var dropForeignKeys: [MigrationOp] = []
        var tableBodies: [MigrationOp] = []
        var addForeignKeys: [MigrationOp] = []
        for ref in common {
            guard let m = modelTables[ref], let s = storedTables[ref], let d = dbTables[ref] else { continue }
            var table = TableComparison(run: self, ref: ref, model: m, stored: s, database: d)
            table.compare()
            dropForeignKeys += table.dropForeignKeys
            tableBodies += table.body
            addForeignKeys += table.addForeignKeys
            diagnostics = table.run.diagnostics
            questions = table.run.questions
        }

        let creation = CreationOrder(added.compactMap { modelTables[$0] })
        var createOps: [MigrationOp] = []
        for table in creation.tables {
            var bare = table
            bare.indexes = []
            bare.renamedFrom = nil
            bare.columns = bare.columns.map {
                var c = $0; c.renamedFrom = nil; return c
            }
            createOps.append(.createTable(bare))
            for index in table.indexes where includes(.index, table: table, name: index.name, reflected: false) {
                createOps.append(.createIndex(TableRef(table), index))
            }
        }
        addForeignKeys += creation.deferred.map { .addForeignKey(TableRef($0.table), $0.key) }

        let dropping = CreationOrder(removed.compactMap { dbTables[$0] })
        var dropOps: [MigrationOp] = dropping.deferred.map { .dropForeignKey(TableRef($0.table), $0.key) }
        for table in dropping.tables.reversed() {
            for index in table.indexes.reversed() { dropOps.append(.dropIndex(TableRef(table), index)) }
            var bare = table
            bare.indexes = []
            dropOps.append(.dropTable(bare))
            let rows = "table \(TableRef(table)) and its rows"
            diagnostics.append(Diagnostic(.dropsData, .warning, "dropping \(rows) (\(table.columns.count) columns)"))
        }

        var ops =
            enumOps.before + renameOps + dropForeignKeys + createOps + tableBodies + addForeignKeys + dropOps
            + enumOps.after
        ops = ops.filter { op in
            if case .alterColumn(let a) = op { return !a.isEmpty }
            return true
        }
        var rebuilt = Set<TableRef>()
        for op in ops {
            guard let reason = dialect.rebuildReason(for: op), let table = op.table, rebuilt.insert(table).inserted
            else { continue }
            diagnostics.append(
                Diagnostic(.tableRebuild, .note, "\(dialect.name) will rebuild table \(table) to \(reason)"))
        }
        return CompareResult(ops: ops, diagnostics: diagnostics)
    }

    /// Whether a table takes part: its schema, the name patterns and the user's filter.
    func includesTable(_ table: Table, reflected: Bool) -> Bool {
        if let schemas = options.schemas, !schemas.contains(table.schema) { return false }
        if !options.includeTables.isEmpty, !options.includeTables.contains(where: { globMatches($0, table.name) }) {
            return false
        }
        if options.excludeTables.contains(where: { globMatches($0, table.name) }) { return false }
        return includes(.table, table: table, name: table.name, reflected: reflected)
    }

    /// The user's `includeObject` verdict on one object (true without a filter).
    func includes(_ kind: ObjectRef.Kind, table: Table, name: String?, reflected: Bool) -> Bool {
        guard let filter = options.includeObject else { return true }
        return filter(ObjectRef(kind: kind, schema: table.schema, table: table.name, name: name, reflected: reflected))
    }

    /// A table dropped and one added with the same columns look like a rename: say so.
    mutating func reportPossibleTableRenames(added: [Table], removed: [Table]) {
        for old in removed {
            let oldColumns = old.columns.map(\.name)
            guard !oldColumns.isEmpty, let new = added.first(where: { $0.columns.map(\.name) == oldColumns }) else {
                continue
            }
            diagnostics.append(
                Diagnostic(
                    .possibleRename, .warning,
                    "table \(TableRef(old)) is dropped and \(TableRef(new)) added with the same columns: if this is a rename, declare Table(\"\(new.name)\") { ... }.renamed(from: \"\(old.name)\") to keep the rows"
                ))
        }
    }
}

/// Tables of one schema by reference, kept as positions in the schema's own array (which is
/// shared, not copied), with the few tables compare renames held apart.
struct TableLookup {
    private let tables: [Table]
    private var positions: [TableRef: Int] = [:]
    private var moved: [TableRef: Table] = [:]

    init(_ tables: [Table], where included: (Table) -> Bool) {
        self.tables = tables
        for (i, table) in tables.enumerated() where included(table) { positions[TableRef(table)] = i }
    }

    subscript(ref: TableRef) -> Table? {
        if let table = moved[ref] { return table }
        return positions[ref].map { tables[$0] }
    }

    /// Whether a table is known by `ref` (without copying it).
    func contains(_ ref: TableRef) -> Bool { positions[ref] != nil || moved[ref] != nil }

    /// Every reference present.
    var refs: [TableRef] { Array(positions.keys) + Array(moved.keys) }

    /// `from` is now `table`, known as `to`.
    mutating func move(_ from: TableRef, to: TableRef, as table: Table) {
        positions[from] = nil
        moved[from] = nil
        moved[to] = table
    }
}
