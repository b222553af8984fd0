import ModelDSL

extension PostgresDialect {
    /// The SQL after `DEFAULT` for `value`: `'active'`, `0`, `-1`, `10.50`, `TRUE`, or the
    /// `.sql` text verbatim (`CURRENT_TIMESTAMP`).
    public static func defaultSQL(_ value: DefaultValue, for type: ColumnType) -> String {
        switch value {
        case .string(let text): return quoteLiteral(text)
        case .integer(let number): return String(number)
        case .decimal(let text): return text
        case .boolean(let flag): return flag ? "TRUE" : "FALSE"
        case .sql(let text): return text
        }
    }

    /// Turns the catalog's spelling of a default (`pg_get_expr(adbin, adrelid)`) back into a
    /// literal where it is a simple one:
    ///
    /// - `'active'::account_status`, `'x'::text`, `'y'::character varying`, `'2020-01-01'::date`
    ///   (a quoted literal cast to the column's own type, or to text/varchar/bpchar) -> `.string`
    /// - `0`, `(-1)`, `'-1'::integer`, `'9999999999'::bigint` -> `.integer`
    /// - `10.50`, `'-2.5'::numeric` -> `.decimal`
    /// - `true`, `false` -> `.boolean`
    ///
    /// Everything else stays `.sql` exactly as the catalog spells it (`CURRENT_TIMESTAMP`,
    /// `now()`, `gen_random_uuid()`, `(1 + 2)`).
    public static func parseDefault(_ catalogText: String, for type: ColumnType) -> DefaultValue {
        let text = stripOuterParentheses(catalogText.trimmingWhitespace())
        if text == "true" { return .boolean(true) }
        if text == "false" { return .boolean(false) }
        if let number = numberDefault(text) { return number }
        guard text.hasPrefix("'"), let (literal, castType) = splitQuotedCast(text) else {
            return .sql(catalogText)
        }
        let castParsed = ColumnType(parsing: castType)
        if isNumeric(castParsed) || (castType.isEmpty && isNumeric(type)), let number = numberDefault(literal) {
            return number
        }
        if castType.isEmpty || castMatches(castType, castParsed, type) { return .string(literal) }
        return .sql(catalogText)
    }

    /// `.integer` or `.decimal` for a plain number (`0`, `-1`, `10.50`), else nil.
    static func numberDefault(_ text: String) -> DefaultValue? {
        var body = Substring(text)
        if body.hasPrefix("-") { body = body.dropFirst() }
        guard !body.isEmpty, body.first != ".", body.last != "." else { return nil }
        var dots = 0
        for ch in body {
            if ch == "." { dots += 1 } else if !ch.isASCII || !ch.isNumber { return nil }
        }
        if dots == 0, let value = Int64(text) { return .integer(value) }
        return dots <= 1 ? .decimal(text) : nil
    }

    /// `'it''s'::text` -> ("it's", "text"); `'x'` -> ("x", ""). Nil unless the whole text is
    /// one quoted literal with an optional cast.
    static func splitQuotedCast(_ text: String) -> (String, String)? {
        var literal = ""
        var index = text.index(after: text.startIndex)
        while index < text.endIndex {
            let ch = text[index]
            index = text.index(after: index)
            if ch == "'" {
                if index < text.endIndex, text[index] == "'" {
                    literal.append("'")
                    index = text.index(after: index)
                } else {
                    let rest = text[index...]
                    if rest.isEmpty { return (literal, "") }
                    guard rest.hasPrefix("::") else { return nil }
                    let cast = String(rest.dropFirst(2))
                    guard !cast.isEmpty, !cast.contains("'"), !cast.contains("::") else { return nil }
                    return (literal, cast)
                }
            } else {
                literal.append(ch)
            }
        }
        return nil
    }

    /// Whether a cast in a catalog default names the column's own type (or a string type).
    private static func castMatches(_ castType: String, _ castParsed: ColumnType, _ type: ColumnType) -> Bool {
        switch castParsed {
        case .text, .varchar, .char: return true
        default: break
        }
        if case .enumeration(let name, _) = type {
            let last = castType.split(separator: ".").last.map(String.init) ?? castType
            return unquoted(last) == name
        }
        if case .array(.enumeration(let name, _)) = type {
            let last = castType.split(separator: ".").last.map(String.init) ?? castType
            return unquoted(last) == name + "[]" || unquoted(String(last.dropLast(2))) == name
        }
        return sameTypeFamily(castParsed, type)
    }

    /// Whether two types differ at most in their length or precision.
    private static func sameTypeFamily(_ a: ColumnType, _ b: ColumnType) -> Bool {
        switch (a, b) {
        case (.numeric, .numeric), (.varchar, .varchar), (.char, .char): return true
        case (.array(let x), .array(let y)): return sameTypeFamily(x, y)
        default: return a == b
        }
    }

    /// `"Weird"` -> `Weird`; `plain` -> `plain`.
    static func unquoted(_ name: String) -> String {
        guard name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") else { return name }
        var out = ""
        var previousQuote = false
        for ch in name.dropFirst().dropLast() {
            if ch == "\"", previousQuote {
                previousQuote = false
                continue
            }
            previousQuote = ch == "\""
            out.append(ch)
        }
        return out
    }

    /// `((x))` -> `x`; `(a) + (b)` is left alone. Quotes are respected.
    static func stripOuterParentheses(_ text: String) -> String {
        var current = Substring(text)
        while current.hasPrefix("("), current.hasSuffix(")"), wrapsWhole(current) {
            current = Substring(current.dropFirst().dropLast().trimmingWhitespace())
        }
        return String(current)
    }

    /// Whether the opening parenthesis at the start closes at the very end.
    private static func wrapsWhole(_ text: Substring) -> Bool {
        var depth = 0
        var quote: Character?
        var index = text.startIndex
        while index < text.endIndex {
            let ch = text[index]
            if let q = quote {
                if ch == q { quote = nil }
            } else if ch == "'" || ch == "\"" {
                quote = ch
            } else if ch == "(" {
                depth += 1
            } else if ch == ")" {
                depth -= 1
                if depth == 0 { return text.index(after: index) == text.endIndex }
            }
            index = text.index(after: index)
        }
        return false
    }
}
