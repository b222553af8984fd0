import ModelDSL

/// Indexes and constraints: `op.createIndex(Index("ix_a_b", "b"), on: "a")`,
/// `op.dropConstraint("a_b_key", on: "a", type: .unique)`.
extension Operations {
    /// `CREATE INDEX`; `concurrently: true` is PostgreSQL's `CREATE INDEX CONCURRENTLY`, run
    /// outside the transaction.
    public func createIndex(
        _ index: Index, on table: String, schema: String? = nil, concurrently: Bool = false
    ) throws(OperationsError) {
        record(.createIndex(TableRef(table, schema: schema), index, concurrently: concurrently))
    }

    /// `DROP INDEX` by name.
    public func dropIndex(
        _ name: String, on table: String, schema: String? = nil, concurrently: Bool = false
    ) throws(OperationsError) {
        let index =
            self.schema?.table(table, schema: schema)?.indexes.first { $0.name == name }
            ?? Index(name: name, elements: [])
        record(.dropIndex(TableRef(table, schema: schema), index, concurrently: concurrently))
    }

    /// Drops the unnamed index equal to `index` (SQLite rebuilds the table without it).
    public func dropIndex(matching index: Index, on table: String, schema: String? = nil) throws(OperationsError) {
        record(.dropIndex(TableRef(table, schema: schema), index))
    }

    /// `ALTER TABLE ... ADD PRIMARY KEY`.
    public func createPrimaryKey(_ key: PrimaryKey, on table: String, schema: String? = nil) throws(OperationsError) {
        record(.addPrimaryKey(TableRef(table, schema: schema), key))
    }

    /// `ALTER TABLE ... ADD CONSTRAINT ... UNIQUE`.
    public func createUniqueConstraint(_ unique: Unique, on table: String, schema: String? = nil)
        throws(OperationsError)
    {
        record(.addUnique(TableRef(table, schema: schema), unique))
    }

    /// `ALTER TABLE ... ADD CONSTRAINT ... FOREIGN KEY`.
    public func createForeignKey(_ key: ForeignKey, on table: String, schema: String? = nil) throws(OperationsError) {
        record(.addForeignKey(TableRef(table, schema: schema), key))
    }

    /// `ALTER TABLE ... ADD CONSTRAINT ... CHECK`.
    public func createCheckConstraint(_ check: Check, on table: String, schema: String? = nil) throws(OperationsError) {
        record(.addCheck(TableRef(table, schema: schema), check))
    }

    /// `ALTER TABLE ... ADD CONSTRAINT ... EXCLUDE` (PostgreSQL).
    public func createExclusionConstraint(_ exclusion: Exclusion, on table: String, schema: String? = nil)
        throws(OperationsError)
    {
        record(.addExclusion(TableRef(table, schema: schema), exclusion))
    }

    /// `ALTER TABLE ... DROP CONSTRAINT` of an exclusion constraint (PostgreSQL).
    public func dropExclusionConstraint(_ exclusion: Exclusion, on table: String, schema: String? = nil)
        throws(OperationsError)
    {
        record(.dropExclusion(TableRef(table, schema: schema), exclusion))
    }

    /// `ALTER TABLE ... VALIDATE CONSTRAINT` (PostgreSQL): the rows already there are checked;
    /// `separately: true` runs it outside the transaction, after what came before committed.
    public func validateConstraint(
        _ check: Check, on table: String, schema: String? = nil, separately: Bool = false
    ) throws(OperationsError) {
        record(
            .setConstraintValidated(
                TableRef(table, schema: schema), .check(check.notValid()), Change(from: false, to: true),
                separately: separately))
    }

    /// `ALTER TABLE ... VALIDATE CONSTRAINT` for a foreign key (PostgreSQL).
    public func validateConstraint(
        _ key: ForeignKey, on table: String, schema: String? = nil, separately: Bool = false
    ) throws(OperationsError) {
        record(
            .setConstraintValidated(
                TableRef(table, schema: schema), .foreignKey(key.notValid()), Change(from: false, to: true),
                separately: separately))
    }

    /// Makes a check NOT VALID again (dropped and added NOT VALID): undoes `validateConstraint`.
    public func invalidateConstraint(_ check: Check, on table: String, schema: String? = nil) throws(OperationsError) {
        record(
            .setConstraintValidated(
                TableRef(table, schema: schema), .check(check.notValid(false)), Change(from: true, to: false)))
    }

    /// Makes a foreign key NOT VALID again: undoes `validateConstraint`.
    public func invalidateConstraint(_ key: ForeignKey, on table: String, schema: String? = nil) throws(OperationsError)
    {
        record(
            .setConstraintValidated(
                TableRef(table, schema: schema), .foreignKey(key.notValid(false)), Change(from: true, to: false)))
    }

    /// `ALTER TABLE ... DROP CONSTRAINT name`.
    public func dropConstraint(
        _ name: String, on table: String, type: ConstraintType, schema: String? = nil
    ) throws(OperationsError) {
        let ref = TableRef(table, schema: schema)
        let known = self.schema?.table(table, schema: schema)
        switch type {
        case .primaryKey:
            var key = known?.primaryKey ?? PrimaryKey(columns: [])
            key.name = name
            record(.dropPrimaryKey(ref, key))
        case .unique:
            record(.dropUnique(ref, known?.uniques.first { $0.name == name } ?? Unique(name: name, columns: [])))
        case .foreignKey:
            let key = known?.foreignKeys.first { $0.name == name } ?? ForeignKey([], references: "", [], name: name)
            record(.dropForeignKey(ref, key))
        case .check:
            record(.dropCheck(ref, known?.checks.first { $0.name == name } ?? Check(name: name, expression: "")))
        }
    }

    /// Drops the (unnamed) primary key.
    public func dropConstraint(matching key: PrimaryKey, on table: String, schema: String? = nil)
        throws(OperationsError)
    {
        record(.dropPrimaryKey(TableRef(table, schema: schema), key))
    }

    /// Drops the unique constraint equal to `unique`.
    public func dropConstraint(matching unique: Unique, on table: String, schema: String? = nil) throws(OperationsError)
    {
        record(.dropUnique(TableRef(table, schema: schema), unique))
    }

    /// Drops the foreign key equal to `key`.
    public func dropConstraint(matching key: ForeignKey, on table: String, schema: String? = nil)
        throws(OperationsError)
    {
        record(.dropForeignKey(TableRef(table, schema: schema), key))
    }

    /// Drops the check constraint equal to `check`.
    public func dropConstraint(matching check: Check, on table: String, schema: String? = nil) throws(OperationsError) {
        record(.dropCheck(TableRef(table, schema: schema), check))
    }
}
