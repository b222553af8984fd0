import ModelDSL

extension SQLiteDialect {
    /// The `DEFAULT` clause's value for `value`: strings quoted (`'active'`), numbers as
    /// written (`0`, `-1`, `10.50`), booleans `TRUE` / `FALSE`, and SQL verbatim when it is a
    /// single keyword or literal (`CURRENT_TIMESTAMP`), otherwise in the parentheses SQLite
    /// requires (`(datetime('now'))`).
    public static func defaultSQL(_ value: DefaultValue, for type: ColumnType) -> String {
        switch value {
        case .string(let text): return quoteLiteral(text)
        case .integer(let number): return String(number)
        case .decimal(let text): return text
        case .boolean(let flag): return flag ? "TRUE" : "FALSE"
        case .sql(let expression):
            let trimmed = expression.trimmedSQL()
            let list = SQLiteTokenList(trimmed)
            if isSingleLiteral(list) || isParenthesized(list) { return trimmed }
            return "(" + trimmed + ")"
        }
    }

    /// The `DefaultValue` for a default as `pragma_table_xinfo` spells it: `'x'` is
    /// `.string`, `0` / `-1` `.integer`, `1.5` `.decimal`, `TRUE` / `FALSE` `.boolean` (and so
    /// are `1` / `0` on a BOOLEAN column), `(expr)` is read without its parentheses (a literal
    /// inside them counts as that literal), and anything else is `.sql` as written, such as
    /// `CURRENT_TIMESTAMP`.
    public static func parseDefault(_ text: String, for type: ColumnType) -> DefaultValue {
        let trimmed = text.trimmedSQL()
        let list = SQLiteTokenList(trimmed)
        if isParenthesized(list) {
            return parseDefault(list.text(1..<(list.count - 1)), for: type)
        }
        var sign = ""
        var tokens = list.tokens[...]
        if tokens.count == 2, let first = tokens.first, first.isSymbol("-") || first.isSymbol("+") {
            sign = first.value == "-" ? "-" : ""
            tokens = tokens.dropFirst()
        }
        guard tokens.count == 1, let token = tokens.first else { return .sql(trimmed) }
        switch token.kind {
        case .string where sign.isEmpty && list.count == 1:
            return .string(token.value)
        case .number:
            if let number = Int64(sign + token.value) {
                if case .boolean = type, sign.isEmpty, number == 0 || number == 1 { return .boolean(number == 1) }
                return .integer(number)
            }
            if token.value.utf8.allSatisfy({
                ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 | 0x20 == 0x65 || $0 == 0x2B || $0 == 0x2D
            }) {
                return .decimal(sign + token.value)
            }
            return .sql(trimmed)
        case .word where sign.isEmpty && token.isKeyword("TRUE"):
            return .boolean(true)
        case .word where sign.isEmpty && token.isKeyword("FALSE"):
            return .boolean(false)
        default:
            return .sql(trimmed)
        }
    }

    /// Whether the tokens are one literal or keyword (`CURRENT_TIMESTAMP`, `NULL`, `'x'`,
    /// `12`, `x'00'`) or a signed number (`-1`).
    static func isSingleLiteral(_ list: SQLiteTokenList) -> Bool {
        switch list.count {
        case 1:
            guard let token = list[0] else { return false }
            return token.kind != .symbol && token.kind != .variable
        case 2:
            return (list.isSymbol(0, "-") || list.isSymbol(0, "+")) && list[1]?.kind == .number
        default:
            return false
        }
    }

    /// Whether the whole token list is one parenthesized group: `(a + b)` but not `(a) + (b)`.
    static func isParenthesized(_ list: SQLiteTokenList) -> Bool {
        list.count >= 2 && list.isSymbol(0, "(") && list.matchingClose(0, limit: list.count) == list.count - 1
    }
}
