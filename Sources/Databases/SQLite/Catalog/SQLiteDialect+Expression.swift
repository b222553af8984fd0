import ModelDSL

extension SQLiteDialect {
    /// A canonical spelling of an SQL expression, for comparing CHECK expressions, index
    /// expressions and partial-index predicates written by different hands.
    ///
    /// Works on tokens: redundant outer and doubled parentheses are stripped, whitespace and comments
    /// collapse to a canonical spacing, keywords and identifiers are lower-cased (SQLite's
    /// identifiers are case-insensitive, quoted or not) and lose quotes they do not need,
    /// string literals are kept exactly, `!=` becomes `<>` and `==` becomes `=`:
    /// `( "Status" IN ('a','b') )` -> `status in ('a', 'b')`,
    /// `LOWER( email )` -> `lower(email)`.
    public static func normalizeExpression(_ sql: String) -> String {
        let list = SQLiteTokenList(sql)
        var lower = 0
        var upper = list.count
        while upper - lower >= 2, list.isSymbol(lower, "("), list.matchingClose(lower, limit: upper) == upper - 1 {
            lower += 1
            upper -= 1
        }
        // `((x))` -> `(x)`: drop the inner of two parentheses that open and close together.
        var dropped = Set<Int>()
        for index in lower..<upper where list.isSymbol(index, "(") && list.isSymbol(index + 1, "(") {
            let outerClose = list.matchingClose(index, limit: upper)
            let innerClose = list.matchingClose(index + 1, limit: upper)
            if innerClose + 1 == outerClose, outerClose < upper {
                dropped.insert(index + 1)
                dropped.insert(innerClose)
            }
        }
        var out = ""
        var previous: SQLiteToken?
        for index in lower..<upper where !dropped.contains(index) {
            let token = list.tokens[index]
            let piece = canonicalText(token)
            if let previous, needsSpace(between: previous, and: token) { out += " " }
            out += piece
            previous = token
        }
        return out
    }

    /// `schema` with every CHECK expression, index expression and partial-index predicate in
    /// `normalizeExpression` form, so that a model and what a catalog read compare equal
    /// when they differ only in spelling.
    public static func normalizedForComparison(_ schema: Schema) -> Schema {
        schema.mappingExpressions(normalizeExpression)
    }

    /// The token as `normalizeExpression` writes it.
    static func canonicalText(_ token: SQLiteToken) -> String {
        switch token.kind {
        case .word: return token.value.lowercased()
        case .quotedIdentifier:
            let name = token.value.lowercased()
            return isPlainIdentifier(name) ? name : quoteIdentifier(name)
        case .string: return quoteLiteral(token.value)
        case .number, .variable: return token.value
        case .blob: return token.value.lowercased()
        case .symbol:
            switch token.value {
            case "!=": return "<>"
            case "==": return "="
            default: return token.value
            }
        }
    }

    /// Whether `name` can be written without quotes: `[a-z_][a-z0-9_]*`.
    static func isPlainIdentifier(_ name: String) -> Bool {
        guard let first = name.utf8.first, first == 0x5F || (first >= 0x61 && first <= 0x7A) else { return false }
        return name.utf8.allSatisfy { $0 == 0x5F || ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }
    }

    /// Words after which `(` opens an operand, not a function's arguments: `x IN (...)`.
    static let operatorWords: Set<String> = [
        "and", "or", "not", "in", "is", "like", "glob", "match", "regexp", "between", "case", "when", "then",
        "else", "exists", "as", "on", "select", "from", "where", "escape", "using", "all", "any", "some",
    ]

    /// The canonical spacing: none inside parentheses, before `,` and `)`, around `.` and
    /// `::`, nor between a function name and its `(`; one space elsewhere.
    static func needsSpace(between left: SQLiteToken, and right: SQLiteToken) -> Bool {
        if left.isSymbol("(") || left.isSymbol(".") || left.isSymbol("::") { return false }
        if right.isSymbol(")") || right.isSymbol(",") || right.isSymbol(".") || right.isSymbol("::") { return false }
        if right.isSymbol("(") {
            switch left.kind {
            case .word: return operatorWords.contains(left.value.lowercased())
            case .quotedIdentifier: return false
            default: return true
            }
        }
        return true
    }
}
