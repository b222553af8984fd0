/// Splits an expression into tokens, reading from the template's cursor.
///
/// Two modes: inside `${...}` the expression may span lines and ends at the first `}` outside
/// a string literal; on a control line (`% if x:`) it ends at the end of the line, a trailing
/// `\` continues it on the next line, and `#` starts a comment.
struct ExpressionLexer {
    enum Mode {
        case substitution
        case controlLine
    }

    let templateName: String
    let mode: Mode

    /// Reads tokens up to and including the end of the expression (the `}` or the line
    /// break, which is consumed); the last token is always `.end`.
    ///
    /// `opening` is where the expression started (the `$` of `${`), named when it never ends.
    func tokens(from cursor: inout SourceCursor, opening: TemplatePosition) throws(TemplateError) -> [ExpressionToken] {
        var tokens: [ExpressionToken] = []
        while true {
            let position = cursor.position
            guard let scalar = cursor.peek() else {
                if mode == .substitution { throw error("'${' is never closed", at: opening) }
                tokens.append(ExpressionToken(kind: .end(closingBrace: false), position: position))
                return tokens
            }
            if mode == .controlLine {
                let lineBreak = cursor.lineBreakLength()
                if lineBreak > 0 {
                    tokens.append(ExpressionToken(kind: .end(closingBrace: false), position: position))
                    cursor.advance(by: lineBreak)
                    return tokens
                }
                if scalar == "\\", cursor.lineBreakLength(at: 1) > 0 {
                    cursor.advance(by: 1 + cursor.lineBreakLength(at: 1))
                    continue
                }
                if scalar == "#" {
                    while !cursor.isAtEnd, cursor.lineBreakLength() == 0 { cursor.advance() }
                    continue
                }
            }
            switch scalar {
            case " ", "\t", "\r":
                cursor.advance()
            case "\n" where mode == .substitution:
                cursor.advance()
            case "}" where mode == .substitution:
                cursor.advance()
                tokens.append(ExpressionToken(kind: .end(closingBrace: true), position: position))
                return tokens
            case "'", "\"":
                tokens.append(ExpressionToken(kind: .string(try stringLiteral(&cursor)), position: position))
            case "0"..."9":
                tokens.append(ExpressionToken(kind: try number(&cursor), position: position))
            default:
                if Self.isNameStart(scalar) {
                    let word = name(&cursor)
                    let kind: ExpressionToken.Kind =
                        ExpressionToken.keywords.contains(word) ? .keyword(word) : .name(word)
                    tokens.append(ExpressionToken(kind: kind, position: position))
                } else if let symbol = symbol(at: cursor) {
                    cursor.advance(by: symbol.unicodeScalars.count)
                    tokens.append(ExpressionToken(kind: .symbol(symbol), position: position))
                } else {
                    throw error("unexpected character \(TemplateValue.pythonQuoted(String(scalar)))", at: position)
                }
            }
        }
    }

