/// How one key of an index is ordered and compared: `DESC`, `NULLS FIRST` / `NULLS LAST`, an
/// operator class (`text_pattern_ops`, `gin_trgm_ops`), a collation. The defaults (ascending,
/// nulls where the order puts them, the type's default operator class and the column's
/// collation) are all `nil` / false, so an index without options has none to compare.
public struct IndexKeyOptions: Sendable, Hashable, Codable {
    public var descending: Bool
    /// `NULLS FIRST` (true) or `NULLS LAST` (false) when it differs from the order's default
    /// (last ascending, first descending); nil otherwise.
    public var nullsFirst: Bool?
    /// The operator class, when not the type's default (PostgreSQL).
    public var opclass: String?
    /// The collation, when not the column's.
    public var collation: String?

    public init(descending: Bool = false, nullsFirst: Bool? = nil, opclass: String? = nil, collation: String? = nil) {
        self.descending = descending
        // NULLS LAST ascending and NULLS FIRST descending are what the order does anyway.
        self.nullsFirst = nullsFirst == descending ? nil : nullsFirst
        self.opclass = opclass
        self.collation = collation
    }

    /// No option differs from the default.
    public var isDefault: Bool { !descending && nullsFirst == nil && opclass == nil && collation == nil }

    private enum CodingKeys: String, CodingKey { case descending, nullsFirst, opclass, collation }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            descending: try container.decodeIfPresent(Bool.self, forKey: .descending) ?? false,
            nullsFirst: try container.decodeIfPresent(Bool.self, forKey: .nullsFirst),
            opclass: try container.decodeIfPresent(String.self, forKey: .opclass),
            collation: try container.decodeIfPresent(String.self, forKey: .collation))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if descending { try container.encode(true, forKey: .descending) }
        try container.encodeIfPresent(nullsFirst, forKey: .nullsFirst)
        try container.encodeIfPresent(opclass, forKey: .opclass)
        try container.encodeIfPresent(collation, forKey: .collation)
    }
}
