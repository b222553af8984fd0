import ModelDSL

/// Compares one table that exists in both the model and the database.
///
/// `model` is the table as declared (its values go into the ops, so revisions read like the
/// model); `stored` is the dialect's stored form of it (what is compared with `database`).
struct TableComparison {
    let run: CompareRun
    let ref: TableRef
    let model: Table
    let stored: Table
    let database: Table
    /// The database table with column renames applied to its constraints and indexes, so
    /// that a constraint on a renamed column matches the model's.
    private var renamedView: Table?

    /// Foreign keys to drop before any table changes.
    var dropForeignKeys: [MigrationOp] = []
    /// Constraint drops, column changes, constraint and index creation, comment.
    var body: [MigrationOp] = []
    /// Foreign keys to add after every table is in place.
    var addForeignKeys: [MigrationOp] = []
    /// `UNLOGGED` to set (true) or clear (false): ordered across tables by the caller, as
    /// PostgreSQL refuses a logged table referencing an unlogged one at every step.
    var unlogged: Bool?
    /// For a partition: its parent's key column types, to compare bound values by meaning
    /// (`PartitionBoundComparison`); nil when unknown or the key is an expression.
    var partitionKeyTypes: [String]?
    /// Columns added or whose type changes here (their CHECKs come with them).
    private var reshapedColumns = Set<String>()
    /// Columns dropped and added again because their generation changes: the indexes and
    /// constraints on them go with the old column and are created again after the new one.
    private var regeneratedColumns: [String] = []

    init(run: CompareRun, ref: TableRef, model: Table, stored: Table, database: Table) {
        self.run = run
        self.ref = ref
        self.model = model
        self.stored = stored
        self.database = database
    }

    mutating func compare() {
        let columnOps = compareColumns()
        var drops: [MigrationOp] = []
        var adds: [MigrationOp] = []
        comparePrimaryKey(drops: &drops, adds: &adds)
        compareUniques(drops: &drops, adds: &adds)
        compareChecks(drops: &drops, adds: &adds)
        compareExclusions(drops: &drops, adds: &adds)
        compareIndexes(drops: &drops, adds: &adds)
        compareForeignKeys()
        body = drops + columnOps + adds
        if stored.unlogged != database.unlogged { unlogged = model.unlogged }
        comparePartitioning()
        if stored.storage != database.storage {
            body.append(.setTableStorage(ref, Change(from: database.storage, to: stored.storage)))
        }
        if stored.rowLevelSecurity != database.rowLevelSecurity {
            body.append(
                .setRowLevelSecurity(ref, Change(from: database.rowLevelSecurity, to: stored.rowLevelSecurity)))
        }
        if run.dialect.hasComments, stored.comment != database.comment {
            body.append(.setTableComment(ref, Change(from: database.comment, to: model.comment)))
        }
    }

    /// A partition key or a partition's parent or bound cannot change in place (it is a
    /// DETACH and ATTACH, or a new table and a copy): reported, left to a hand-written revision.
    private mutating func comparePartitioning() {
        let memo = run.memo
        func same(_ a: String?, _ b: String?) -> Bool { a.map(memo.normalize) == b.map(memo.normalize) }
        if !same(stored.partitionKey, database.partitionKey) {
            run.diagnostics.append(
                Diagnostic(
                    .partitionChange, .warning,
                    "table \(ref): its partitioning changes from \(database.partitionKey ?? "none") to \(stored.partitionKey ?? "none"); autogen does not repartition a table: do it in a revision by hand"
                ))
        }
        let from = database.partitionOf
        let to = stored.partitionOf
        var boundsDiffer = !same(from?.bound, to?.bound)
        if boundsDiffer, let from, let to {
            // The same values spelled otherwise (PostgreSQL respells a timestamp's) are no change.
            // In place: a copy of the set per partition would grow with the partitions squared.
            boundsDiffer =
                PartitionBoundComparison(keyTypes: partitionKeyTypes).compare(
                    model: to.bound, database: from.bound, answers: run.options.serverDefaultAnswers,
                    questions: &run.questions) == .different
        }
        if from?.table != to?.table || from?.schema != to?.schema || boundsDiffer {
            let describe = { (p: PartitionOf?) in p.map { "a partition of \($0.table) \($0.bound)" } ?? "no partition" }
            run.diagnostics.append(
                Diagnostic(
                    .partitionChange, .warning,
                    "table \(ref): it changes from \(describe(from)) to \(describe(to)); detach and attach it in a revision by hand"
                ))
        }
    }

