/// What a foreign key does when the referenced row is deleted or its key updated.
public enum ReferentialAction: String, Sendable, Hashable, Codable, CaseIterable {
    case noAction
    case restrict
    case cascade
    case setNull
    case setDefault

    /// The SQL spelling: `NO ACTION`, `RESTRICT`, `CASCADE`, `SET NULL`, `SET DEFAULT`.
    public var sql: String {
        switch self {
        case .noAction: return "NO ACTION"
        case .restrict: return "RESTRICT"
        case .cascade: return "CASCADE"
        case .setNull: return "SET NULL"
        case .setDefault: return "SET DEFAULT"
        }
    }

    /// Parses the SQL spelling, case-insensitively and with any spacing.
    public init?(sql: String) {
        switch sql.collapsingWhitespace().uppercased() {
        case "NO ACTION": self = .noAction
        case "RESTRICT": self = .restrict
        case "CASCADE": self = .cascade
        case "SET NULL": self = .setNull
        case "SET DEFAULT": self = .setDefault
        default: return nil
        }
    }
}
