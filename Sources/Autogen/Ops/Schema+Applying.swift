import ModelDSL

/// What goes wrong when ops are applied to a schema value that does not have what they name.
public struct ApplyError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension Schema {
    /// The schema after `ops`, computed on values alone: how the SQLite renderer knows the
    /// whole table it rebuilds, and how tests check that ops lead where compare said.
    public func applying(_ ops: [MigrationOp]) throws(ApplyError) -> Schema {
        var schema = self
        for op in ops { try schema.apply(op) }
        return schema
    }

    /// Applies one op in place.
    public mutating func apply(_ op: MigrationOp) throws(ApplyError) {
        switch op {
        case .createTable(let table):
            guard tableIndex(TableRef(table)) == nil else {
                throw ApplyError("table \(TableRef(table)) already exists")
            }
            var plain = table
            plain.renamedFrom = nil
            plain.columns = plain.columns.map {
                var c = $0; c.renamedFrom = nil; return c
            }
            plain.resort()
            insertSorted(plain)
        case .dropTable(let table):
            let i = try requireTable(TableRef(table))
            tables.remove(at: i)
            // The table's triggers go with it.
            triggers.removeAll { $0.table == table.name && $0.schema == table.schema }
            policies.removeAll { $0.table == table.name && $0.schema == table.schema }
        case .renameTable(let ref, let newName):
            let i = try requireTable(ref)
            var renamed = tables.remove(at: i)
            renamed.name = newName
            insertSorted(renamed)
            for j in triggers.indices where triggers[j].table == ref.name && triggers[j].schema == ref.schema {
                triggers[j].table = newName
            }
            for j in policies.indices where policies[j].table == ref.name && policies[j].schema == ref.schema {
                policies[j].table = newName
            }
        case .addColumn(let ref, let column):
            try modifyTable(ref) { table throws(ApplyError) in
                guard table.column(column.name) == nil else {
                    throw ApplyError("column \(ref).\(column.name) already exists")
                }
                var plain = column
                plain.renamedFrom = nil
                table.columns.append(plain)
            }
        case .dropColumn(let ref, let column):
            try modifyTable(ref) { table throws(ApplyError) in
                guard let i = table.columns.firstIndex(where: { $0.name == column.name }) else {
                    throw ApplyError("table \(ref) has no column \(column.name)")
                }
                table.columns.remove(at: i)
            }
        case .alterColumn(let a):
            try modifyTable(a.table) { table throws(ApplyError) in
                guard let i = table.columns.firstIndex(where: { $0.name == a.existing.name }) else {
                    throw ApplyError("table \(a.table) has no column \(a.existing.name)")
                }
                var column = table.columns[i]
                if let name = a.name { column.name = name.to }
                if let type = a.type { column.type = type.to }
                if let nullable = a.nullable { column.isNullable = nullable.to }
                if let value = a.defaultValue { column.defaultValue = value.to }
                if let comment = a.comment { column.comment = comment.to }
                if let identity = a.identity { column.identity = identity.to }
                if let sequence = a.sequence { column.sequence = sequence.to }
                if let collation = a.collation { column.collation = collation.to }
                if let statistics = a.statistics { column.statistics = statistics.to }
                table.columns[i] = column
                if let name = a.name { table.renameColumnReferences(from: name.from, to: name.to) }
            }
        case .createIndex(let ref, let index, _):
            if tableIndex(ref) == nil,
                let v = views.firstIndex(where: { $0.name == ref.name && $0.schema == ref.schema })
            {
                // A materialized view's index.
                views[v].indexes.append(index)
                views[v].indexes.sort { ($0.name ?? "") < ($1.name ?? "") }
                return
            }
            try modifyTable(ref) { table in table.indexes.append(index) }
        case .dropIndex(let ref, let index, _):
            if tableIndex(ref) == nil,
                let v = views.firstIndex(where: { $0.name == ref.name && $0.schema == ref.schema })
            {
                guard let i = views[v].indexes.firstIndex(where: { $0.name == index.name }) else {
                    throw ApplyError("materialized view \(ref) has no index \(index.name ?? "like \(index)")")
                }
                views[v].indexes.remove(at: i)
                return
            }
            try modifyTable(ref) { table throws(ApplyError) in
                guard
                    let i = table.indexes.firstIndex(where: {
                        $0.name == index.name && (index.name != nil || $0 == index)
                    })
                else {
                    throw ApplyError("table \(ref) has no index \(index.name ?? "like \(index)")")
                }
                table.indexes.remove(at: i)
            }
        case .addPrimaryKey(let ref, let key):
            try modifyTable(ref) { table in table.primaryKey = key }
        case .dropPrimaryKey(let ref, _):
            try modifyTable(ref) { table in table.primaryKey = nil }
        case .addUnique(let ref, let unique):
            try modifyTable(ref) { table in table.uniques.append(unique) }
        case .dropUnique(let ref, let unique):
            try modifyTable(ref) { table throws(ApplyError) in
                try Self.remove(unique, from: &table.uniques, what: "unique constraint", table: ref) {
                    $0.columns == unique.columns
                }
            }
        case .addForeignKey(let ref, let key):
            try modifyTable(ref) { table in table.foreignKeys.append(key) }
        case .dropForeignKey(let ref, let key):
            try modifyTable(ref) { table throws(ApplyError) in
                try Self.remove(key, from: &table.foreignKeys, what: "foreign key", table: ref) {
                    $0.columns == key.columns && $0.referredTable == key.referredTable
                }
            }
        case .addCheck(let ref, let check):
            try modifyTable(ref) { table in table.checks.append(check) }
        case .dropCheck(let ref, let check):
            try modifyTable(ref) { table throws(ApplyError) in
                try Self.remove(check, from: &table.checks, what: "check constraint", table: ref) {
                    $0.expression == check.expression
                }
            }
        case .addExclusion(let ref, let exclusion):
            try modifyTable(ref) { table throws(ApplyError) in
                guard !table.exclusions.contains(where: { $0.name == exclusion.name }) else {
                    throw ApplyError("table \(ref) already has a constraint \(exclusion.name)")
                }
                table.exclusions.append(exclusion)
            }
        case .dropExclusion(let ref, let exclusion):
            try modifyTable(ref) { table throws(ApplyError) in
                guard let i = table.exclusions.firstIndex(where: { $0.name == exclusion.name }) else {
                    throw ApplyError("table \(ref) has no exclusion constraint \(exclusion.name)")
                }
                table.exclusions.remove(at: i)
            }
        case .setConstraintValidated(let ref, let constraint, let change, _):
            try modifyTable(ref) { table throws(ApplyError) in
                switch constraint {
                case .check(let c):
                    guard let i = table.checks.firstIndex(where: { $0.name == c.name }) else {
                        throw ApplyError("there is no check constraint \(c.name ?? "?") on \(ref)")
                    }
                    table.checks[i].notValid = !change.to
                case .foreignKey(let k):
                    guard let i = table.foreignKeys.firstIndex(where: { $0.name == k.name }) else {
                        throw ApplyError("there is no foreign key \(k.name ?? "?") on \(ref)")
                    }
                    table.foreignKeys[i].notValid = !change.to
                }
            }
        case .createSchema, .dropSchema:
            // A schema value keeps tables and types, not the namespaces that hold them.
            break
        case .createDomain(let d):
            guard !domains.contains(where: { $0.name == d.name && $0.schema == d.schema }) else {
                throw ApplyError("domain \(d.qualifiedName) already exists")
            }
            domains.append(d)
            domains.sort { ($0.schema ?? "", $0.name) < ($1.schema ?? "", $1.name) }
        case .dropDomain(let d):
            guard let i = domains.firstIndex(where: { $0.name == d.name && $0.schema == d.schema }) else {
                throw ApplyError("there is no domain \(d.qualifiedName)")
            }
            domains.remove(at: i)
        case .alterDomain(let change):
            guard let i = domains.firstIndex(where: { $0.name == change.from.name && $0.schema == change.from.schema })
            else { throw ApplyError("there is no domain \(change.from.qualifiedName)") }
            domains[i] = change.to
        case .createCompositeType(let c):
            guard !compositeTypes.contains(where: { $0.name == c.name && $0.schema == c.schema }) else {
                throw ApplyError("type \(c.qualifiedName) already exists")
            }
            compositeTypes.append(c)
            compositeTypes.sort { ($0.schema ?? "", $0.name) < ($1.schema ?? "", $1.name) }
        case .dropCompositeType(let c):
            guard let i = compositeTypes.firstIndex(where: { $0.name == c.name && $0.schema == c.schema }) else {
                throw ApplyError("there is no type \(c.qualifiedName)")
            }
            compositeTypes.remove(at: i)
        case .alterCompositeType(let change):
            guard
                let i = compositeTypes.firstIndex(where: {
                    $0.name == change.from.name && $0.schema == change.from.schema
                })
            else { throw ApplyError("there is no type \(change.from.qualifiedName)") }
            compositeTypes[i] = change.to
        case .createView(let v):
            guard !views.contains(where: { $0.name == v.name && $0.schema == v.schema }) else {
                throw ApplyError("view \(v.qualifiedName) already exists")
            }
            var plain = v
            plain.renamedFrom = nil
            views.append(plain)
            views.sort { ($0.schema ?? "", $0.name) < ($1.schema ?? "", $1.name) }
        case .dropView(let v):
            views.remove(at: try requireView(v))
        case .replaceView(let change):
            var plain = change.to
            plain.renamedFrom = nil
            views[try requireView(change.from)] = plain
        case .renameView(let v, let newName):
            views[try requireView(v)].name = newName
            views.sort { ($0.schema ?? "", $0.name) < ($1.schema ?? "", $1.name) }
        case .createFunction, .dropFunction, .replaceFunction, .renameFunction, .createTrigger, .dropTrigger,
            .replaceTrigger, .renameTrigger, .createPolicy, .dropPolicy, .replacePolicy, .renamePolicy:
            try applyRoutine(op)
        case .createSequence(let s):
            guard !sequences.contains(where: { $0.name == s.name && $0.schema == s.schema }) else {
                throw ApplyError("sequence \(s.qualifiedName) already exists")
            }
            sequences.append(s)
            sequences.sort { ($0.schema ?? "", $0.name) < ($1.schema ?? "", $1.name) }
        case .dropSequence(let s):
            guard let i = sequences.firstIndex(where: { $0.name == s.name && $0.schema == s.schema }) else {
                throw ApplyError("there is no sequence \(s.qualifiedName)")
            }
            sequences.remove(at: i)
        case .alterSequence(let s, let change):
            guard let i = sequences.firstIndex(where: { $0.name == s.name && $0.schema == s.schema }) else {
                throw ApplyError("there is no sequence \(s.qualifiedName)")
            }
            sequences[i].options = change.to
        case .createExtension(let e):
            // IF NOT EXISTS: an extension already there stays as it is.
            if !extensions.contains(where: { $0.name == e.name }) {
                extensions.append(e)
                extensions.sort { $0.name < $1.name }
            }
        case .dropExtension(let e):
            guard let i = extensions.firstIndex(where: { $0.name == e.name }) else {
                throw ApplyError("there is no extension \(e.name)")
            }
            extensions.remove(at: i)
        case .createEnum(let e):
            guard enumType(e.name, schema: e.schema) == nil else {
                throw ApplyError("enum \(e.qualifiedName) already exists")
            }
            enums.append(e)
        case .dropEnum(let e):
            guard let i = enums.firstIndex(where: { $0.name == e.name && $0.schema == e.schema }) else {
                throw ApplyError("there is no enum \(e.qualifiedName)")
            }
            enums.remove(at: i)
        case .alterEnum(let e, let values, _):
            guard let i = enums.firstIndex(where: { $0.name == e.name && $0.schema == e.schema }) else {
                throw ApplyError("there is no enum \(e.qualifiedName)")
            }
            enums[i].values = values.to
        case .setTableComment(let ref, let change):
            try modifyTable(ref) { table in table.comment = change.to }
        case .setTableUnlogged(let ref, let change):
            try modifyTable(ref) { table in table.unlogged = change.to }
        case .setRowLevelSecurity(let ref, let change):
            try modifyTable(ref) { table in table.rowLevelSecurity = change.to }
        case .setTableStorage(let ref, let change):
            try modifyTable(ref) { table in table.storage = change.to }
        case .execute, .bulkInsert, .bulkDelete:
            break
        }
        enums.sort { ($0.schema ?? "", $0.name) < ($1.schema ?? "", $1.name) }
    }

