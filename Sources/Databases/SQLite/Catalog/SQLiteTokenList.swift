/// Tokens of one SQL text with the helpers the schema parser needs: matching parentheses,
/// splitting at top-level commas, and slicing the source text a token range covers.
///
/// Every helper is bounds-checked, so malformed SQL yields short results, never a crash.
struct SQLiteTokenList {
    let tokens: [SQLiteToken]
    let source: [UInt8]

    init(_ sql: String) {
        var text = sql
        source = Array(sql.utf8)
        tokens = text.withUTF8 { SQLiteTokenizer.tokens(bytes: $0) }
    }

    var count: Int { tokens.count }

    subscript(_ index: Int) -> SQLiteToken? {
        index >= 0 && index < tokens.count ? tokens[index] : nil
    }

    /// Whether the token at `index` is the keyword `keyword` (upper case).
    func isKeyword(_ index: Int, _ keyword: String) -> Bool {
        self[index]?.isKeyword(keyword) ?? false
    }

    /// Whether the token at `index` is the symbol `symbol`.
    func isSymbol(_ index: Int, _ symbol: String) -> Bool {
        self[index]?.isSymbol(symbol) ?? false
    }

    /// The index of the `)` matching the `(` at `open`, or `limit` when it is not closed
    /// before `limit`.
    func matchingClose(_ open: Int, limit: Int) -> Int {
        var depth = 0
        var i = open
        while i < limit {
            let token = tokens[i]
            if token.kind == .symbol {
                if token.value == "(" {
                    depth += 1
                } else if token.value == ")" {
                    depth -= 1
                    if depth == 0 { return i }
                }
            }
            i += 1
        }
        return limit
    }

    /// The ranges of token indexes between `lower` and `upper` separated by commas outside
    /// parentheses; empty parts are dropped.
    func splitAtCommas(_ lower: Int, _ upper: Int) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        var depth = 0
        var start = lower
        var i = lower
        while i < upper {
            let token = tokens[i]
            if token.kind == .symbol {
                switch token.value {
                case "(": depth += 1
                case ")": depth -= 1
                case "," where depth == 0:
                    if start < i { parts.append(start..<i) }
                    start = i + 1
                default: break
                }
            }
            i += 1
        }
        if start < upper { parts.append(start..<upper) }
        return parts
    }

    /// The source text from the first to the last token of `range`, exactly as written
    /// (inner whitespace and comments kept); empty for an empty range.
    func text(_ range: Range<Int>) -> String {
        guard !range.isEmpty, range.lowerBound >= 0, range.upperBound <= tokens.count else { return "" }
        let from = tokens[range.lowerBound].start
        let to = max(from, tokens[range.upperBound - 1].end)
        return String(decoding: source[from..<min(to, source.count)], as: UTF8.self)
    }

    /// The first token of each comma-separated part between the parentheses at `open` when
    /// it names a column (`("org_id", email COLLATE NOCASE)` -> `["org_id", "email"]`); a part
    /// that starts otherwise contributes its whole text.
    func columnList(_ open: Int, close: Int) -> [String] {
        splitAtCommas(open + 1, close).map { part in
            let first = tokens[part.lowerBound]
            return first.isName && (part.count == 1 || !isSymbol(part.lowerBound + 1, "(")) ? first.value : text(part)
        }
    }
}
