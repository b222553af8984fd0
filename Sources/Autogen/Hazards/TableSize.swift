/// How big a table is, as the catalog says: PostgreSQL's estimate (`pg_class.reltuples`, nil
/// before the table was first analyzed) and `pg_total_relation_size`; SQLite's row count.
public struct TableSize: Sendable, Hashable {
    public var rows: Int64?
    public var bytes: Int64?

    public init(rows: Int64?, bytes: Int64? = nil) {
        self.rows = rows
        self.bytes = bytes
    }

    /// `about 12.4M rows, 3.1 GB`; `never analyzed, 3.1 GB` without a row estimate.
    public var description: String {
        var parts: [String] = []
        if let rows {
            parts.append("about \(Self.count(rows)) row\(rows == 1 ? "" : "s")")
        } else if bytes != nil {
            parts.append("rows not counted yet")
        }
        if let bytes { parts.append(Self.size(bytes)) }
        return parts.joined(separator: ", ")
    }

    /// `987`, `12,400`, `12.4M`, `3.2G`.
    static func count(_ n: Int64) -> String {
        if n >= 1_000_000_000 { return one(Double(n) / 1e9) + "G" }
        if n >= 1_000_000 { return one(Double(n) / 1e6) + "M" }
        let digits = String(n)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }

    /// `8 kB`, `1.5 MB`, `3.1 GB`.
    static func size(_ bytes: Int64) -> String {
        let b = Double(bytes)
        if b >= 1024 * 1024 * 1024 { return one(b / (1024 * 1024 * 1024)) + " GB" }
        if b >= 1024 * 1024 { return one(b / (1024 * 1024)) + " MB" }
        return "\(max(1, Int((b / 1024).rounded()))) kB"
    }

    private static func one(_ value: Double) -> String {
        let tenths = (value * 10).rounded() / 10
        return tenths == tenths.rounded() ? String(Int(tenths)) : String(tenths)
    }
}
