/// A read position in a template's source, counting lines and columns as it moves.
struct SourceCursor {
    let scalars: [Unicode.Scalar]
    private(set) var index = 0
    private(set) var position = TemplatePosition(line: 1, column: 1)

    init(_ source: String) {
        scalars = Array(source.unicodeScalars)
    }

    var isAtEnd: Bool { index >= scalars.count }

    /// The scalar `offset` places ahead, or nil past the end.
    func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        let at = index + offset
        return at < scalars.count ? scalars[at] : nil
    }

    /// Whether the source continues with `text` here.
    func starts(with text: String) -> Bool {
        var at = index
        for scalar in text.unicodeScalars {
            guard at < scalars.count, scalars[at] == scalar else { return false }
            at += 1
        }
        return true
    }

    /// The length of a line break here (`\n` or `\r\n`), or 0.
    func lineBreakLength(at offset: Int = 0) -> Int {
        switch peek(offset) {
        case "\n": return 1
        case "\r": return peek(offset + 1) == "\n" ? 2 : 0
        default: return 0
        }
    }

    /// Moves past one scalar and returns it.
    @discardableResult
    mutating func advance() -> Unicode.Scalar? {
        guard index < scalars.count else { return nil }
        let scalar = scalars[index]
        index += 1
        if scalar == "\n" {
            position.line += 1
            position.column = 1
        } else {
            position.column += 1
        }
        return scalar
    }

    /// Copies scalars to `text` up to (not including) the next `$`, `<` or `\`, or up to and
    /// including the next `\n`; returns whether it stopped after a `\n`.
    mutating func copyPlainText(into text: inout String.UnicodeScalarView) -> Bool {
        var end = index
        var endsLine = false
        scan: while end < scalars.count {
            switch scalars[end] {
            case "$", "<", "\\": break scan
            case "\n":
                end += 1
                endsLine = true
                break scan
            default: end += 1
            }
        }
        guard end > index else { return false }
        text.append(contentsOf: scalars[index..<end])
        if endsLine {
            position.line += 1
            position.column = 1
        } else {
            position.column += end - index
        }
        index = end
        return endsLine
    }

    /// Moves past `count` scalars.
    mutating func advance(by count: Int) {
        for _ in 0..<count { advance() }
    }
}
