/// One token of a model file, as the reader's lexer sees Swift.
struct SourceToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// A name or a keyword (`let`, `true`, `nil`); a backticked name without its backticks.
        case identifier(String)
        /// A single-line string literal, its escapes decoded.
        case string(String)
        /// An integer literal's digits, underscores removed.
        case integer(String)
        /// A floating-point literal's text, underscores removed.
        case float(String)
        /// One of `( ) { } [ ] , : . = ; -`.
        case punctuation(Character)
        /// Where the lexer stopped: the parser reports it if it gets this far (boxed, to keep
        /// every token small).
        indirect case invalid(ModelUnreadable)
        case end
    }

    let kind: Kind
    let position: SourcePosition
    /// Whether a line break (or the start of the file) comes before the token: Swift does not
    /// continue an expression with `(`, `[` or `{` on a new line.
    let startsLine: Bool
    /// Whether spaces, a line break or a comment come right before the token (Swift tells
    /// operators and member dots apart by the whitespace around them).
    var spaceBefore = true
    /// The token's first byte in the file.
    var offset = 0

    init(kind: Kind, position: SourcePosition, startsLine: Bool, offset: Int) {
        self.kind = kind
        self.position = position
        self.startsLine = startsLine
        self.offset = offset
    }
}

/// A line and column in the model file, both from 1.
public struct SourcePosition: Sendable, Hashable, CustomStringConvertible {
    public let line: Int
    public let column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}