    // MARK: columns

    private mutating func compareColumns() -> [MigrationOp] {
        // Tables have few columns: linear lookups beat building dictionaries per table.
        let dbColumns = run.kept(database.columns, .column, table: database, reflected: true)
        var matched = [Bool](repeating: false, count: dbColumns.count)
        func dbIndex(_ name: String) -> Int? { dbColumns.firstIndex { $0.name == name } }
        var adds: [MigrationOp] = []
        var alters: [MigrationOp] = []
        var addedColumns: [Column] = []
        for (position, column) in run.kept(model.columns, .column, table: model, reflected: false).enumerated() {
            let storedColumn =
                position < stored.columns.count && stored.columns[position].name == column.name
                ? stored.columns[position] : (stored.columns.first { $0.name == column.name } ?? column)
            var index = dbIndex(column.name)
            var rename: Change<String>?
            if index == nil, let old = column.renamedFrom, let oldIndex = dbIndex(old), model.column(old) == nil {
                index = oldIndex
                rename = Change(from: old, to: column.name)
                if renamedView == nil { renamedView = database }
                renamedView?.renameColumnReferences(from: old, to: column.name)
            }
            let existing = index.map { dbColumns[$0] }
            guard let existing else {
                var plain = column
                plain.renamedFrom = nil
                adds.append(.addColumn(ref, plain))
                addedColumns.append(plain)
                reshapedColumns.insert(column.name)
                if !column.isNullable && column.defaultValue == nil && column.identity == nil {
                    run.diagnostics.append(
                        Diagnostic(
                            .notNullWithoutDefault, .warning,
                            "adding NOT NULL column \(ref).\(column.name) without a default fails if the table has rows"
                        ))
                }
                continue
            }
            if let index { matched[index] = true }
            // The common case: the catalog holds exactly what the model says.
            if rename == nil, storedColumn.type == existing.type, storedColumn.isNullable == existing.isNullable,
                storedColumn.defaultValue == existing.defaultValue, storedColumn.identity == existing.identity,
                storedColumn.generated == existing.generated, storedColumn.sequence == existing.sequence,
                storedColumn.collation == existing.collation, storedColumn.statistics == existing.statistics,
                storedColumn.comment == existing.comment || !run.dialect.hasComments
            {
                continue
            }
            if let change = generationChange(model: storedColumn, database: existing) {
                // Neither database alters a generation in place (PostgreSQL 15 has no SET
                // EXPRESSION, and DROP DEFAULT on one fails with 42601): a column that becomes
                // generated, or is generated differently, is dropped and added again, its
                // values computed anew. One that becomes plain would lose the values it holds,
                // and one in a key would take the key with it: both are left to a hand-written
                // revision.
                let inKey =
                    (database.primaryKey?.columns.contains(existing.name) ?? false)
                    || database.foreignKeys.contains { $0.columns.contains(existing.name) }
                    || (stored.primaryKey?.columns.contains(column.name) ?? false)
                    || stored.foreignKeys.contains { $0.columns.contains(column.name) }
                guard let generated = storedColumn.generated, rename == nil, !inKey else {
                    run.diagnostics.append(
                        Diagnostic(
                            .generatedColumnChange, .warning,
                            "\(ref).\(column.name): \(change); autogen does not change it in place: drop and add the column in a revision by hand"
                        ))
                    continue
                }
                var plain = column
                plain.renamedFrom = nil
                alters.append(.dropColumn(ref, existing))
                alters.append(.addColumn(ref, plain))
                regeneratedColumns.append(column.name)
                if existing.generated == nil {
                    run.diagnostics.append(
                        Diagnostic(
                            .dropsData, .warning,
                            "\(ref).\(column.name) becomes generated from \(generated.expression): the column is dropped and added again, and the values it holds are lost"
                        ))
                } else {
                    run.diagnostics.append(
                        Diagnostic(
                            .generatedColumnChange, .note,
                            "\(ref).\(column.name): \(change); the column is dropped and added again (its values computed anew, its indexes and constraints recreated)"
                        ))
                }
                continue
            }
            var alteration = ColumnAlteration(table: ref, existing: existing, name: rename)
            if run.options.compareTypes, !run.dialect.typesMatch(model: storedColumn.type, database: existing.type) {
                alteration.type = Change(from: existing.type, to: column.type)
                reshapedColumns.insert(column.name)
                if let loss = run.dialect.typeChangeLoss(from: existing.type, to: column.type) {
                    run.diagnostics.append(
                        Diagnostic(
                            .typeChangeLosesPrecision, .warning,
                            "changing the type of \(ref).\(column.name) from \(existing.type) to \(column.type) \(loss)"
                        ))
                } else if !Self.isWidening(from: existing.type, to: column.type) {
                    run.diagnostics.append(
                        Diagnostic(
                            .typeChangeMayFail, .note,
                            "changing the type of \(ref).\(column.name) from \(existing.type) to \(column.type) may fail on existing rows"
                        ))
                }
            }
            if storedColumn.isNullable != existing.isNullable {
                alteration.nullable = Change(from: existing.isNullable, to: storedColumn.isNullable)
            }
            if run.options.compareServerDefaults, defaultsDiffer(storedColumn, existing) {
                alteration.defaultValue = Change(from: existing.defaultValue, to: column.defaultValue)
            }
            if run.dialect.hasComments, storedColumn.comment != existing.comment {
                alteration.comment = Change(from: existing.comment, to: column.comment)
            }
            if storedColumn.identity != existing.identity {
                alteration.identity = Change(from: existing.identity, to: column.identity)
            }
            if storedColumn.collation != existing.collation {
                alteration.collation = Change(from: existing.collation, to: column.collation)
            }
            if storedColumn.statistics != existing.statistics {
                alteration.statistics = Change(from: existing.statistics, to: storedColumn.statistics)
            }
            if storedColumn.sequence != existing.sequence, storedColumn.identity != nil {
                alteration.sequence = Change(from: existing.sequence, to: storedColumn.sequence)
            }
            if !alteration.isEmpty { alters.append(.alterColumn(alteration)) }
        }
        var drops: [MigrationOp] = []
        for (index, column) in dbColumns.enumerated() where !matched[index] {
            drops.append(.dropColumn(ref, column))
            run.diagnostics.append(
                Diagnostic(.dropsData, .warning, "dropping column \(ref).\(column.name) loses its data"))
            if let new = addedColumns.first(where: { run.dialect.typesMatch(model: $0.type, database: column.type) }) {
                run.diagnostics.append(
                    Diagnostic(
                        .possibleRename, .warning,
                        "\(ref): \(column.name) is dropped and \(new.name) added with the same type: looks like a rename of \(column.name) to \(new.name); declare Column(\"\(new.name)\", ...).renamed(from: \"\(column.name)\") to keep the data"
                    ))
            }
        }
        return adds + alters + drops
    }

