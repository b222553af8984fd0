/// The part of a multidb revision's function names that stands for a database:
/// `upgrade` + `Main` for the database `main`, `AuditLog` for `audit_log` or `audit-log`.
enum DatabaseFunctionName {
    /// The database name in upper camel case: its runs of letters and digits, each with its
    /// first letter capitalized; `Database` in front when that is empty or starts with a digit.
    static func suffix(for name: String) -> String {
        let words = name.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        let joined = words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        guard let first = joined.first, !first.isNumber else { return "Database" + joined }
        return joined
    }
}