    /// Inserts `table` where the canonical (schema, name) order puts it.
    private mutating func insertSorted(_ table: Table) {
        let key = (table.schema ?? "", table.name)
        var low = 0
        var high = tables.count
        while low < high {
            let mid = (low + high) / 2
            if (tables[mid].schema ?? "", tables[mid].name) < key { low = mid + 1 } else { high = mid }
        }
        tables.insert(table, at: low)
    }

    private func tableIndex(_ ref: TableRef) -> Int? {
        tables.firstIndex { $0.name == ref.name && $0.schema == ref.schema }
    }

    private func requireView(_ view: View) throws(ApplyError) -> Int {
        guard let i = views.firstIndex(where: { $0.name == view.name && $0.schema == view.schema }) else {
            throw ApplyError("there is no view \(view.qualifiedName)")
        }
        return i
    }

    private func requireTable(_ ref: TableRef) throws(ApplyError) -> Int {
        guard let i = tableIndex(ref) else { throw ApplyError("there is no table \(ref)") }
        return i
    }

    private mutating func modifyTable(_ ref: TableRef, _ change: (inout Table) throws(ApplyError) -> Void)
        throws(ApplyError)
    {
        let i = try requireTable(ref)
        try change(&tables[i])
        tables[i].resort()
    }

    /// Removes the object with the same name, or (for unnamed ones) the first that `matches`.
    private static func remove<T: Equatable>(
        _ object: T, from list: inout [T], what: String, table: TableRef, matches: (T) -> Bool
    ) throws(ApplyError) where T: NamedConstraint {
        let i =
            object.constraintName.flatMap { name in list.firstIndex { $0.constraintName == name } }
            ?? list.firstIndex(where: matches)
        guard let i else { throw ApplyError("table \(table) has no \(what) \(object.constraintName ?? "like that")") }
        list.remove(at: i)
    }
}

