import ModelDSL

/// Compare: the pure function at the heart of autogenerate. Given the model and the schema
/// read from the database, it returns the ops that turn the database into the model, and the
/// diagnostics a reviewer should see. It never touches a database.
public enum Comparer {
    /// The ops (in an order that can run as is, and whose reverse can too) and diagnostics.
    public static func compare(
        model: Schema, database: Schema, dialect: any SchemaDialect.Type, options: CompareOptions = CompareOptions()
    ) -> CompareResult {
        compare(PreparedModel(model, dialect: dialect), database: database, options: options)
    }

    /// The same, for a model prepared once (a process that compares it more than once, such
    /// as asking the server about defaults and then comparing, prepares it once).
    public static func compare(
        _ model: PreparedModel, database: Schema, options: CompareOptions = CompareOptions()
    ) -> CompareResult {
        let run = CompareRun(dialect: model.dialect, options: options)
        return run.compare(model, database: database)
    }

    /// The default comparisons that text cannot decide, to ask the server in one round trip
    /// before calling `compare` with the answers in `options.serverDefaultAnswers`.
    public static func undecidedDefaults(
        model: Schema, database: Schema, dialect: any SchemaDialect.Type, options: CompareOptions = CompareOptions()
    ) -> [DefaultQuestion] {
        undecidedDefaults(PreparedModel(model, dialect: dialect), database: database, options: options)
    }

    /// The same, for a prepared model.
    public static func undecidedDefaults(
        _ model: PreparedModel, database: Schema, options: CompareOptions = CompareOptions()
    ) -> [DefaultQuestion] {
        let run = CompareRun(dialect: model.dialect, options: options)
        _ = run.compare(model, database: database)
        return run.questions.sorted { ($0.model, $0.database) < ($1.model, $1.database) }
    }
}

/// A model made ready to compare on one dialect: its stored form (what the catalog would
/// hold) and the form its ops are written in, both computed once. Building it is part of
/// loading the model, like SQLAlchemy's MetaData, not of comparing.
public struct PreparedModel {
    public let dialect: any SchemaDialect.Type
    /// The model as ops spell it (`SchemaDialect.opForm`).
    public let model: Schema
    /// The model as the database's catalog would give it back.
    public let stored: Schema

    /// Every model and stored table by reference.
    let modelLookup: TableLookup
    let storedLookup: TableLookup

    /// `currentSchema`: the connection's current schema, when the caller read it (PostgreSQL).
    public init(_ model: Schema, dialect: any SchemaDialect.Type, currentSchema: String? = nil) {
        self.dialect = dialect
        stored = dialect.storedForm(of: model, currentSchema: currentSchema)
        self.model = dialect.opForm(of: model, stored: stored)
        modelLookup = TableLookup(self.model.tables) { _ in true }
        storedLookup = TableLookup(stored.tables) { _ in true }
    }
}

/// The state of one compare: options, the dialect, findings so far. A class, so that the
/// comparison of each of thousands of tables shares it instead of copying it.
final class CompareRun {
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

    /// `createSchema` for each schema the model's tables, enum types and extensions name that the
    /// database lacks (when `CompareOptions.databaseSchemas` says which it has), in name order.
    func schemaOps(_ model: Schema) -> [MigrationOp] {
        guard let existing = options.databaseSchemas else { return [] }
        let named = Set(
            model.tables.compactMap(\.schema) + model.enums.compactMap(\.schema) + model.sequences.compactMap(\.schema)
                + model.domains.compactMap(\.schema) + model.compositeTypes.compactMap(\.schema)
                + model.views.compactMap(\.schema)
        )
        .filter { options.schemas?.contains($0) ?? true }
        // An extension's schema is created for it, though compare never looks inside it.
        let forExtensions = dialect.hasExtensions ? model.extensions.compactMap(\.schema) : []
        return named.union(forExtensions).subtracting(existing).sorted().map(MigrationOp.createSchema)
    }

    /// `SET LOGGED` parents first, or `SET UNLOGGED` children first (`unlogged`): PostgreSQL
    /// refuses any step at which a logged table would reference an unlogged one.
    func persistenceOps(_ switches: [(table: Table, unlogged: Bool)], unlogged: Bool) -> [MigrationOp] {
        let order = CreationOrder(switches.filter { $0.unlogged == unlogged }.map(\.table)).tables
        return (unlogged ? order.reversed() : order).map {
            .setTableUnlogged(TableRef($0), Change(from: !unlogged, to: unlogged))
        }
    }

