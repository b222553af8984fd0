/// One token of an SQL expression, as the PostgreSQL normalizer sees it.
struct PostgresToken: Equatable {
    enum Kind: Equatable {
        /// An unquoted identifier or keyword, lowercased; also a quoted one that needs no quotes.
        case word
        /// A quoted identifier that must stay quoted, with its quotes.
        case quotedWord
        /// A string literal with its quotes, exactly as written (`'closed'`, `E'a\n'`).
        case string
        case number
        /// An operator (`>=`, `||`, `::`) or punctuation (`(`, `)`, `,`, `[`, `]`, `.`, `;`).
        case symbol
    }

    var kind: Kind
    var text: String
}

/// Splits SQL expression text into tokens: lowercases words, unquotes identifiers that need no
/// quotes, keeps literals as written, drops whitespace and comments.
enum PostgresExpressionLexer {
    private static let operatorCharacters = Set("+-*/<>=~!@#%^&|`?")

    /// Reserved words the parser reads as keywords. A column so named keeps its quotes, or
    /// `"select" > 0` would read as the keyword and not parse; PostgreSQL takes these only
    /// quoted as names, and its catalog always quotes them (`("select" > 0)`).
    static let keywords: Set<String> = [
        "and", "or", "not", "in", "case", "when", "then", "else", "end", "select", "from", "where",
        "collate", "distinct", "array", "null", "true", "false", "cast", "current_timestamp",
    ]

    /// The tokens of `sql`.
    static func tokens(_ sql: String) -> [PostgresToken] {
        let chars = Array(sql)
        var tokens: [PostgresToken] = []
        var i = 0
        while i < chars.count {
            let ch = chars[i]
            if ch.isWhitespace {
                i += 1
            } else if ch == "-", i + 1 < chars.count, chars[i + 1] == "-" {
                while i < chars.count, !chars[i].isNewline { i += 1 }
            } else if ch == "'" || ((ch == "E" || ch == "e") && i + 1 < chars.count && chars[i + 1] == "'") {
                let start = i
                if ch != "'" { i += 1 }
                i += 1
                while i < chars.count {
                    if chars[i] == "'" {
                        if i + 1 < chars.count, chars[i + 1] == "'" { i += 2; continue }
                        i += 1
                        break
                    }
                    if ch != "'", chars[i] == "\\" { i += 1 }
                    i += 1
                }
                tokens.append(PostgresToken(kind: .string, text: String(chars[start..<min(i, chars.count)])))
            } else if ch == "\"" {
                var name = ""
                i += 1
                while i < chars.count {
                    if chars[i] == "\"" {
                        if i + 1 < chars.count, chars[i + 1] == "\"" { name.append("\""); i += 2; continue }
                        i += 1
                        break
                    }
                    name.append(chars[i])
                    i += 1
                }
                if isPlainLowercaseName(name), !keywords.contains(name) {
                    tokens.append(PostgresToken(kind: .word, text: name))
                } else {
                    tokens.append(PostgresToken(kind: .quotedWord, text: PostgresDialect.quoteIdentifier(name)))
                }
            } else if ch.isLetter || ch == "_" {
                let start = i
                while i < chars.count, chars[i].isLetter || chars[i].isNumber || chars[i] == "_" || chars[i] == "$" {
                    i += 1
                }
                tokens.append(PostgresToken(kind: .word, text: String(chars[start..<i]).lowercased()))
            } else if ch.isNumber || (ch == "." && i + 1 < chars.count && chars[i + 1].isNumber) {
                let start = i
                while i < chars.count, chars[i].isNumber || chars[i] == "." { i += 1 }
                if i < chars.count, chars[i] == "e" || chars[i] == "E" {
                    var j = i + 1
                    if j < chars.count, chars[j] == "+" || chars[j] == "-" { j += 1 }
                    if j < chars.count, chars[j].isNumber {
                        i = j
                        while i < chars.count, chars[i].isNumber { i += 1 }
                    }
                }
                tokens.append(PostgresToken(kind: .number, text: String(chars[start..<i]).lowercased()))
            } else if ch == ":", i + 1 < chars.count, chars[i + 1] == ":" {
                tokens.append(PostgresToken(kind: .symbol, text: "::"))
                i += 2
            } else if operatorCharacters.contains(ch) {
                let start = i
                while i < chars.count, operatorCharacters.contains(chars[i]) {
                    // `a>-1`: a trailing + or - starts the operand (PostgreSQL's rule).
                    if i > start, chars[i] == "-" || chars[i] == "+",
                        !chars[start..<i].contains(where: { "~!@#%^&|`?".contains($0) })
                    {
                        break
                    }
                    if chars[i] == "-", i + 1 < chars.count, chars[i + 1] == "-" { break }
                    i += 1
                }
                var text = String(chars[start..<i])
                if text == "!=" { text = "<>" }
                tokens.append(PostgresToken(kind: .symbol, text: text))
            } else {
                tokens.append(PostgresToken(kind: .symbol, text: String(ch)))
                i += 1
            }
        }
        return tokens
    }

    /// Whether `name` would mean the same without quotes (lowercase letters, digits, `_`).
    static func isPlainLowercaseName(_ name: String) -> Bool {
        guard let first = name.first, first == "_" || (first.isLetter && first.isLowercase) else { return false }
        return name.allSatisfy { ($0.isLetter && $0.isLowercase) || $0.isNumber || $0 == "_" || $0 == "$" }
            && name.allSatisfy(\.isASCII)
    }
}
