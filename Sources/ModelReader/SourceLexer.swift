/// Splits a model file into tokens: the part of Swift's lexical grammar that declarative models
/// use (names, single- and multi-line string literals, decimal numbers, brackets and a few marks,
/// comments). Anything else (an operator, `#if`, an attribute, a raw string, a string with
/// interpolation) makes the file unreadable here, and the compiler reads it.
struct SourceLexer {
    private let bytes: [UInt8]
    private(set) var offset = 0
    private var line = 1
    private var lineStart = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    /// Every token of the file, ending with `.end`.
    /// Every token of the file, ending with `.end`; what the lexer cannot read becomes an
    /// `.invalid` token, the last before `.end` (the parser reports the first problem in the
    /// file's order, its own or the lexer's).
    static func tokens(of text: String) -> [SourceToken] {
        var lexer = SourceLexer(text)
        var tokens: [SourceToken] = []
        tokens.reserveCapacity(text.utf8.count / 4)
        var newline = true
        while true {
            do {
                let before = lexer.offset
                newline = try lexer.skipTrivia() || newline
                var token = try lexer.next(startsLine: newline)
                token.spaceBefore = before == 0 || token.offset != before
                tokens.append(token)
                if token.kind == .end { return tokens }
            } catch {
                tokens.append(
                    SourceToken(
                        kind: .invalid(error), position: error.position, startsLine: newline, offset: lexer.offset))
                tokens.append(SourceToken(kind: .end, position: error.position, startsLine: true, offset: lexer.offset))
                return tokens
            }
            newline = false
        }
    }

    private var position: SourcePosition { SourcePosition(line: line, column: offset - lineStart + 1) }

    private func peek(_ ahead: Int = 0) -> UInt8? {
        offset + ahead < bytes.count ? bytes[offset + ahead] : nil
    }