    /// How the generation of a column differs between the model and the database, or nil when
    /// it does not (expressions compared in the dialect's normal form).
    private func generationChange(model: Column, database: Column) -> String? {
        switch (model.generated, database.generated) {
        case (nil, nil): return nil
        case (nil, let d?):
            return "the database generates it from \(d.expression) but the model declares a plain column"
        case (let m?, nil): return "the model generates it from \(m.expression) but the database holds a plain column"
        case (let m?, let d?):
            if m.stored == d.stored,
                run.dialect.normalizeExpression(m.expression) == run.dialect.normalizeExpression(d.expression)
            {
                return nil
            }
            return "its generation changes from \(d.expression) to \(m.expression)"
        }
    }

    /// Whether every value of `from` fits `to` unchanged (no note needed).
    static func isWidening(from: ColumnType, to: ColumnType) -> Bool {
        switch (from, to) {
        case (.varchar, .text), (.char, .text), (.smallint, .integer), (.smallint, .bigint), (.integer, .bigint),
            (.real, .double):
            return true
        case (.text, .varchar(nil)): return true
        case (.varchar(let a?), .varchar(let b)), (.char(let a?), .char(let b)), (.char(let a?), .varchar(let b)):
            return b.map { $0 >= a } ?? true
        case (.numeric(let p1?, let s1), .numeric(let p2, let s2)):
            guard let p2 else { return true }
            return p2 - (s2 ?? 0) >= p1 - (s1 ?? 0) && (s2 ?? 0) >= (s1 ?? 0)
        case (.timestamp(false), .timestamp(true)): return false
        default: return false
        }
    }

