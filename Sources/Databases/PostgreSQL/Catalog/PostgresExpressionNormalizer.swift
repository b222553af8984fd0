import ModelDSL

/// The rules that make an expression as a user writes it and as PostgreSQL's catalog respells
/// it compare equal.
enum PostgresExpressionNormalizer {
    /// The canonical text of `sql` (see `PostgresDialect.normalizeExpression`).
    static func normalize(_ sql: String) -> String {
        let tokens = PostgresExpressionLexer.tokens(sql)
        if let expression = try? PostgresExpressionParser.parse(tokens) { return expression.text }
        return fallback(tokens)
    }

    /// A cast as the normalizer keeps it: casts of literals are dropped (`(0)::numeric` -> `0`,
    /// `'closed'::account_status` -> `'closed'`, `'-1'::integer` -> `-1`), and so are casts to
    /// the string types PostgreSQL inserts around varchar columns (`(code)::text` -> `code`).
    static func simplifiedCast(_ operand: PostgresExpression, _ type: String) -> PostgresExpression {
        let parsed = ColumnType(parsing: type)
        if case .leaf(let token) = operand {
            switch token.kind {
            case .number: return operand
            case .string:
                if PostgresDialect.isNumeric(parsed), let number = numericContent(token.text) {
                    return .leaf(PostgresToken(kind: .number, text: number))
                }
                return operand
            case .word where token.text == "null": return operand
            default: break
            }
        }
        if isStringType(parsed) { return operand }
        return .cast(operand, type)
    }

    private static func isStringType(_ type: ColumnType) -> Bool {
        switch type {
        case .text, .varchar, .char: return true
        case .array(let element): return isStringType(element)
        default: return false
        }
    }

    /// `'-1'` -> `-1`; nil unless the literal holds a plain number.
    private static func numericContent(_ literal: String) -> String? {
        guard literal.count >= 2, literal.hasPrefix("'"), literal.hasSuffix("'") else { return nil }
        let inner = String(literal.dropFirst().dropLast())
        return PostgresDialect.numberDefault(inner) == nil ? nil : inner
    }

    /// Token text with literal casts dropped, outer parentheses stripped and canonical spacing,
    /// for expressions the parser does not understand.
    private static func fallback(_ tokens: [PostgresToken]) -> String {
        var kept: [PostgresToken] = []
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            if token.kind == .symbol, token.text == "::" {
                let count = kept.count
                let isLiteral = { (t: PostgresToken) in t.kind == .string || t.kind == .number }
                if let last = kept.last, isLiteral(last) {
                    index = skipTypeName(tokens, from: index + 1)
                    continue
                }
                if count >= 3, kept[count - 1].text == ")", isLiteral(kept[count - 2]), kept[count - 3].text == "(" {
                    kept = Array(kept[..<(count - 3)]) + [kept[count - 2]]
                    index = skipTypeName(tokens, from: index + 1)
                    continue
                }
            }
            kept.append(token)
            index += 1
        }
        while kept.first?.text == "(", kept.last?.text == ")", wrapsWhole(kept) {
            kept = Array(kept.dropFirst().dropLast())
        }
        let keywords: Set<String> = [
            "and", "or", "not", "when", "then", "else", "in", "case", "is", "select", "where", "from",
        ]
        var out = ""
        var previous: PostgresToken?
        for token in kept {
            if let previous {
                let noSpaceAfter = ["(", "::", ".", "["].contains(previous.text)
                let noSpaceBefore =
                    [")", ",", "::", ".", "]", "["].contains(token.text)
                    || (token.text == "(" && previous.kind == .word && !keywords.contains(previous.text))
                if !noSpaceAfter && !noSpaceBefore { out += " " }
            }
            out += token.text
            previous = token
        }
        return out
    }

    /// The index just past a type name that starts at `start`: words (`character varying`,
    /// `double precision`, `timestamp with time zone`, `schema.name`), a modifier list, `[]`.
    private static func skipTypeName(_ tokens: [PostgresToken], from start: Int) -> Int {
        var index = start
        guard index < tokens.count, tokens[index].kind == .word || tokens[index].kind == .quotedWord else {
            return index
        }
        index += 1
        let continuations: Set<String> = ["varying", "precision", "with", "without", "time", "zone"]
        func skipWords() {
            while index + 1 < tokens.count, tokens[index].text == ".", tokens[index + 1].kind != .symbol { index += 2 }
            while index < tokens.count, tokens[index].kind == .word, continuations.contains(tokens[index].text) {
                index += 1
            }
        }
        skipWords()
        if index < tokens.count, tokens[index].text == "(" {
            var probe = index + 1
            while probe < tokens.count, tokens[probe].kind == .number || tokens[probe].text == "," { probe += 1 }
            if probe < tokens.count, tokens[probe].text == ")" { index = probe + 1 }
            skipWords()
        }
        while index + 1 < tokens.count, tokens[index].text == "[", tokens[index + 1].text == "]" { index += 2 }
        return index
    }

    private static func wrapsWhole(_ tokens: [PostgresToken]) -> Bool {
        var depth = 0
        for (offset, token) in tokens.enumerated() where token.kind == .symbol {
            if token.text == "(" { depth += 1 }
            if token.text == ")" {
                depth -= 1
                if depth == 0 { return offset == tokens.count - 1 }
            }
        }
        return false
    }
}

extension PostgresDialect {
    /// A token-based normalizer for comparing SQL expressions (CHECK expressions, index
    /// expressions and predicates, `.sql` defaults): the text a user writes and the text
    /// PostgreSQL's catalog gives back normalize to the same string.
    ///
    /// It strips redundant parentheses (it parses operator precedence, so `(a OR b) AND c`
    /// keeps its own), drops casts of literals (`(0)::numeric` -> `0`, `'closed'::text` ->
    /// `'closed'`, `'-1'::integer` -> `-1`) and casts to text/varchar, collapses whitespace,
    /// lowercases keywords and unquoted identifiers (and unquotes `"name"` when the quotes are
    /// not needed) but keeps string literals as written, and spells `IN (...)`, `BETWEEN`,
    /// `LIKE` and `!=` as the catalog does (`= ANY (ARRAY[...])`, `>= AND <=`, `~~`, `<>`).
    ///
    ///     balance >= 0                      and  (balance >= (0)::numeric)       -> balance >= 0
    ///     status <> 'closed'                and  (status <> 'closed'::account_status)
    ///     amount >= 0 AND qty > 1           and  ((amount >= (0)::numeric) AND (qty > 1))
    public static func normalizeExpression(_ sql: String) -> String {
        PostgresExpressionNormalizer.normalize(sql)
    }

    /// A type name in `ColumnType`'s canonical spelling (`character varying(10)` ->
    /// `varchar(10)`); names it does not know are kept.
    static func canonicalTypeName(_ spelling: String) -> String {
        ColumnType(parsing: spelling).description
    }
}
