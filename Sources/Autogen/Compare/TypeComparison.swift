import ModelDSL

/// Compares PostgreSQL domains and composite types by schema and name: created before the
/// tables that use them (domains first, as a composite may use one), altered in place
/// (`ALTER DOMAIN` default, NOT NULL and checks; `ALTER TYPE` attributes), dropped after the
/// tables without CASCADE, so the database refuses while a column still uses one. A domain's
/// base type or collation cannot be altered: that is reported and left alone.
struct TypeComparison {
    var before: [MigrationOp] = []
    var after: [MigrationOp] = []
    var diagnostics: [Diagnostic] = []

    /// No types to compare (a dialect without them).
    init() {}

    /// `model` is the model's stored form (types and defaults as the catalog spells them).
    init(model: Schema, database: Schema, options: CompareOptions, memo: CompareMemo) {
        let normalize = { (text: String) in memo.normalize(text) }
        func included(_ kind: ObjectRef.Kind, _ schema: String?, _ name: String, reflected: Bool) -> Bool {
            options.includes(kind, schema: schema, name: name, reflected: reflected)
        }
        // Domains.
        var domains: [String: Domain] = [:]
        for d in database.domains where included(.domain, d.schema, d.name, reflected: true) {
            domains[d.qualifiedName] = d
        }
        var declaredDomains = Set<String>()
        for d in model.domains where included(.domain, d.schema, d.name, reflected: false) {
            declaredDomains.insert(d.qualifiedName)
            guard let found = domains[d.qualifiedName] else {
                before.append(.createDomain(d))
                continue
            }
            if found.baseType != d.baseType || found.collation != d.collation {
                diagnostics.append(
                    Diagnostic(
                        .domainChange, .warning,
                        "domain \(d.qualifiedName): its base type or collation changes (\(found.baseType) to \(d.baseType)); PostgreSQL cannot alter that in place: recreate it in a revision by hand"
                    ))
                continue
            }
            func sameChecks(_ a: [Check], _ b: [Check]) -> Bool {
                a.map { "\($0.name ?? "") \(normalize($0.expression))" }
                    == b.map { "\($0.name ?? "") \(normalize($0.expression))" }
            }
            let defaultsDiffer: Bool
            switch memo.defaultsMatch(model: d.defaultValue, database: found.defaultValue, type: d.baseType) {
            case .equal: defaultsDiffer = false
            default: defaultsDiffer = true
            }
            if found.isNullable != d.isNullable || defaultsDiffer || !sameChecks(found.checks, d.checks) {
                var target = d
                // Checks equal in spirit keep the database's spelling, so no op touches them.
                target.checks = d.checks.map { check in
                    found.checks.first {
                        $0.name == check.name && normalize($0.expression) == normalize(check.expression)
                    }
                        ?? check
                }
                before.append(.alterDomain(Change(from: found, to: target)))
            }
        }
        // Composite types.
        var composites: [String: CompositeType] = [:]
        for c in database.compositeTypes where included(.compositeType, c.schema, c.name, reflected: true) {
            composites[c.qualifiedName] = c
        }
        var declaredComposites = Set<String>()
        for c in model.compositeTypes where included(.compositeType, c.schema, c.name, reflected: false) {
            declaredComposites.insert(c.qualifiedName)
            guard let found = composites[c.qualifiedName] else {
                before.append(.createCompositeType(c))
                continue
            }
            // By name: ADD ATTRIBUTE appends, so an order the catalog cannot take is no change.
            let byName = Dictionary(found.attributes.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
            if found.attributes.count != c.attributes.count || c.attributes.contains(where: { byName[$0.name] != $0 }) {
                before.append(.alterCompositeType(Change(from: found, to: c)))
                // DROP ATTRIBUTE takes that field's values out of every column of the type.
                let kept = Set(c.attributes.map(\.name))
                for gone in found.attributes where !kept.contains(gone.name) {
                    diagnostics.append(
                        Diagnostic(
                            .dropsData, .warning,
                            "dropping attribute \(gone.name) of composite type \(c.qualifiedName) loses its values in the columns of that type"
                        ))
                }
            }
        }
        for c in database.compositeTypes
        where composites[c.qualifiedName] != nil && !declaredComposites.contains(c.qualifiedName) {
            after.append(.dropCompositeType(c))
        }
        for d in database.domains where domains[d.qualifiedName] != nil && !declaredDomains.contains(d.qualifiedName) {
            after.append(.dropDomain(d))
        }
    }
}
