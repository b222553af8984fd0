/// A named CHECK constraint: `Check("ck_account_balance_nonneg", "balance >= 0")`.
///
/// The expression is SQL, kept as written; catalogs respell it (PostgreSQL writes
/// `(balance >= (0)::numeric)`), which compare normalizes before comparing.
public struct Check: Sendable, Hashable, Codable {
    public var name: String?
    public var expression: String

    public init(_ name: String, _ expression: String) {
        self.init(name: name, expression: expression)
    }

    public init(name: String?, expression: String) {
        self.name = name
        self.expression = expression
    }
}
