import Introspect
import ModelDSL

/// How PostgreSQL converts a column's values on `ALTER COLUMN ... TYPE`.
///
/// Without `USING`, PostgreSQL converts with the assignment cast (`pg_cast.castcontext` `a` or
/// `i`, or the I/O conversion into a string type), and a value that does not fit raises an
/// error: `22001 value too long for type character varying(5)`. An explicit cast in `USING
/// col::varchar(5)` cuts it instead, silently. So a migration writes `USING` only where no
/// assignment cast exists (text to integer, boolean to integer, into an enum), and there the
/// explicit cast parses or fails rather than cuts.
extension PostgresDialect {
    /// Whether the server converts `from` to `to` by assignment, so that `ALTER COLUMN ... TYPE`
    /// needs no `USING` (checked against the server's own casts by a test).
    public static func convertsByAssignment(from: ColumnType, to: ColumnType) -> Bool {
        if typesMatch(model: from, database: to) { return true }
        if case .raw(let a) = from, case .raw(let b) = to, bitFamily(a), bitFamily(b) { return true }
        // timestamp(3) converts as timestamp does.
        if case .raw(let name) = from, case let base = ColumnType(parsing: baseName(name)), base != from {
            return convertsByAssignment(from: base, to: to)
        }
        if case .raw(let name) = to, case let base = ColumnType(parsing: baseName(name)), base != to {
            return convertsByAssignment(from: from, to: base)
        }
        switch (from, to) {
        case (.array(let a), .array(let b)): return convertsByAssignment(from: a, to: b)
        case (.array, _), (_, .array): return isString(to)
        default: break
        }
        if case .raw(let a) = from, case .raw(let b) = to, baseName(a) == baseName(b) {
            return true  // bit(8) to bit(4), timestamp(6) to timestamp(3): the type's own length coercion
        }
        if isString(to) { return true }  // the I/O conversion into a string type
        if isString(from) { return isString(to) }
        if isNumber(from), isNumber(to) { return true }
        switch (from, to) {
        case (.date, .timestamp), (.timestamp, .date), (.timestamp, .timestamp), (.timestamp, .time(false)),
            (.timestamp(true), .time(true)), (.time, .time), (.time(false), .interval), (.interval, .time(false)),
            (.json, .jsonb), (.jsonb, .json):
            return true
        default:
            return false
        }
    }

    /// What an in-place type change does to values that fit the new type only approximately:
    /// the conversions PostgreSQL makes without an error. nil when values are kept or refused.
    public static func typeChangeLoss(from: ColumnType, to: ColumnType) -> String? {
        switch (from, to) {
        case (.numeric(_, let s1), .numeric(_, let s2?)) where (s1 ?? Int.max) > s2:
            return "rounds existing values to \(s2) decimal place\(s2 == 1 ? "" : "s")"
        case (.numeric, .smallint), (.numeric, .integer), (.numeric, .bigint), (.real, .smallint), (.real, .integer),
            (.real, .bigint), (.double, .smallint), (.double, .integer), (.double, .bigint):
            return "rounds existing values to whole numbers"
        case (.double, .real), (.numeric, .real), (.numeric, .double), (.bigint, .real), (.bigint, .double),
            (.integer, .real):
            return "may round existing values to the nearest floating-point number"
        case (.timestamp, .date): return "drops the time of day from existing values"
        case (.timestamp, .time): return "drops the date from existing values"
        case (.timestamp(true), .timestamp(false)), (.time(true), .time(false)):
            return "drops the time zone, keeping the time in the session's zone"
        case (.raw(let a), .raw(let b)) where sameBaseWithSmallerPrecision(a, b):
            return "rounds existing values to the new precision"
        default:
            return nil
        }
    }

    static func isString(_ type: ColumnType) -> Bool {
        switch type {
        case .text, .varchar, .char: return true
        case .raw(let name): return ["citext", "name"].contains(name.lowercased())
        default: return false
        }
    }

    static func isNumber(_ type: ColumnType) -> Bool {
        switch type {
        case .smallint, .integer, .bigint, .numeric, .real, .double: return true
        default: return false
        }
    }

    /// `bit(n)` and `bit varying(n)`, which convert into each other by assignment.
    static func bitFamily(_ name: String) -> Bool { ["bit", "bit varying", "varbit"].contains(baseName(name)) }

    /// `bit varying(8)` is `bit varying`; `timestamp(3) with time zone` is `timestamp with time zone`.
    static func baseName(_ type: String) -> String {
        let lower = type.lowercased()
        guard let (open, close) = parentheses(lower) else { return lower }
        return (String(lower[..<open]) + String(lower[lower.index(after: close)...]))
            .split(separator: " ").joined(separator: " ")
    }

    /// The number in the type's parentheses: 3 for `timestamp(3) with time zone`.
    static func modifier(_ type: String) -> Int? {
        guard let (open, close) = parentheses(type) else { return nil }
        return Int(type[type.index(after: open)..<close])
    }

    private static func parentheses(_ text: String) -> (String.Index, String.Index)? {
        guard let open = text.firstIndex(of: "("), let close = text.firstIndex(of: ")"), open < close else {
            return nil
        }
        return (open, close)
    }

    /// `timestamp(6)` against `timestamp(3)`, `time(3) with time zone` against `time(0) ...`.
    static func sameBaseWithSmallerPrecision(_ from: String, _ to: String) -> Bool {
        func split(_ text: String) -> (String, Int?) { (baseName(text), modifier(text)) }
        let (a, p) = split(from)
        let (b, q) = split(to)
        guard a == b, a.hasPrefix("time") || a.hasPrefix("interval"), let q else { return false }
        return (p ?? 6) > q
    }
}
