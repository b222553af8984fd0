/// The type of a column, in a dialect-neutral form.
///
/// Each dialect maps these to its own spelling when rendering DDL and back when reading its
/// catalog, so that `VARCHAR(50)`, `character varying(50)` and `.varchar(50)` all compare equal.
/// The `description` is the canonical spelling used in JSON and in diagnostics.
public enum ColumnType: Sendable, Hashable {
    case smallint
    case integer
    case bigint
    /// `numeric(precision, scale)`; both optional.
    case numeric(Int? = nil, Int? = nil)
    case real
    case double
    case boolean
    case text
    case varchar(Int? = nil)
    case char(Int? = nil)
    case date
    case time(withTimeZone: Bool = false)
    case timestamp(withTimeZone: Bool = false)
    case interval
    case json
    case jsonb
    case uuid
    /// Raw bytes: `bytea` on PostgreSQL, `BLOB` on SQLite.
    case binary
    /// A PostgreSQL enum type declared with `Enum(...)`; on SQLite a TEXT column with a CHECK.
    case enumeration(String, schema: String? = nil)
    /// A PostgreSQL array of the element type.
    indirect case array(ColumnType)
    /// Any other type, by the name the database knows it by (`citext`, `tsvector`).
    case raw(String)
}

extension ColumnType: CustomStringConvertible {
    /// The canonical spelling: `varchar(50)`, `numeric(10,2)`, `timestamp with time zone`,
    /// `enum(account_status)`, `integer[]`.
    public var description: String {
        switch self {
        case .smallint: return "smallint"
        case .integer: return "integer"
        case .bigint: return "bigint"
        case .numeric(let p, let s):
            switch (p, s) {
            case (let p?, let s?): return "numeric(\(p),\(s))"
            case (let p?, nil): return "numeric(\(p))"
            default: return "numeric"
            }
        case .real: return "real"
        case .double: return "double precision"
        case .boolean: return "boolean"
        case .text: return "text"
        case .varchar(let n): return n.map { "varchar(\($0))" } ?? "varchar"
        case .char(let n): return n.map { "char(\($0))" } ?? "char"
        case .date: return "date"
        case .time(let tz): return tz ? "time with time zone" : "time"
        case .timestamp(let tz): return tz ? "timestamp with time zone" : "timestamp"
        case .interval: return "interval"
        case .json: return "json"
        case .jsonb: return "jsonb"
        case .uuid: return "uuid"
        case .binary: return "binary"
        case .enumeration(let name, let schema):
            return "enum(" + (schema.map { "\($0)." } ?? "") + name + ")"
        case .array(let element): return element.description + "[]"
        case .raw(let name): return name
        }
    }
}

extension ColumnType {
    /// Parses a type name as written in DDL or in the canonical spelling, accepting the usual
    /// synonyms (`int4`, `character varying`, `timestamptz`, `bytea`, `BLOB`, `DECIMAL(10, 2)`).
    /// Names it does not know become `.raw` with the spelling trimmed but otherwise unchanged.
    public init(parsing spelling: String) {
        let trimmed = spelling.trimmingWhitespace()
        if trimmed.hasSuffix("[]") {
            self = .array(ColumnType(parsing: String(trimmed.dropLast(2))))
            return
        }
        let lower = trimmed.lowercased()
        if lower.hasPrefix("enum("), lower.hasSuffix(")") {
            let inner = String(trimmed.dropFirst(5).dropLast())
            if let dot = inner.lastIndex(of: ".") {
                self = .enumeration(String(inner[inner.index(after: dot)...]), schema: String(inner[..<dot]))
            } else {
                self = .enumeration(inner)
            }
            return
        }
        let (base, params, rest) = Self.split(lower)
        let words = base + (rest.isEmpty ? "" : " " + rest)
        switch (words, params.count) {
        case ("smallint", 0), ("int2", 0): self = .smallint
        case ("integer", 0), ("int", 0), ("int4", 0): self = .integer
        case ("bigint", 0), ("int8", 0): self = .bigint
        case ("numeric", 0...2), ("decimal", 0...2):
            self = .numeric(params.first, params.count > 1 ? params[1] : nil)
        case ("real", 0), ("float4", 0): self = .real
        case ("double precision", 0), ("double", 0), ("float8", 0), ("float", 0): self = .double
        case ("float", 1): self = params[0] <= 24 ? .real : .double
        case ("boolean", 0), ("bool", 0): self = .boolean
        case ("text", 0): self = .text
        case ("varchar", 0...1), ("character varying", 0...1): self = .varchar(params.first)
        case ("char", 0...1), ("character", 0...1), ("bpchar", 0...1): self = .char(params.first)
        case ("date", 0): self = .date
        case ("time", 0), ("time without time zone", 0): self = .time(withTimeZone: false)
        case ("time with time zone", 0), ("timetz", 0): self = .time(withTimeZone: true)
        case ("timestamp", 0), ("timestamp without time zone", 0): self = .timestamp(withTimeZone: false)
        case ("timestamp with time zone", 0), ("timestamptz", 0): self = .timestamp(withTimeZone: true)
        case ("interval", 0): self = .interval
        case ("json", 0): self = .json
        case ("jsonb", 0): self = .jsonb
        case ("uuid", 0): self = .uuid
        case ("binary", 0), ("bytea", 0), ("blob", 0): self = .binary
        default: self = .raw(trimmed)
        }
    }

    /// Splits `character varying(50)` into ("character varying", [50], "") and
    /// `timestamp(3) with time zone` into ("timestamp", [3], "with time zone"); whitespace is
    /// collapsed. Parameters that are not integers make the whole spelling unparsed (base only).
    private static func split(_ lower: String) -> (String, [Int], String) {
        guard let open = lower.firstIndex(of: "("), let close = lower.lastIndex(of: ")"), open < close else {
            return (lower.collapsingWhitespace(), [], "")
        }
        let base = String(lower[..<open]).collapsingWhitespace()
        let inside = lower[lower.index(after: open)..<close]
        var params: [Int] = []
        for part in inside.split(separator: ",", omittingEmptySubsequences: false) {
            guard let value = Int(String(part).trimmingWhitespace()) else {
                return (lower.collapsingWhitespace(), [], "")
            }
            params.append(value)
        }
        let rest = String(lower[lower.index(after: close)...]).collapsingWhitespace()
        return (base, params, rest)
    }
}

extension ColumnType: Codable {
    public init(from decoder: Decoder) throws {
        self.init(parsing: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension StringProtocol {
    /// The string without leading and trailing spaces, tabs and newlines.
    func trimmingWhitespace() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }

    /// The string trimmed, with every run of whitespace replaced by one space.
    func collapsingWhitespace() -> String {
        split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
