/// The part of a multidb revision's function names that stands for a database:
/// `upgrade` + `Main` for the database `main`, `AuditLog` for `audit_log` or `audit-log`.
enum DatabaseFunctionName {
    /// The database name in upper camel case: its runs of letters and digits, each with its
    /// first letter capitalized; `Database` in front when that is empty or starts with a digit.
    static func suffix(for name: String) -> String {
        let joined = upperCamelCase(name)
        guard let first = joined.first, !first.isNumber else { return "Database" + joined }
        return joined
    }
}
