/// One token of an expression inside `${...}` or of a control line.
struct ExpressionToken: Equatable {
    enum Kind: Equatable {
        case name(String)
        case string(String)
        case integer(Int)
        case float(Double)
        case keyword(String)
        case symbol(String)
        /// The end of the expression: the closing `}` of a substitution, or the end of a
        /// control line.
        case end(closingBrace: Bool)
    }

    var kind: Kind
    var position: TemplatePosition

    /// The words the lexer reads as keywords rather than names.
    static let keywords: Set<String> = ["if", "elif", "else", "for", "in", "not", "and", "or", "True", "False", "None"]

    /// The token as an error message names it: `'foo'`, `'('`, `end of line`.
    var description: String {
        switch kind {
        case .name(let name): return "'\(name)'"
        case .string(let value): return "string \(TemplateValue.pythonQuoted(value))"
        case .integer(let value): return "number \(value)"
        case .float(let value): return "number \(TemplateValue.pythonFloat(value))"
        case .keyword(let word): return "'\(word)'"
        case .symbol(let symbol): return "'\(symbol)'"
        case .end(let closingBrace): return closingBrace ? "'}'" : "end of line"
        }
    }

    func isSymbol(_ symbol: String) -> Bool { kind == .symbol(symbol) }
    func isKeyword(_ word: String) -> Bool { kind == .keyword(word) }
    var isEnd: Bool { if case .end = kind { return true } else { return false } }
}