    func compare(_ prepared: PreparedModel, database: Schema) -> CompareResult {
        let stored = prepared.stored
        let model = prepared.model
        // Tables by reference, as positions in the schemas' arrays: copying a few thousand
        // tables into dictionaries (and destroying them again) was most of compare's time.
        // Without table filters the prepared model's lookups serve as they are.
        let filtering =
            options.schemas != nil || !options.includeTables.isEmpty || !options.excludeTables.isEmpty
            || options.includeObject != nil
        let modelTables =
            filtering
            ? TableLookup(model.tables) { self.includesTable($0, reflected: false) } : prepared.modelLookup
        let storedTables =
            filtering ? TableLookup(stored.tables) { modelTables.contains(TableRef($0)) } : prepared.storedLookup
        var dbTables = TableLookup(database.tables) { self.includesTable($0, reflected: true) }

        var renameOps: [MigrationOp] = []
        // Indices, not `for table in`: iterating copies every table, field by field.
        for i in model.tables.indices where model.tables[i].renamedFrom != nil {
            let ref = modelTables.allRefs[i]
            guard modelTables.contains(ref), !dbTables.contains(ref), let old = model.tables[i].renamedFrom else {
                continue
            }
            let oldRef = TableRef(old, schema: ref.schema)
            guard !modelTables.contains(oldRef), var existing = dbTables[oldRef] else { continue }
            renameOps.append(.renameTable(oldRef, to: ref.name))
            existing.name = ref.name
            dbTables.move(oldRef, to: ref, as: existing)
        }

        // Both schemas keep their tables sorted by (schema, name), so these lists come out
        // sorted without sorting them.
        var added: [TableRef] = []
        var common: [TableRef] = []
        for ref in modelTables.allRefs {
            guard modelTables.contains(ref) else { continue }
            if dbTables.contains(ref) { common.append(ref) } else { added.append(ref) }
        }
        // A partition the model does not declare is left alone unless the model declares
        // partitions of its parent: a model written before partitions were modelled (or one
        // leaving them to pg_partman) must not drop them.
        var partitionedInModel = Set<TableRef>()
        for table in model.tables {
            if let parent = table.partitionOf {
                partitionedInModel.insert(TableRef(parent.table, schema: parent.schema ?? table.schema))
            }
        }
        let removed = dbTables.allRefs.filter { ref in
            guard dbTables.contains(ref), !modelTables.contains(ref) else { return false }
            guard let parent = dbTables[ref]?.partitionOf else { return true }
            return partitionedInModel.contains(TableRef(parent.table, schema: parent.schema ?? ref.schema))
        }
        reportPossibleTableRenames(
            added: added.compactMap { modelTables[$0] }, removed: removed.compactMap { dbTables[$0] })

        let extensionOps =
            dialect.hasExtensions
            ? ExtensionComparison(model: model, database: database, options: options) : ExtensionComparison()
        diagnostics += extensionOps.diagnostics
        let sequenceOps =
            dialect.hasSequences
            ? SequenceComparison(model: model, database: database, options: options) : SequenceComparison()
        for case .dropSequence(let s) in sequenceOps.after {
            diagnostics.append(
                Diagnostic(.dropsData, .warning, "dropping sequence \(s.qualifiedName) loses its current value"))
        }
        let memo = self.memo
        let typeOps =
            dialect.hasDomainAndCompositeTypes
            ? TypeComparison(model: stored, database: database, options: options, memo: memo)
            : TypeComparison()
        diagnostics += typeOps.diagnostics
        var enumOps = EnumComparison(dialect: dialect, options: options)
        enumOps.compare(model: model, stored: stored, database: database)
        diagnostics += enumOps.diagnostics

        var dropForeignKeys: [MigrationOp] = []
        var tableBodies: [MigrationOp] = []
        var persistence: [(table: Table, unlogged: Bool)] = []
        var addForeignKeys: [MigrationOp] = []
        // Most tables are exactly as the catalog holds them: found without copying either.
        let unchanged = unchangedTables(
            common, stored: stored.tables, storedTables, database: database.tables, dbTables)
        for (k, ref) in common.enumerated() where !unchanged[k] {
            guard let m = modelTables[ref], let s = storedTables[ref], let d = dbTables[ref] else { continue }
            var table = TableComparison(run: self, ref: ref, model: m, stored: s, database: d)
            if let parent = d.partitionOf,
                let parentTable = dbTables[TableRef(parent.table, schema: parent.schema ?? ref.schema)],
                let key = parentTable.partitionKey, let names = PartitionBoundComparison.keyColumns(key)
            {
                // A partition's columns are its parent's: a sub-partitioned table's come from
                // the table at the top.
                var holder = parentTable
                var depth = 0
                while holder.columns.isEmpty, let up = holder.partitionOf, depth < 32,
                    let next = dbTables[TableRef(up.table, schema: up.schema ?? holder.schema)]
                {
                    holder = next
                    depth += 1
                }
                let types = names.map { name in holder.columns.first { $0.name == name }.map(\.type) }
                if types.allSatisfy({ $0 != nil }) { table.partitionKeyTypes = types.map { dialect.typeSQL($0!) } }
            }
            table.compare()
            dropForeignKeys += table.dropForeignKeys
            tableBodies += table.body
            if let unlogged = table.unlogged {
                persistence.append((m, unlogged))
                if unlogged {
                    diagnostics.append(
                        Diagnostic(
                            .tableUnlogged, .warning,
                            "table \(ref) becomes UNLOGGED: the database empties it after a crash and does not replicate it"
                        ))
                }
            }
            addForeignKeys += table.addForeignKeys
        }

        var creation = CreationOrder(added.compactMap { modelTables[$0] })
        if dialect.acceptsForwardForeignKeys { creation.keepKeysInline() }
        var createOps: [MigrationOp] = []
        for table in creation.tables {
            var bare = table
            bare.indexes = []
            bare.renamedFrom = nil
            bare.columns = bare.columns.map {
                var c = $0; c.renamedFrom = nil; return c
            }
            bare.rowLevelSecurity = .off
            createOps.append(.createTable(bare))
            for index in table.indexes where includes(.index, table: table, name: index.name, reflected: false) {
                createOps.append(.createIndex(TableRef(table), index))
            }
            if table.rowLevelSecurity != .off {
                createOps.append(.setRowLevelSecurity(TableRef(table), Change(from: .off, to: table.rowLevelSecurity)))
            }
        }
        addForeignKeys += creation.deferred.map { .addForeignKey(TableRef($0.table), $0.key) }

        var dropping = CreationOrder(removed.compactMap { dbTables[$0] })
        if dialect.acceptsForwardForeignKeys { dropping.keepKeysInline() }
        var dropOps: [MigrationOp] = dropping.deferred.map { .dropForeignKey(TableRef($0.table), $0.key) }
        for table in dropping.tables.reversed() {
            for index in table.indexes.reversed() { dropOps.append(.dropIndex(TableRef(table), index)) }
            var bare = table
            bare.indexes = []
            if table.rowLevelSecurity != .off {
                // Set apart, so that the downgrade creates the table and then turns it on.
                dropOps.append(.setRowLevelSecurity(TableRef(table), Change(from: table.rowLevelSecurity, to: .off)))
                bare.rowLevelSecurity = .off
            }
            dropOps.append(.dropTable(bare))
            let rows = "table \(TableRef(table)) and its rows"
            diagnostics.append(Diagnostic(.dropsData, .warning, "dropping \(rows) (\(table.columns.count) columns)"))
        }

        // Views around the tables: dropped before what they read changes, created after.
        let viewOps = ViewComparison(
            model: stored, database: database, dialect: dialect, options: options,
            tableOps: tableBodies + dropOps)
        diagnostics += viewOps.diagnostics
        var viewsDropped = Set<String>()
        for case .dropView(let v) in viewOps.early { viewsDropped.insert(v.name) }
        // Functions around the tables by what they name; triggers dropped before anything they
        // need changes and created after everything.
        let functionOps = FunctionComparison(model: stored, database: database, options: options)
        // By schema and name: a table of another schema may share a dropped view's name.
        var viewRefsDropped = Set<TableRef>()
        for case .dropView(let v) in viewOps.early { viewRefsDropped.insert(TableRef(v.name, schema: v.schema)) }
        var viewRefsCreated = Set<TableRef>()
        for case .createView(let v) in viewOps.late { viewRefsCreated.insert(TableRef(v.name, schema: v.schema)) }
        let triggerOps = TriggerComparison(
            run: self, model: stored, database: database, tableOps: tableBodies + dropOps,
            goneFunctions: functionOps.goneNames, viewsDropped: viewRefsDropped, viewsCreated: viewRefsCreated)
        diagnostics += triggerOps.diagnostics
        let policyOps = PolicyComparison(run: self, model: stored, database: database, tableOps: tableBodies + dropOps)
        diagnostics += policyOps.diagnostics
        var ops =
            schemaOps(model) + policyOps.early + triggerOps.early + extensionOps.before + sequenceOps.before
            + enumOps.before
            + typeOps.before + functionOps.before + renameOps
            + viewOps.early + functionOps.early + dropForeignKeys
            // Logged again before new tables, which may reference them; unlogged after the bodies.
            + persistenceOps(persistence, unlogged: false) + createOps + tableBodies
            + persistenceOps(persistence, unlogged: true) + addForeignKeys
            + functionOps.late + viewOps.late + triggerOps.late + policyOps.late + dropOps + functionOps.after
            + typeOps.after + enumOps.after + sequenceOps.after + extensionOps.after
        ops = ops.filter { op in
            if case .alterColumn(let a) = op { return !a.isEmpty }
            return true
        }
        var triggersDropped = Set<String>()
        for case .dropTrigger(let t) in triggerOps.early { triggersDropped.insert(t.name) }
        var rebuilt = Set<TableRef>()
        for op in ops {
            guard let reason = dialect.rebuildReason(for: op), let table = op.table, rebuilt.insert(table).inserted
            else { continue }
            // Views and triggers compare already drops and creates around the change are not
            // the rebuild's.
            let recreated = dialect.rebuildDependents(of: table.name, in: database)
                .filter { !($0.kind == .view ? viewsDropped : triggersDropped).contains($0.name) }
                .map { "\($0.kind.rawValue) \($0.name)" }
            let also = recreated.isEmpty ? "" : "; it drops and recreates " + recreated.joined(separator: ", ")
            diagnostics.append(
                Diagnostic(.tableRebuild, .note, "\(dialect.name) will rebuild table \(table) to \(reason)\(also)"))
        }
        return CompareResult(ops: ops, diagnostics: diagnostics)
    }