    private mutating func defaultsDiffer(_ model: Column, _ database: Column) -> Bool {
        // A serial's sequence default is part of its identity, not a default.
        switch run.memo.defaultsMatch(model: model.defaultValue, database: database.defaultValue, type: model.type) {
        case .equal: return false
        case .different: return true
        case .undecided(let m, let d):
            let question = DefaultQuestion(model: m, database: d, type: run.dialect.typeSQL(model.type))
            run.questions.insert(question)
            return !(run.options.serverDefaultAnswers[question] ?? false)
        }
    }

    // MARK: constraints

    /// A list of the database table, with column renames applied when there were any.
    private func view<T>(_ list: KeyPath<Table, [T]>) -> [T] {
        renamedView?[keyPath: list] ?? database[keyPath: list]
    }

    /// The database's own object behind one of `renamedView`'s (same position in the list):
    /// a drop runs before the column rename, so it must name the old columns.
    private func original<T: Equatable>(_ object: T, _ list: KeyPath<Table, [T]>) -> T {
        guard let renamedView, let i = renamedView[keyPath: list].firstIndex(of: object),
            i < database[keyPath: list].count
        else {
            return object
        }
        return database[keyPath: list][i]
    }

    private mutating func comparePrimaryKey(drops: inout [MigrationOp], adds: inout [MigrationOp]) {
        let wanted = stored.primaryKey?.columns ?? []
        let present = database.primaryKey?.columns ?? []
        guard wanted != present else { return }
        if let key = database.primaryKey { drops.append(.dropPrimaryKey(ref, key)) }
        if let key = model.primaryKey ?? stored.primaryKey { adds.append(.addPrimaryKey(ref, key)) }
    }

    private mutating func compareUniques(drops: inout [MigrationOp], adds: inout [MigrationOp]) {
        let existing = regenerating(run.kept(view(\.uniques), .uniqueConstraint, table: database, reflected: true)) {
            $0.columns.contains(where: $1)
        }
        drops += existing.regenerated.map { .dropUnique(ref, original($0, \.uniques)) }
        let (added, removed) = ObjectMatcher.diff(
            model: run.kept(stored.uniques, .uniqueConstraint, table: model, reflected: false),
            database: existing.kept,
            name: \.name, signature: { UniqueSignature(columns: $0.columns, nullsNotDistinct: $0.nullsNotDistinct) },
            // A unique the model left unnamed (its name is the default convention's) is the
            // database's unique on the same columns whatever the database called it (Alembic).
            anyName: { [name = model.name] unique in
                unique.name == NamingConvention.default.uniqueName(table: name, columns: unique.columns)
            })
        drops += removed.map { .dropUnique(ref, original($0, \.uniques)) }
        adds += added.map { u in .addUnique(ref, model.uniques.first { $0.name == u.name } ?? u) }
    }