/// Constraints that may carry a name.
protocol NamedConstraint { var constraintName: String? { get } }
extension Unique: NamedConstraint { var constraintName: String? { name } }
extension ForeignKey: NamedConstraint { var constraintName: String? { name } }
extension Check: NamedConstraint { var constraintName: String? { name } }

extension Table {
    /// Re-sorts constraints into the canonical order after a change.
    mutating func resort() {
        self = Table(
            name: name, schema: schema, columns: columns, primaryKey: primaryKey, uniques: uniques,
            foreignKeys: foreignKeys, checks: checks, indexes: indexes, comment: comment
        ).withTableOptions(of: self)
    }

    /// After a column rename, constraints and indexes name the new column.
    mutating func renameColumnReferences(from old: String, to new: String) {
        func swap(_ names: [String]) -> [String] { names.map { $0 == old ? new : $0 } }
        if var key = primaryKey {
            key.columns = swap(key.columns)
            primaryKey = key
        }
        uniques = uniques.map {
            var u = $0; u.columns = swap(u.columns); return u
        }
        foreignKeys = foreignKeys.map {
            var k = $0; k.columns = swap(k.columns); return k
        }
        indexes = indexes.map { index in
            var copy = index
            copy.elements = index.elements.map {
                if case .column(let c) = $0, c == old { return .column(new) } else { return $0 }
            }
            return copy
        }
    }
}
