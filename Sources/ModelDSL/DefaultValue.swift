/// A column's server default: a literal, or a raw SQL expression such as `CURRENT_TIMESTAMP`.
///
/// Literals are written by the dialect (`'active'`, `0`, `TRUE`); `.sql` is written verbatim.
/// Catalog readers turn the simple literal spellings they find (`'x'::text`, `0`, `true`) back
/// into literals, and keep everything else as `.sql` exactly as the catalog spells it.
public enum DefaultValue: Sendable, Hashable {
    case string(String)
    case integer(Int64)
    /// A decimal literal, kept as its text so that `10.50` is not rounded.
    case decimal(String)
    case boolean(Bool)
    case sql(String)
}

extension DefaultValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .decimal(String(value)) }
    public init(booleanLiteral value: Bool) { self = .boolean(value) }
}

extension DefaultValue: Codable {
    private enum CodingKeys: String, CodingKey {
        case string, integer, decimal, boolean, sql
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let v = try container.decodeIfPresent(String.self, forKey: .string) {
            self = .string(v)
        } else if let v = try container.decodeIfPresent(Int64.self, forKey: .integer) {
            self = .integer(v)
        } else if let v = try container.decodeIfPresent(String.self, forKey: .decimal) {
            self = .decimal(v)
        } else if let v = try container.decodeIfPresent(Bool.self, forKey: .boolean) {
            self = .boolean(v)
        } else if let v = try container.decodeIfPresent(String.self, forKey: .sql) {
            self = .sql(v)
        } else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "a default needs one of string, integer, decimal, boolean, sql"))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .string(let v): try container.encode(v, forKey: .string)
        case .integer(let v): try container.encode(v, forKey: .integer)
        case .decimal(let v): try container.encode(v, forKey: .decimal)
        case .boolean(let v): try container.encode(v, forKey: .boolean)
        case .sql(let v): try container.encode(v, forKey: .sql)
        }
    }
}

extension DefaultValue: CustomStringConvertible {
    /// A readable form for messages: `'active'`, `0`, `true`, `CURRENT_TIMESTAMP`.
    public var description: String {
        switch self {
        case .string(let v): return "'" + v.replacingAll("'", with: "''") + "'"
        case .integer(let v): return String(v)
        case .decimal(let v): return v
        case .boolean(let v): return v ? "true" : "false"
        case .sql(let v): return v
        }
    }
}

extension String {
    /// Every occurrence of `target` replaced (Foundation-free).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        out.reserveCapacity(count)
        for ch in self {
            if ch == target { out += replacement } else { out.append(ch) }
        }
        return out
    }
}