    private mutating func compareChecks(drops: inout [MigrationOp], adds: inout [MigrationOp]) {
        let memo = run.memo
        let existing = regenerating(run.kept(view(\.checks), .checkConstraint, table: database, reflected: true)) {
            check, uses in Self.identifiers(in: check.expression).contains(where: uses)
        }
        drops += existing.regenerated.map { .dropCheck(ref, original($0, \.checks)) }
        let (added, removed) = ObjectMatcher.diff(
            model: run.kept(stored.checks, .checkConstraint, table: model, reflected: false),
            database: existing.kept,
            name: \.name, signature: { memo.normalize($0.expression) })
        drops += removed.map { .dropCheck(ref, original($0, \.checks)) }
        // A check the database holds NOT VALID and the model does not: validated in place.
        for check in stored.checks where !check.notValid {
            guard let held = existing.kept.first(where: { $0.name == check.name && $0.notValid }),
                !removed.contains(held)
            else { continue }
            adds.append(.setConstraintValidated(ref, .check(original(held, \.checks)), Change(from: false, to: true)))
        }
        for check in added {
            if let declared = model.checks.first(where: { $0.name == check.name }) {
                adds.append(.addCheck(ref, declared))
            } else if !reshapedColumns.contains(where: { check.expression.contains($0) }) {
                // A CHECK the dialect derives from the model (an enum on SQLite) for a column
                // that stays as it is: add it; for a new or retyped column it comes with it.
                adds.append(.addCheck(ref, check))
            }
        }
    }

    /// Exclusion constraints by name and definition (normalized: the catalog respells it);
    /// a changed one is dropped and added again.
    private mutating func compareExclusions(drops: inout [MigrationOp], adds: inout [MigrationOp]) {
        let memo = run.memo
        let (added, removed) = ObjectMatcher.diff(
            model: run.kept(stored.exclusions, .exclusionConstraint, table: model, reflected: false),
            database: run.kept(database.exclusions, .exclusionConstraint, table: database, reflected: true),
            name: { Optional($0.name) },
            signature: { exclusion in
                // PostgreSQL wraps the predicate in parentheses of its own: compare it apart.
                let parts = exclusion.definition.components(separatedBy: " WHERE ")
                return parts.map { memo.normalize(Self.withoutOuterParentheses($0)) }
            })
        drops += removed.map { .dropExclusion(ref, $0) }
        adds += added.map { e in .addExclusion(ref, model.exclusions.first { $0.name == e.name } ?? e) }
    }

    /// `((a))` -> `a`: the parentheses that enclose the whole text, however many.
    static func withoutOuterParentheses(_ text: String) -> String {
        var chars = Array(text.trimmingCharacters(in: .whitespaces))
        while chars.first == "(", chars.last == ")" {
            var depth = 0
            var enclosesAll = true
            for (i, c) in chars.enumerated() {
                if c == "(" { depth += 1 } else if c == ")" { depth -= 1 }
                if depth == 0 && i < chars.count - 1 {
                    enclosesAll = false
                    break
                }
            }
            guard enclosesAll else { break }
            chars = Array(String(chars.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces))
        }
        return String(chars)
    }

    private mutating func compareIndexes(drops: inout [MigrationOp], adds: inout [MigrationOp]) {
        let memo = run.memo
        let existing = regenerating(run.kept(view(\.indexes), .index, table: database, reflected: true)) {
            index, uses in
            index.elements.contains { element in
                switch element {
                case .column(let name): return uses(name)
                case .expression(let sql): return Self.identifiers(in: sql).contains(where: uses)
                }
            } || index.include.contains(where: uses)
                || Self.identifiers(in: index.predicate ?? "").contains(where: uses)
        }
        drops += existing.regenerated.map { .dropIndex(ref, original($0, \.indexes)) }
        let (added, removed) = ObjectMatcher.diff(
            model: run.kept(stored.indexes, .index, table: model, reflected: false),
            database: existing.kept,
            name: \.name,
            signature: { index in
                IndexSignature(
                    elements: index.elements.map {
                        switch $0 {
                        case .column(let c): return "c:" + c
                        case .expression(let e): return "e:" + memo.normalize(e)
                        }
                    }, unique: index.unique, method: index.method?.lowercased(),
                    predicate: index.predicate.map(memo.normalize),
                    keyOptions: index.keyOptions.map {
                        var options = $0
                        options.opclass = options.opclass?.lowercased()
                        return options
                    }, include: index.include, nullsNotDistinct: index.nullsNotDistinct,
                    storage: index.storage)
            })
        drops += removed.map { .dropIndex(ref, original($0, \.indexes)) }
        adds += added.map { i in .createIndex(ref, model.indexes.first { $0.name == i.name } ?? i) }
    }