    /// Skips spaces, line breaks and comments; returns whether it passed a line break.
    private mutating func skipTrivia() throws(ModelUnreadable) -> Bool {
        var sawNewline = false
        while let byte = peek() {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                offset += 1
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                newLine()
                sawNewline = true
            case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "/"):
                while let b = peek(), b != UInt8(ascii: "\n"), b != UInt8(ascii: "\r") { offset += 1 }
            case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "*"):
                sawNewline = try skipBlockComment() || sawNewline
            default:
                return sawNewline
            }
        }
        return sawNewline
    }

    /// Past a line break: `\n`, `\r\n` or a lone `\r`, as Swift counts them.
    private mutating func newLine() {
        if peek() == UInt8(ascii: "\r") && peek(1) == UInt8(ascii: "\n") { offset += 1 }
        offset += 1
        line += 1
        lineStart = offset
    }

    /// A `/* ... */` comment, nested ones included (Swift nests them).
    private mutating func skipBlockComment() throws(ModelUnreadable) -> Bool {
        let start = position
        var depth = 0
        var sawNewline = false
        repeat {
            guard let byte = peek() else { throw ModelUnreadable(start, "unterminated comment") }
            if byte == UInt8(ascii: "/") && peek(1) == UInt8(ascii: "*") {
                depth += 1
                offset += 2
            } else if byte == UInt8(ascii: "*") && peek(1) == UInt8(ascii: "/") {
                depth -= 1
                offset += 2
            } else if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                newLine()
                sawNewline = true
            } else {
                offset += 1
            }
        } while depth > 0
        return sawNewline
    }

    private mutating func next(startsLine: Bool) throws(ModelUnreadable) -> SourceToken {
        let start = position
        let startOffset = offset
        guard let byte = peek() else {
            return SourceToken(kind: .end, position: start, startsLine: true, offset: startOffset)
        }
        let kind: SourceToken.Kind
        if Self.isIdentifierHead(byte) {
            kind = .identifier(identifier())
        } else if Self.isDigit(byte) {
            kind = try number(start)
        } else if byte == UInt8(ascii: "\"") {
            kind = .string(try string(start))
        } else if let mark = Self.punctuation[byte] {
            offset += 1
            kind = .punctuation(mark)
        } else {
            throw ModelUnreadable(start, byte < 0x80 ? "`\(UnicodeScalar(byte))`" : "a non-ASCII character")
        }
        return SourceToken(kind: kind, position: start, startsLine: startsLine, offset: startOffset)
    }

    private static let punctuation: [UInt8: Character] = [
        UInt8(ascii: "("): "(", UInt8(ascii: ")"): ")", UInt8(ascii: "{"): "{", UInt8(ascii: "}"): "}",
        UInt8(ascii: "["): "[", UInt8(ascii: "]"): "]", UInt8(ascii: ","): ",", UInt8(ascii: ":"): ":",
        UInt8(ascii: "."): ".", UInt8(ascii: "="): "=", UInt8(ascii: ";"): ";", UInt8(ascii: "-"): "-",
    ]

    private static func isIdentifierHead(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_")
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private mutating func identifier() -> String {
        let start = offset
        while let b = peek(), Self.isIdentifierHead(b) || Self.isDigit(b) { offset += 1 }
        return String(decoding: bytes[start..<offset], as: UTF8.self)
    }

    /// A decimal integer or floating-point literal (`42`, `1_000`, `10.50`, `1e-3`); other bases
    /// are left to the compiler.
    private mutating func number(_ start: SourcePosition) throws(ModelUnreadable) -> SourceToken.Kind {
        if peek() == UInt8(ascii: "0"), let b = peek(1),
            [UInt8(ascii: "x"), UInt8(ascii: "o"), UInt8(ascii: "b")].contains(b)
        {
            throw ModelUnreadable(start, "a number in another base than 10")
        }
        var text = digits()
        var isFloat = false
        if peek() == UInt8(ascii: "."), let b = peek(1), Self.isDigit(b) {
            offset += 1
            text += "." + digits()
            isFloat = true
        }
        if let e = peek(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            offset += 1
            text += "e"
            if let sign = peek(), sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
                text.append(Character(UnicodeScalar(sign)))
                offset += 1
            }
            guard let d = peek(), Self.isDigit(d) else { throw ModelUnreadable(start, "a malformed number") }
            text += digits()
            isFloat = true
        }
        if let b = peek(), Self.isIdentifierHead(b) { throw ModelUnreadable(start, "a malformed number") }
        return isFloat ? .float(text) : .integer(text)
    }

    private mutating func digits() -> String {
        var out = ""
        while let b = peek(), Self.isDigit(b) || b == UInt8(ascii: "_") {
            if b != UInt8(ascii: "_") { out.append(Character(UnicodeScalar(b))) }
            offset += 1
        }
        return out
    }

    /// A single-line string literal with Swift's escapes (`\\ \" \' \n \r \t \0 \u{...}`).
    private mutating func string(_ start: SourcePosition) throws(ModelUnreadable) -> String {
        if peek(1) == UInt8(ascii: "\""), peek(2) == UInt8(ascii: "\"") { return try multiLineString(start) }
        offset += 1
        var out: [UInt8] = []
        while true {
            guard let byte = peek(), byte != UInt8(ascii: "\n"), byte != UInt8(ascii: "\r") else {
                throw ModelUnreadable(start, "an unterminated string literal")
            }
            // Swift refuses raw control characters in a literal (a tab excepted).
            if (byte < 0x20 && byte != UInt8(ascii: "\t")) || byte == 0x7F {
                throw ModelUnreadable(start, "a control character in a string literal")
            }
            offset += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try escape(into: &out, start)
            default:
                out.append(byte)
            }
        }
    }

    /// A multi-line string literal, as Swift reads one: the lines between the opening `"""`
    /// (alone at the end of its line) and the closing one (alone on its line), each without the
    /// closing delimiter's indentation, joined by line breaks, the last one left out; a `\` at
    /// the end of a line joins it to the next. Escapes as in a single-line literal.
    private mutating func multiLineString(_ start: SourcePosition) throws(ModelUnreadable) -> String {
        func isBlank(_ b: UInt8) -> Bool { b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") }
        func isBreak(_ b: UInt8) -> Bool { b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") }
        let quote = UInt8(ascii: "\"")
        offset += 3
        while let b = peek(), isBlank(b) { offset += 1 }
        guard let b = peek(), isBreak(b) else {
            throw ModelUnreadable(start, "text after the opening \"\"\" of a multi-line string literal")
        }
        newLine()
        var lines: [Range<Int>] = []
        var indentation = 0..<0
        while true {
            guard peek() != nil else { throw ModelUnreadable(start, "an unterminated multi-line string literal") }
            let begin = offset
            var k = offset
            while k < bytes.count, isBlank(bytes[k]) { k += 1 }
            if k + 2 < bytes.count + 0, bytes[k] == quote, bytes[k + 1] == quote, bytes[k + 2] == quote {
                indentation = begin..<k
                offset = k + 3
                break
            }
            while let c = peek(), !isBreak(c) { offset += 1 }
            lines.append(begin..<offset)
            guard peek() != nil else { throw ModelUnreadable(start, "an unterminated multi-line string literal") }
            newLine()
        }
        let end = offset
        let indent = bytes[indentation]
        var out: [UInt8] = []
        for (n, range) in lines.enumerated() {
            var from = range.lowerBound
            if bytes[range].allSatisfy(isBlank) && range.count <= indent.count {
                from = range.upperBound
            } else if bytes[range].starts(with: indent) {
                from += indent.count
            } else {
                throw ModelUnreadable(
                    start, "a line of a multi-line string literal indented less than its closing \"\"\"")
            }
            offset = from
            var joined = false
            while offset < range.upperBound {
                let byte = bytes[offset]
                if (byte < 0x20 && byte != UInt8(ascii: "\t")) || byte == 0x7F {
                    throw ModelUnreadable(start, "a control character in a string literal")
                }
                offset += 1
                if byte != UInt8(ascii: "\\") {
                    out.append(byte)
                } else if bytes[offset..<range.upperBound].allSatisfy(isBlank) {
                    joined = true  // `\` ends the line: no line break here
                    offset = range.upperBound
                } else {
                    try escape(into: &out, start)
                }
            }
            if n < lines.count - 1 && !joined { out.append(UInt8(ascii: "\n")) }
        }
        offset = end
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func escape(into out: inout [UInt8], _ start: SourcePosition) throws(ModelUnreadable) {
        guard let byte = peek() else { throw ModelUnreadable(start, "an unterminated string literal") }
        offset += 1
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "'"): out.append(byte)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "0"): out.append(0)
        case UInt8(ascii: "u"):
            guard peek() == UInt8(ascii: "{") else { throw ModelUnreadable(start, "a malformed \\u escape") }
            offset += 1
            var hex = ""
            while let b = peek(), b != UInt8(ascii: "}") {
                hex.append(Character(UnicodeScalar(b)))
                offset += 1
            }
            offset += 1
            guard (1...8).contains(hex.count), hex.allSatisfy(\.isHexDigit), let value = UInt32(hex, radix: 16),
                let scalar = UnicodeScalar(value)
            else { throw ModelUnreadable(start, "a malformed \\u escape") }
            out += Array(String(Character(scalar)).utf8)
        case UInt8(ascii: "("): throw ModelUnreadable(start, "string interpolation")
        default: throw ModelUnreadable(start, "an unknown escape in a string literal")
        }
    }
}
