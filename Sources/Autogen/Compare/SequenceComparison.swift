import ModelDSL

/// Compares standalone sequences by schema and name: created before the tables (whose
/// defaults may call `nextval` on them), altered in place, dropped after the tables without
/// CASCADE, so the database refuses while a default still uses one.
struct SequenceComparison {
    var before: [MigrationOp] = []
    var after: [MigrationOp] = []

    /// No sequences to compare (a dialect without them).
    init() {}

    init(model: Schema, database: Schema, options: CompareOptions) {
        func included(_ s: DatabaseSequence, reflected: Bool) -> Bool {
            options.includes(.sequence, schema: s.schema, name: s.name, reflected: reflected)
        }
        var existing: [String: DatabaseSequence] = [:]
        for s in database.sequences where included(s, reflected: true) { existing[s.qualifiedName] = s }
        var declared = Set<String>()
        for s in model.sequences where included(s, reflected: false) {
            declared.insert(s.qualifiedName)
            guard let found = existing[s.qualifiedName] else {
                before.append(.createSequence(s))
                continue
            }
            if found.options != s.options {
                before.append(.alterSequence(found, Change(from: found.options, to: s.options)))
            }
        }
        for s in database.sequences where existing[s.qualifiedName] != nil && !declared.contains(s.qualifiedName) {
            after.append(.dropSequence(s))
        }
    }
}