    private static func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_"
    }

    private static func isNamePart(_ scalar: Unicode.Scalar) -> Bool {
        isNameStart(scalar) || ("0"..."9").contains(scalar)
    }

    private static func isDigit(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return ("0"..."9").contains(scalar)
    }

    private func name(_ cursor: inout SourceCursor) -> String {
        var word = String.UnicodeScalarView()
        while let scalar = cursor.peek(), Self.isNamePart(scalar) {
            word.append(scalar)
            cursor.advance()
        }
        return String(word)
    }

    private static let twoCharacterSymbols = ["==", "!=", "<=", ">="]
    private static let oneCharacterSymbols: Set<Unicode.Scalar> = [
        "(", ")", "[", "]", ",", ".", ":", "|", "+", "-", "<", ">",
    ]

    private func symbol(at cursor: SourceCursor) -> String? {
        if let symbol = Self.twoCharacterSymbols.first(where: { cursor.starts(with: $0) }) { return symbol }
        if let scalar = cursor.peek(), Self.oneCharacterSymbols.contains(scalar) { return String(scalar) }
        return nil
    }

    /// An integer (`42`) or a float (`1.5`, `2e10`, `1.5e-3`).
    private func number(_ cursor: inout SourceCursor) throws(TemplateError) -> ExpressionToken.Kind {
        let start = cursor.position
        var text = String.UnicodeScalarView()
        var isFloat = false
        func digits(_ cursor: inout SourceCursor) {
            while let scalar = cursor.peek(), Self.isDigit(scalar) {
                text.append(scalar)
                cursor.advance()
            }
        }
        digits(&cursor)
        if cursor.peek() == ".", Self.isDigit(cursor.peek(1)) {
            isFloat = true
            text.append(".")
            cursor.advance()
            digits(&cursor)
        }
        if cursor.peek() == "e" || cursor.peek() == "E" {
            let signLength = cursor.peek(1) == "+" || cursor.peek(1) == "-" ? 1 : 0
            if Self.isDigit(cursor.peek(1 + signLength)) {
                isFloat = true
                text.append("e")
                cursor.advance()
                if signLength == 1, let sign = cursor.advance() { text.append(sign) }
                digits(&cursor)
            }
        }
        let literal = String(text)
        if isFloat {
            guard let value = Double(literal) else { throw error("invalid number \(literal)", at: start) }
            return .float(value)
        }
        guard let value = Int(literal) else { throw error("integer literal \(literal) is too large", at: start) }
        return .integer(value)
    }

    /// A string literal in single or double quotes, with Python's escapes: `\\ \' \" \n \r
    /// \t \0 \xHH \uHHHH \UHHHHHHHH`.
    private func stringLiteral(_ cursor: inout SourceCursor) throws(TemplateError) -> String {
        let start = cursor.position
        guard let quote = cursor.advance() else { throw error("string literal is never closed", at: start) }
        var value = String.UnicodeScalarView()
        while true {
            guard let scalar = cursor.peek(), scalar != "\n" else {
                throw error("string literal is never closed", at: start)
            }
            if scalar == quote {
                cursor.advance()
                return String(value)
            }
            if scalar == "\\" {
                value.append(try escape(&cursor))
            } else {
                value.append(scalar)
                cursor.advance()
            }
        }
    }

    private func escape(_ cursor: inout SourceCursor) throws(TemplateError) -> Unicode.Scalar {
        let start = cursor.position
        cursor.advance()
        guard let letter = cursor.peek(), letter != "\n", letter != "\r" else {
            throw error("string literal is never closed", at: start)
        }
        cursor.advance()
        switch letter {
        case "\\", "'", "\"": return letter
        case "n": return "\n"
        case "r": return "\r"
        case "t": return "\t"
        case "0": return "\0"
        case "x": return try hexScalar(&cursor, digits: 2, escapeStart: start)
        case "u": return try hexScalar(&cursor, digits: 4, escapeStart: start)
        case "U": return try hexScalar(&cursor, digits: 8, escapeStart: start)
        default:
            let printable = letter.isASCII && letter.value >= 0x20 && letter.value != 0x7F
            let spelling = printable ? "'\\\(letter)'" : "'\\' before \(TemplateValue.pythonQuoted(String(letter)))"
            throw error("unknown escape \(spelling)", at: start)
        }
    }

    private func hexScalar(_ cursor: inout SourceCursor, digits: Int, escapeStart: TemplatePosition)
        throws(TemplateError) -> Unicode.Scalar
    {
        var value: UInt32 = 0
        for _ in 0..<digits {
            guard let scalar = cursor.peek(), scalar.isASCII, let digit = Int(String(scalar), radix: 16) else {
                throw error("expected \(digits) hex digits in escape", at: escapeStart)
            }
            value = value &* 16 &+ UInt32(digit)
            cursor.advance()
        }
        guard let scalar = Unicode.Scalar(value) else {
            throw error("escape names no Unicode character", at: escapeStart)
        }
        return scalar
    }

    private func error(_ message: String, at position: TemplatePosition) -> TemplateError {
        TemplateError(templateName: templateName, position: position, message: message)
    }
}