    /// `objects` split into those on no regenerated column and those on one (`uses(object,
    /// isRegenerated)`), which are dropped with the old column and, being left out of the
    /// comparison, created again from the model after the new one.
    private func regenerating<T>(_ objects: [T], _ uses: (T, (String) -> Bool) -> Bool) -> (
        kept: [T], regenerated: [T]
    ) {
        guard !regeneratedColumns.isEmpty else { return (objects, []) }
        let names = Set(regeneratedColumns.map { $0.lowercased() })
        var kept: [T] = []
        var regenerated: [T] = []
        for object in objects {
            if uses(object, { names.contains($0.lowercased()) }) {
                regenerated.append(object)
            } else {
                kept.append(object)
            }
        }
        return (kept, regenerated)
    }

    /// The identifiers an SQL expression may name, quotes removed: a superset of the columns
    /// it uses (a word in a string literal counts too, which only costs a recreated index).
    static func identifiers(in sql: String) -> [String] {
        sql.split { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "$") }.map(String.init)
    }

    private mutating func compareForeignKeys() {
        let (added, removed) = ObjectMatcher.diff(
            model: run.kept(stored.foreignKeys, .foreignKey, table: model, reflected: false),
            database: run.kept(view(\.foreignKeys), .foreignKey, table: database, reflected: true),
            name: \.name,
            signature: {
                ForeignKeySignature(
                    columns: $0.columns, referredSchema: $0.referredSchema, referredTable: $0.referredTable,
                    referredColumns: $0.referredColumns, onDelete: $0.onDelete, onUpdate: $0.onUpdate,
                    deferrable: $0.deferrable, initiallyDeferred: $0.initiallyDeferred, matchFull: $0.matchFull)
            })
        dropForeignKeys += removed.map { .dropForeignKey(ref, original($0, \.foreignKeys)) }
        // A key the database holds NOT VALID and the model does not: validated, after the
        // other changes (the rows it checks may be fixed by them).
        for key in stored.foreignKeys where !key.notValid {
            guard let held = view(\.foreignKeys).first(where: { $0.name == key.name && $0.notValid }),
                !removed.contains(held)
            else { continue }
            addForeignKeys.append(
                .setConstraintValidated(ref, .foreignKey(original(held, \.foreignKeys)), Change(from: false, to: true)))
        }
        addForeignKeys += added.map { k in .addForeignKey(ref, model.foreignKeys.first { $0.name == k.name } ?? k) }
    }
}

/// What makes two indexes the same index, names aside.
struct IndexSignature: Hashable {
    var elements: [String]
    var unique: Bool
    var method: String?
    var predicate: String?
    /// Order, operator class (lower-cased) and collation per key; empty when all default.
    var keyOptions: [IndexKeyOptions] = []
    var include: [String] = []
    var nullsNotDistinct = false
    var storage: [String: String] = [:]
}

/// What makes two foreign keys the same constraint, names aside.
struct ForeignKeySignature: Hashable {
    var columns: [String]
    var referredSchema: String?
    var referredTable: String
    var referredColumns: [String]
    var onDelete: ReferentialAction
    var onUpdate: ReferentialAction
    var deferrable: Bool
    var initiallyDeferred: Bool
    var matchFull: Bool
}

/// What makes two unique constraints the same, names aside.
struct UniqueSignature: Hashable {
    var columns: [String]
    var nullsNotDistinct: Bool
}
