import ModelDSL

extension MigrationOp {
    /// The op that undoes this one, or `nil` when it cannot be undone (raw SQL without a
    /// reverse). A rename reverses to a rename; a drop reverses to a create of what it dropped.
    public var reversed: MigrationOp? {
        switch self {
        case .createTable(let t): return .dropTable(t)
        case .dropTable(let t): return .createTable(t)
        case .renameTable(let t, let newName):
            return .renameTable(TableRef(newName, schema: t.schema), to: t.name)
        case .addColumn(let t, let c): return .dropColumn(t, c)
        case .dropColumn(let t, let c): return .addColumn(t, c)
        case .alterColumn(let a): return .alterColumn(a.reversed)
        case .createIndex(let t, let i, let c): return .dropIndex(t, i, concurrently: c)
        case .dropIndex(let t, let i, let c): return .createIndex(t, i, concurrently: c)
        case .addPrimaryKey(let t, let k): return .dropPrimaryKey(t, k)
        case .dropPrimaryKey(let t, let k): return .addPrimaryKey(t, k)
        case .addUnique(let t, let u): return .dropUnique(t, u)
        case .dropUnique(let t, let u): return .addUnique(t, u)
        case .addForeignKey(let t, let k): return .dropForeignKey(t, k)
        case .dropForeignKey(let t, let k): return .addForeignKey(t, k)
        case .addCheck(let t, let c): return .dropCheck(t, c)
        case .dropCheck(let t, let c): return .addCheck(t, c)
        case .addExclusion(let t, let e): return .dropExclusion(t, e)
        case .dropExclusion(let t, let e): return .addExclusion(t, e)
        case .setConstraintValidated(let t, let c, let change, let separately):
            return .setConstraintValidated(t, c.notValid(!change.to), change.reversed, separately: separately)
        case .createSchema(let name): return .dropSchema(name)
        case .dropSchema(let name): return .createSchema(name)
        case .createExtension(let e): return .dropExtension(e)
        case .dropExtension(let e): return .createExtension(e)
        case .createDomain(let d): return .dropDomain(d)
        case .dropDomain(let d): return .createDomain(d)
        case .alterDomain(let change): return .alterDomain(change.reversed)
        case .createCompositeType(let c): return .dropCompositeType(c)
        case .dropCompositeType(let c): return .createCompositeType(c)
        case .alterCompositeType(let change): return .alterCompositeType(change.reversed)
        case .createSequence(let s): return .dropSequence(s)
        case .dropSequence(let s): return .createSequence(s)
        case .alterSequence(let s, let change):
            var after = s
            after.options = change.to
            return .alterSequence(after, change.reversed)
        case .createView(let v): return .dropView(v)
        case .dropView(let v): return .createView(v)
        case .replaceView(let change): return .replaceView(change.reversed)
        case .renameView(let v, let newName):
            var renamed = v
            renamed.name = newName
            return .renameView(renamed, to: v.name)
        case .createFunction(let f): return .dropFunction(f)
        case .dropFunction(let f): return .createFunction(f)
        case .replaceFunction(let change): return .replaceFunction(change.reversed)
        case .renameFunction(let f, let newName):
            var renamed = f
            renamed.name = newName
            renamed.renamedFrom = nil
            return .renameFunction(renamed, to: f.name)
        case .createTrigger(let t): return .dropTrigger(t)
        case .dropTrigger(let t): return .createTrigger(t)
        case .replaceTrigger(let change): return .replaceTrigger(change.reversed)
        case .renameTrigger(let t, let newName):
            var renamed = t
            renamed.name = newName
            renamed.renamedFrom = nil
            return .renameTrigger(renamed, to: t.name)
        case .createPolicy(let p): return .dropPolicy(p)
        case .dropPolicy(let p): return .createPolicy(p)
        case .replacePolicy(let change): return .replacePolicy(change.reversed)
        case .renamePolicy(let p, let newName):
            var renamed = p
            renamed.name = newName
            renamed.renamedFrom = nil
            return .renamePolicy(renamed, to: p.name)
        case .createEnum(let e): return .dropEnum(e)
        case .dropEnum(let e): return .createEnum(e)
        case .alterEnum(let e, let values, let uses):
            var after = e
            after.values = values.to
            return .alterEnum(after, values: values.reversed, usedBy: uses)
        case .setTableComment(let t, let change): return .setTableComment(t, change.reversed)
        case .setTableUnlogged(let t, let change): return .setTableUnlogged(t, change.reversed)
        case .setRowLevelSecurity(let t, let change): return .setRowLevelSecurity(t, change.reversed)
        case .setTableStorage(let t, let change): return .setTableStorage(t, change.reversed)
        case .execute(let sql, let reverse): return reverse.map { .execute(sql: $0, reverse: sql) }
        case .bulkInsert(let t, let columns, let rows): return .bulkDelete(t, columns: columns, rows: rows)
        case .bulkDelete(let t, let columns, let rows): return .bulkInsert(t, columns: columns, rows: rows)
        }
    }
}

extension Array where Element == MigrationOp {
    /// The ops that undo these: each op reversed, in reverse order; `nil` if one cannot be.
    public var undoingOps: [MigrationOp]? {
        var out: [MigrationOp] = []
        out.reserveCapacity(count)
        for op in self.reversed() {
            guard let r = op.reversed else { return nil }
            out.append(r)
        }
        return out
    }
}
