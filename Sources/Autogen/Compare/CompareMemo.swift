import ModelDSL

/// Results compare computes again and again for the same inputs (the same CHECK text or
/// default in a thousand tables): normalized expressions and default comparisons, kept for
/// one compare run. A class so that every table's comparison shares it.
final class CompareMemo {
    private let dialect: any SchemaDialect.Type
    private var expressions: [String: String] = [:]
    private var defaults: [DefaultKey: DefaultMatch] = [:]

    private struct DefaultKey: Hashable {
        var model: DefaultValue?
        var database: DefaultValue?
        var type: ColumnType
    }

    init(dialect: any SchemaDialect.Type) { self.dialect = dialect }

    /// `dialect.normalizeExpression(sql)`, computed once per distinct text.
    func normalize(_ sql: String) -> String {
        if let known = expressions[sql] { return known }
        let normalized = dialect.normalizeExpression(sql)
        expressions[sql] = normalized
        return normalized
    }

    /// `dialect.defaultsMatch(...)`, computed once per distinct triple.
    func defaultsMatch(model: DefaultValue?, database: DefaultValue?, type: ColumnType) -> DefaultMatch {
        if model == database { return .equal }
        let key = DefaultKey(model: model, database: database, type: type)
        if let known = defaults[key] { return known }
        let match = dialect.defaultsMatch(model: model, database: database, type: type)
        defaults[key] = match
        return match
    }
}
