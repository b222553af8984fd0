/// How a schema names the constraints and indexes that the model does not name, so that every
/// one has a deterministic name and downgrades never depend on names a database invented.
///
/// Templates use `%(table)s`, `%(columns)s` (the column names joined by `_`), `%(column_0)s`
/// and `%(referred_table)s`. The default matches PostgreSQL's own names (`account_pkey`,
/// `account_email_key`, `account_org_id_fkey`), so hand-written DDL and the model agree.
/// Names longer than 63 bytes (PostgreSQL's limit) are shortened with a stable hash suffix.
public struct NamingConvention: Sendable, Hashable {
    public var primaryKey: String
    public var unique: String
    public var foreignKey: String
    public var index: String
    /// The CHECK that stands in for an enum type on databases without one (SQLite).
    public var enumCheck: String

    public static let maxIdentifierLength = 63

    public init(
        primaryKey: String = "%(table)s_pkey", unique: String = "%(table)s_%(columns)s_key",
        foreignKey: String = "%(table)s_%(columns)s_fkey", index: String = "ix_%(table)s_%(columns)s",
        enumCheck: String = "%(table)s_%(column_0)s_enum"
    ) {
        self.primaryKey = primaryKey
        self.unique = unique
        self.foreignKey = foreignKey
        self.index = index
        self.enumCheck = enumCheck
    }

    public static let `default` = NamingConvention()

    public func primaryKeyName(table: String, columns: [String]) -> String {
        Self.expand(primaryKey, table: table, columns: columns, referredTable: "")
    }

    public func uniqueName(table: String, columns: [String]) -> String {
        Self.expand(unique, table: table, columns: columns, referredTable: "")
    }

    public func foreignKeyName(table: String, columns: [String], referredTable: String) -> String {
        Self.expand(foreignKey, table: table, columns: columns, referredTable: referredTable)
    }

    public func indexName(table: String, elements: [IndexElement]) -> String {
        let parts = elements.map { element -> String in
            switch element {
            case .column(let name): return name
            case .expression(let sql): return Self.identifierWords(sql)
            }
        }
        return Self.expand(index, table: table, columns: parts, referredTable: "")
    }

    public func enumCheckName(table: String, column: String) -> String {
        Self.expand(enumCheck, table: table, columns: [column], referredTable: "")
    }

    static func expand(_ template: String, table: String, columns: [String], referredTable: String) -> String {
        var name = template
        for (token, value) in [
            ("%(table)s", table), ("%(columns)s", columns.joined(separator: "_")),
            ("%(column_0)s", columns.first ?? ""), ("%(referred_table)s", referredTable),
        ] {
            name = name.replacingOccurrences(of: token, with: value)
        }
        return shortened(name)
    }

    /// `name` if it fits in 63 bytes; otherwise a prefix and an 8-hex-digit FNV-1a hash of it.
    public static func shortened(_ name: String) -> String {
        guard name.utf8.count > maxIdentifierLength else { return name }
        var hash: UInt32 = 2_166_136_261
        for byte in name.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        let hex = String(hash, radix: 16)
        let suffix = "_" + String(repeating: "0", count: 8 - hex.count) + hex
        var prefix = ""
        for ch in name {
            if prefix.utf8.count + String(ch).utf8.count + suffix.utf8.count > maxIdentifierLength { break }
            prefix.append(ch)
        }
        return prefix + suffix
    }

    /// `lower(email)` -> `lower_email`: the identifier characters of an expression.
    static func identifierWords(_ sql: String) -> String {
        sql.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") }).joined(separator: "_")
    }
}

extension String {
    /// Every occurrence of `target` replaced with `replacement` (Foundation-free).
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = Substring(self)
        while let range = rest.range(of: target) {
            out += rest[..<range.lowerBound]
            out += replacement
            rest = rest[range.upperBound...]
        }
        out += rest
        return out
    }
}

extension Substring {
    /// The first range of `target` (Foundation-free).
    func range(of target: String) -> Range<Index>? {
        let needle = Array(target)
        guard let first = needle.first else { return nil }
        var i = startIndex
        while i < endIndex {
            if self[i] == first {
                var j = i
                var k = 0
                while k < needle.count, j < endIndex, self[j] == needle[k] {
                    j = index(after: j)
                    k += 1
                }
                if k == needle.count { return i..<j }
            }
            i = index(after: i)
        }
        return nil
    }
}
