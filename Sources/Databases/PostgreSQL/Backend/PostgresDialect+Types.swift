import Introspect
import ModelDSL

/// `ALTER DOMAIN` and `ALTER TYPE` for domains and composite types changed in place.
extension PostgresDialect {
    /// Default, NOT NULL and checks of a domain, one statement each (a check whose expression
    /// changes is dropped and added again). The base type and collation cannot change here.
    static func alterDomainSQL(_ change: Change<Domain>) throws(SQLRenderError) -> [String] {
        let (from, to) = (change.from, change.to)
        guard from.baseType == to.baseType, from.collation == to.collation else {
            throw SQLRenderError(
                "domain \(to.qualifiedName): PostgreSQL cannot change a domain's base type or collation in place")
        }
        let domain = "ALTER DOMAIN " + qualifiedName(to.name, schema: to.schema)
        var out: [String] = []
        if from.defaultValue != to.defaultValue {
            out.append(
                domain + (to.defaultValue.map { " SET DEFAULT " + defaultSQL($0, for: to.baseType) } ?? " DROP DEFAULT")
            )
        }
        if from.isNullable != to.isNullable {
            out.append(domain + (to.isNullable ? " DROP NOT NULL" : " SET NOT NULL"))
        }
        for check in from.checks where !to.checks.contains(check) {
            guard let name = check.name else { continue }
            out.append(domain + " DROP CONSTRAINT " + quoteIdentifier(name))
        }
        for check in to.checks where !from.checks.contains(check) { out.append(domain + " ADD " + checkSQL(check)) }
        return out
    }

    /// The attributes of a composite type added, dropped and retyped, in one `ALTER TYPE`.
    static func alterCompositeTypeSQL(_ change: Change<CompositeType>) -> [String] {
        let (from, to) = (change.from, change.to)
        var actions: [String] = []
        for attribute in from.attributes where !to.attributes.contains(where: { $0.name == attribute.name }) {
            actions.append("DROP ATTRIBUTE " + quoteIdentifier(attribute.name))
        }
        for attribute in to.attributes {
            guard let old = from.attributes.first(where: { $0.name == attribute.name }) else {
                actions.append("ADD ATTRIBUTE " + attributeSQL(attribute))
                continue
            }
            if old != attribute {
                actions.append(
                    "ALTER ATTRIBUTE " + quoteIdentifier(attribute.name) + " TYPE " + typeSQL(attribute.type)
                        + (attribute.collation.map { " COLLATE " + collationName($0) } ?? ""))
            }
        }
        guard !actions.isEmpty else { return [] }
        return ["ALTER TYPE " + qualifiedName(to.name, schema: to.schema) + " " + actions.joined(separator: ", ")]
    }
}