    /// For each of `refs`, whether the catalog holds the stored table exactly: every column,
    /// key, index and comment equal, CHECK expressions equal once normalized (PostgreSQL gives
    /// them back rewritten). Such a table needs no op, whatever the filters and options say,
    /// and no diagnostic. The tables are read in place through buffer pointers: copying a
    /// `Table` value retains each of its fields, which for thousands of tables cost more than
    /// the comparison.
    func unchangedTables(
        _ refs: [TableRef], stored: [Table], _ storedLookup: TableLookup, database: [Table], _ dbLookup: TableLookup
    ) -> [Bool] {
        stored.withUnsafeBufferPointer { storedTables in
            database.withUnsafeBufferPointer { dbTables in
                refs.map { ref in
                    guard let i = storedLookup.position(of: ref), let j = dbLookup.position(of: ref) else {
                        return false
                    }
                    return isUnchanged(storedTables.baseAddress! + i, dbTables.baseAddress! + j)
                }
            }
        }
    }

    private func isUnchanged(_ s: UnsafePointer<Table>, _ d: UnsafePointer<Table>) -> Bool {
        // Each field read through the pointer: binding the table to a constant would copy it.
        guard s.pointee.renamedFrom == nil, s.pointee.comment == d.pointee.comment,
            s.pointee.unlogged == d.pointee.unlogged, s.pointee.partitionKey == d.pointee.partitionKey,
            s.pointee.partitionOf == d.pointee.partitionOf, s.pointee.storage == d.pointee.storage,
            s.pointee.rowLevelSecurity == d.pointee.rowLevelSecurity,
            s.pointee.primaryKey == d.pointee.primaryKey, sameColumns(s.pointee.columns, d.pointee.columns),
            sameElements(s.pointee.uniques, d.pointee.uniques), sameElements(s.pointee.indexes, d.pointee.indexes),
            sameElements(s.pointee.foreignKeys, d.pointee.foreignKeys),
            sameElements(s.pointee.exclusions, d.pointee.exclusions),
            s.pointee.checks.count == d.pointee.checks.count
        else { return false }
        for k in s.pointee.checks.indices {
            guard let name = s.pointee.checks[k].name, name == d.pointee.checks[k].name,
                s.pointee.checks[k].notValid == d.pointee.checks[k].notValid,
                memo.normalize(s.pointee.checks[k].expression) == memo.normalize(d.pointee.checks[k].expression)
            else { return false }
        }
        return true
    }

