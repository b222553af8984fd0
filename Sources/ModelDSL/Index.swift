/// One key of an index: a column, or an SQL expression such as `lower(email)`.
public enum IndexElement: Sendable, Hashable {
    case column(String)
    case expression(String)
}

extension IndexElement: Codable {
    private enum CodingKeys: String, CodingKey { case column, expression }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let name = try container.decodeIfPresent(String.self, forKey: .column) {
            self = .column(name)
        } else {
            self = .expression(try container.decode(String.self, forKey: .expression))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .column(let name): try container.encode(name, forKey: .column)
        case .expression(let sql): try container.encode(sql, forKey: .expression)
        }
    }
}

/// An index: `Index("ix_account_org_status", "org_id", "status").where("status <> 'closed'")`,
/// `Index("ix_account_email_lower", expressions: ["lower(email)"], unique: true)`,
/// `Index(on: "name").using("gin")`.
public struct Index: Sendable, Hashable, Codable {
    public var name: String?
    public var elements: [IndexElement]
    public var unique: Bool
    /// The PostgreSQL access method (`gin`, `gist`, `hash`); `nil` is the default, btree.
    public var method: String?
    /// The partial-index predicate (`WHERE ...`), as SQL.
    public var predicate: String?

    public init(_ name: String, _ columns: String..., unique: Bool = false) {
        self.init(name: name, elements: columns.map(IndexElement.column), unique: unique)
    }

    public init(_ name: String, expressions: [String], unique: Bool = false) {
        self.init(name: name, elements: expressions.map(IndexElement.expression), unique: unique)
    }

    public init(on columns: String..., unique: Bool = false) {
        self.init(name: nil, elements: columns.map(IndexElement.column), unique: unique)
    }

    public init(
        name: String?, elements: [IndexElement], unique: Bool = false, method: String? = nil,
        predicate: String? = nil
    ) {
        self.name = name
        self.elements = elements
        self.unique = unique
        self.method = method
        self.predicate = predicate
    }

    /// The same index, partial: only rows where `predicate` holds are indexed.
    public func `where`(_ predicate: String) -> Index {
        var copy = self
        copy.predicate = predicate
        return copy
    }

    /// The same index, with a PostgreSQL access method such as `gin`.
    public func using(_ method: String) -> Index {
        var copy = self
        copy.method = method.lowercased() == "btree" ? nil : method
        return copy
    }

    /// The same index, unique.
    public func unique(_ isUnique: Bool = true) -> Index {
        var copy = self
        copy.unique = isUnique
        return copy
    }

    /// The names of the plain-column elements, in order.
    public var columnNames: [String] {
        elements.compactMap { if case .column(let c) = $0 { return c } else { return nil } }
    }
}
