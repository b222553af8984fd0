/// A PostgreSQL domain: a base type with a default, NOT NULL and named CHECKs of its own,
/// `Domain("email", .text).check("email_check", "VALUE ~ '@'")`. Columns use it by name:
/// `Column("contact", .raw("email"))`.
///
/// Created after enum types and before composite types and tables, dropped after them.
public struct Domain: Sendable, Hashable, Codable {
    public var schema: String?
    public var name: String
    public var baseType: ColumnType
    public var isNullable: Bool
    public var defaultValue: DefaultValue?
    /// Named checks; `VALUE` is the value being checked.
    public var checks: [Check]
    public var collation: String?

    public init(
        _ name: String, _ baseType: ColumnType, schema: String? = nil, nullable: Bool = true,
        default defaultValue: DefaultValue? = nil, checks: [Check] = [], collation: String? = nil
    ) {
        self.schema = schema
        self.name = name
        self.baseType = baseType
        self.isNullable = nullable
        self.defaultValue = defaultValue
        self.checks = checks.sorted { ($0.name ?? "") < ($1.name ?? "") }
        self.collation = collation
    }

    /// `schema.name`, or `name` in the default schema.
    public var qualifiedName: String { schema.map { "\($0).\(name)" } ?? name }

    /// The same domain, NOT NULL.
    public func notNull() -> Domain {
        var copy = self
        copy.isNullable = false
        return copy
    }

    /// The same domain with a default.
    public func `default`(_ value: DefaultValue) -> Domain {
        var copy = self
        copy.defaultValue = value
        return copy
    }

    /// The same domain with the check `name`: `expression` in terms of `VALUE`.
    public func check(_ name: String, _ expression: String) -> Domain {
        var copy = self
        copy.checks.append(Check(name, expression))
        copy.checks.sort { ($0.name ?? "") < ($1.name ?? "") }
        return copy
    }

    /// The same domain with a collation.
    public func collation(_ name: String?) -> Domain {
        var copy = self
        copy.collation = name
        return copy
    }
}