    /// `a == b` for columns, field by field through pointers, so that no `Column` is copied (a
    /// copy retains each of its strings). `ColumnFieldsTests` fails when `Column` gains a
    /// field this does not compare.
    private func sameColumns(_ a: [Column], _ b: [Column]) -> Bool {
        let count = a.count
        guard count == b.count else { return false }
        return a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                guard let a = a.baseAddress, let b = b.baseAddress else { return true }
                for k in 0..<count {
                    let x = a + k
                    let y = b + k
                    guard x.pointee.name == y.pointee.name, x.pointee.type == y.pointee.type,
                        x.pointee.isNullable == y.pointee.isNullable,
                        x.pointee.defaultValue == y.pointee.defaultValue, x.pointee.identity == y.pointee.identity,
                        x.pointee.comment == y.pointee.comment, x.pointee.renamedFrom == y.pointee.renamedFrom,
                        x.pointee.generated == y.pointee.generated, x.pointee.sequence == y.pointee.sequence,
                        x.pointee.collation == y.pointee.collation, x.pointee.statistics == y.pointee.statistics
                    else { return false }
                }
                return true
            }
        }
    }

    /// `a == b`, comparing the elements in place instead of copying each one out.
    private func sameElements<T: Equatable>(_ a: [T], _ b: [T]) -> Bool {
        let count = a.count
        guard count == b.count else { return false }
        return a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                guard let a = a.baseAddress, let b = b.baseAddress else { return true }
                for k in 0..<count where !((a + k).pointee == (b + k).pointee) { return false }
                return true
            }
        }
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

    /// The objects of `list` the user's filter keeps: the list itself when there is no filter
    /// (no copy for the thousands of tables compare goes through).
    func kept<T: NamedSchemaObject>(_ list: [T], _ kind: ObjectRef.Kind, table: Table, reflected: Bool) -> [T] {
        guard options.includeObject != nil else { return list }
        return list.filter { includes(kind, table: table, name: $0.objectName, reflected: reflected) }
    }

    /// A table dropped and one added with the same columns look like a rename: say so.
    func reportPossibleTableRenames(added: [Table], removed: [Table]) {
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

    /// The reference of every table of the array, included or not, in the array's order.
    let allRefs: [TableRef]

    init(_ tables: [Table], where included: (Table) -> Bool) {
        self.tables = tables
        // Through a buffer pointer: each table is read in place, not copied.
        let refs = tables.withUnsafeBufferPointer { buffer in buffer.indices.map { TableRef(buffer[$0]) } }
        var positions: [TableRef: Int] = [:]
        positions.reserveCapacity(tables.count)
        tables.withUnsafeBufferPointer { buffer in
            for i in buffer.indices where included(buffer[i]) { positions[refs[i]] = i }
        }
        self.positions = positions
        allRefs = refs
    }

    subscript(ref: TableRef) -> Table? {
        if let table = moved[ref] { return table }
        return positions[ref].map { tables[$0] }
    }

    /// The position of the table known by `ref` in the array the lookup was made from; nil
    /// when there is none or compare renamed it.
    func position(of ref: TableRef) -> Int? { moved.isEmpty || moved[ref] == nil ? positions[ref] : nil }

    /// Whether a table is known by `ref` (without copying it).
    func contains(_ ref: TableRef) -> Bool { positions[ref] != nil || moved[ref] != nil }

    /// `from` is now `table`, known as `to`.
    mutating func move(_ from: TableRef, to: TableRef, as table: Table) {
        positions[from] = nil
        moved[from] = nil
        moved[to] = table
    }
}

/// Schema objects that a user's filter can name.
protocol NamedSchemaObject { var objectName: String? { get } }
extension Column: NamedSchemaObject { var objectName: String? { name } }
extension Unique: NamedSchemaObject { var objectName: String? { name } }
extension Check: NamedSchemaObject { var objectName: String? { name } }
extension Exclusion: NamedSchemaObject { var objectName: String? { name } }
extension Index: NamedSchemaObject { var objectName: String? { name } }
extension ForeignKey: NamedSchemaObject { var objectName: String? { name } }
