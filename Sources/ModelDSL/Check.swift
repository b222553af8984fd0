/// A named CHECK constraint: `Check("ck_account_balance_nonneg", "balance >= 0")`.
///
/// The expression is SQL, kept as written; catalogs respell it (PostgreSQL writes
/// `(balance >= (0)::numeric)`), which compare normalizes before comparing.
public struct Check: Sendable, Hashable {
    public var name: String?
    public var expression: String
    /// `NOT VALID` (PostgreSQL): rows already there are not checked until it is validated.
    public var notValid = false

    public init(_ name: String, _ expression: String) {
        self.init(name: name, expression: expression)
    }

    public init(name: String?, expression: String) {
        self.name = name
        self.expression = expression
    }

    /// The same check, `NOT VALID` (PostgreSQL).
    public func notValid(_ notValid: Bool = true) -> Check {
        var copy = self
        copy.notValid = notValid
        return copy
    }
}

extension Check: Codable {
    private enum CodingKeys: String, CodingKey { case name, expression, notValid }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try c.decodeIfPresent(String.self, forKey: .name),
            expression: try c.decode(String.self, forKey: .expression))
        notValid = try c.decodeIfPresent(Bool.self, forKey: .notValid) ?? false
    }

    /// `notValid` is written only when set.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(name, forKey: .name)
        try c.encode(expression, forKey: .expression)
        if notValid { try c.encode(true, forKey: .notValid) }
    }
}
