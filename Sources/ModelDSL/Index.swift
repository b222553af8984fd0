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
public struct Index: Sendable, Hashable {
    public var name: String?
    public var elements: [IndexElement]
    public var unique: Bool
    /// The PostgreSQL access method (`gin`, `gist`, `hash`); `nil` is the default, btree.
    public var method: String?
    /// The partial-index predicate (`WHERE ...`), as SQL.
    public var predicate: String?
    /// Per-key order, operator class and collation: empty when every key has the defaults,
    /// else one entry per element (`key(_:descending:nullsFirst:opclass:collation:)`).
    public var keyOptions: [IndexKeyOptions] = []
    /// Columns stored in the index but not keys (PostgreSQL `INCLUDE`).
    public var include: [String] = []
    /// PostgreSQL 15's `NULLS NOT DISTINCT`: a unique index then holds at most one NULL.
    public var nullsNotDistinct = false
    /// Storage parameters (`WITH (fillfactor = 50)`), by name, values as the catalog spells them.
    public var storage: [String: String] = [:]
    /// Key names given to `key(...)` that are no key of the index, for `Schema.validate()`.
    public var unknownKeys: [String] = []

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

    /// The same index with options for the key `element` (a column name, or an expression
    /// as written in the index): `.key("created_at", descending: true, nullsFirst: false)`,
    /// `.key("email", opclass: "text_pattern_ops")`, `.key("name", collation: "C")`. A name
    /// that is no key of the index is a model error (`Schema.validate()`).
    public func key(
        _ element: String, descending: Bool = false, nullsFirst: Bool? = nil, opclass: String? = nil,
        collation: String? = nil
    ) -> Index {
        var copy = self
        let options = IndexKeyOptions(
            descending: descending, nullsFirst: nullsFirst, opclass: opclass, collation: collation)
        let position = elements.firstIndex {
            switch $0 {
            case .column(let name), .expression(let name): return name == element
            }
        }
        guard let position else {
            copy.unknownKeys.append(element)
            return copy
        }
        copy.setKeyOptions(options, at: position)
        return copy
    }

    /// Sets the options of the key at `position`, keeping `keyOptions` empty while all are default.
    public mutating func setKeyOptions(_ options: IndexKeyOptions, at position: Int) {
        if keyOptions.isEmpty {
            guard !options.isDefault else { return }
            keyOptions = Array(repeating: IndexKeyOptions(), count: elements.count)
        }
        keyOptions[position] = options
        if keyOptions.allSatisfy(\.isDefault) { keyOptions = [] }
    }

    /// The options of the key at `position` (all default when none were given).
    public func keyOptions(at position: Int) -> IndexKeyOptions {
        position < keyOptions.count ? keyOptions[position] : IndexKeyOptions()
    }

    /// The same index with `columns` stored in it as non-key columns (PostgreSQL `INCLUDE`).
    public func include(_ columns: String...) -> Index {
        var copy = self
        copy.include = columns
        return copy
    }

    /// The same index, `NULLS NOT DISTINCT` (PostgreSQL 15): NULLs compare equal in it.
    public func nullsNotDistinct(_ notDistinct: Bool = true) -> Index {
        var copy = self
        copy.nullsNotDistinct = notDistinct
        return copy
    }

    /// The same index with the storage parameter `parameter` (PostgreSQL `WITH (fillfactor = 50)`).
    public func with(_ parameter: String, _ value: String) -> Index {
        var copy = self
        // PostgreSQL keeps an unquoted value lower-cased (`fastupdate = OFF` reads back `off`).
        copy.storage[parameter.lowercased()] = value.lowercased()
        return copy
    }

    /// The names of the plain-column elements, in order.
    public var columnNames: [String] {
        elements.compactMap { if case .column(let c) = $0 { return c } else { return nil } }
    }
}

extension Index: Codable {
    private enum CodingKeys: String, CodingKey {
        case name, elements, unique, method, predicate, keyOptions, include, nullsNotDistinct, storage
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try container.decodeIfPresent(String.self, forKey: .name),
            elements: try container.decode([IndexElement].self, forKey: .elements),
            unique: try container.decode(Bool.self, forKey: .unique),
            method: try container.decodeIfPresent(String.self, forKey: .method),
            predicate: try container.decodeIfPresent(String.self, forKey: .predicate))
        keyOptions = try container.decodeIfPresent([IndexKeyOptions].self, forKey: .keyOptions) ?? []
        include = try container.decodeIfPresent([String].self, forKey: .include) ?? []
        nullsNotDistinct = try container.decodeIfPresent(Bool.self, forKey: .nullsNotDistinct) ?? false
        storage = try container.decodeIfPresent([String: String].self, forKey: .storage) ?? [:]
    }

    /// The options are written only when set, so an index without them prints as before.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(name, forKey: .name)
        try container.encode(elements, forKey: .elements)
        try container.encode(unique, forKey: .unique)
        try container.encodeIfPresent(method, forKey: .method)
        try container.encodeIfPresent(predicate, forKey: .predicate)
        if !keyOptions.isEmpty { try container.encode(keyOptions, forKey: .keyOptions) }
        if !include.isEmpty { try container.encode(include, forKey: .include) }
        if nullsNotDistinct { try container.encode(true, forKey: .nullsNotDistinct) }
        if !storage.isEmpty { try container.encode(storage, forKey: .storage) }
    }
}
