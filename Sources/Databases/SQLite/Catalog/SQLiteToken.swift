/// One lexical token of SQLite SQL, with its byte range in the source text.
///
/// Produced by `SQLiteTokenizer`; the parser slices the source by these ranges to keep
/// CHECK expressions, index expressions and predicates exactly as they were written.
public struct SQLiteToken: Sendable, Hashable {
    /// What kind of token this is.
    public enum Kind: Sendable, Hashable {
        /// An unquoted word: a keyword or an identifier (`CREATE`, `email`).
        case word
        /// A quoted identifier: `"x"`, `` `x` `` or `[x]`; `value` holds it unquoted.
        case quotedIdentifier
        /// A string literal `'it''s'`; `value` holds it unescaped.
        case string
        /// A numeric literal: `12`, `1.5`, `1e10`, `0x1F`.
        case number
        /// A blob literal `x'00ff'`.
        case blob
        /// A bound-parameter placeholder: `?`, `?1`, `:name`, `@name`, `$name`.
        case variable
        /// An operator or punctuation: `(`, `)`, `,`, `;`, `.`, `<>`, `||`, `>=`.
        case symbol
    }

    public var kind: Kind
    /// The token's text as used by the grammar: the identifier or string unquoted, the word,
    /// number or symbol as written.
    public var value: String
    /// The byte offset of the token's first byte in the UTF-8 source.
    public var start: Int
    /// The byte offset just past the token's last byte.
    public var end: Int

    public init(kind: Kind, value: String, start: Int, end: Int) {
        self.kind = kind
        self.value = value
        self.start = start
        self.end = end
    }

    /// Whether this is the unquoted word `keyword` (given in upper case), compared
    /// case-insensitively (ASCII).
    public func isKeyword(_ keyword: String) -> Bool {
        guard kind == .word, value.utf8.count == keyword.utf8.count else { return false }
        for (a, b) in zip(value.utf8, keyword.utf8) {
            let upper = (a >= 0x61 && a <= 0x7A) ? a - 0x20 : a
            if upper != b { return false }
        }
        return true
    }

    /// Whether this is the symbol `symbol`.
    public func isSymbol(_ symbol: String) -> Bool {
        kind == .symbol && value == symbol
    }

    /// Whether the token can name something: an unquoted word, a quoted identifier, or a
    /// string (SQLite accepts `'name'` where an identifier is expected).
    public var isName: Bool {
        kind == .word || kind == .quotedIdentifier || kind == .string
    }
}
