/// Splits template source into text, substitutions and control lines, following Mako's rules.
///
/// ```
/// text ${expr | filter}        a substitution, anywhere in a line, may span lines
///   % if cond:                 a control line: % after optional indentation; the whole
///                              line, break included, is consumed
/// %% text                      a line that starts with a literal % (one % is dropped)
///   ## comment                 a comment line, consumed with its line break
/// <%doc>...</%doc>             dropped
/// <%text>${x}</%text>          copied verbatim
/// end of line \                a backslash before a line break joins the lines
/// ```
/// Any other `<%` or `</%` tag is an error, as Mako would compile it as code.
struct TemplateLexer {
    let templateName: String

    /// The pieces of `source`, and the position just past its end.
    func pieces(of source: String) throws(TemplateError) -> ([TemplatePiece], TemplatePosition) {
        var cursor = SourceCursor(source)
        var pieces: [TemplatePiece] = []
        var text = String.UnicodeScalarView()
        var atLineStart = true

        func flushText() {
            guard !text.isEmpty else { return }
            pieces.append(.text(String(text)))
            text = String.UnicodeScalarView()
        }

        while let scalar = cursor.peek() {
            if atLineStart {
                atLineStart = false
                var indentation = 0
                while cursor.peek(indentation) == " " || cursor.peek(indentation) == "\t" { indentation += 1 }
                if cursor.peek(indentation) == "%", cursor.peek(indentation + 1) == "%" {
                    for _ in 0..<indentation { if let blank = cursor.advance() { text.append(blank) } }
                    cursor.advance()
                    continue
                }
                if cursor.peek(indentation) == "%" {
                    flushText()
                    cursor.advance(by: indentation)
                    let position = cursor.position
                    cursor.advance()
                    let lexer = ExpressionLexer(templateName: templateName, mode: .controlLine)
                    pieces.append(.control(try lexer.tokens(from: &cursor, opening: position), position))
                    atLineStart = true
                    continue
                }
                if cursor.peek(indentation) == "#", cursor.peek(indentation + 1) == "#" {
                    skipCommentLine(&cursor)
                    atLineStart = true
                    continue
                }
            }
            if scalar == "$", cursor.peek(1) == "{" {
                flushText()
                let position = cursor.position
                cursor.advance(by: 2)
                let lexer = ExpressionLexer(templateName: templateName, mode: .substitution)
                pieces.append(.substitution(try lexer.tokens(from: &cursor, opening: position), position))
            } else if scalar == "<", cursor.starts(with: "<%") || cursor.starts(with: "</%") {
                try tag(&cursor, into: &text)
            } else if scalar == "\\", cursor.lineBreakLength(at: 1) > 0 {
                cursor.advance(by: 1 + cursor.lineBreakLength(at: 1))
                atLineStart = true
            } else if scalar == "$" || scalar == "<" || scalar == "\\" {
                text.append(scalar)
                cursor.advance()
            } else {
                atLineStart = cursor.copyPlainText(into: &text)
            }
        }
        flushText()
        return (pieces, cursor.position)
    }

    /// Skips a `##` line up to and including its line break (a trailing `\` continues it).
    private func skipCommentLine(_ cursor: inout SourceCursor) {
        while !cursor.isAtEnd {
            if cursor.peek() == "\\", cursor.lineBreakLength(at: 1) > 0 {
                cursor.advance(by: 1 + cursor.lineBreakLength(at: 1))
                continue
            }
            let lineBreak = cursor.lineBreakLength()
            if lineBreak > 0 {
                cursor.advance(by: lineBreak)
                return
            }
            cursor.advance()
        }
    }

    /// Reads a `<%doc>` or `<%text>` block starting here; anything else is an error.
    private func tag(_ cursor: inout SourceCursor, into text: inout String.UnicodeScalarView) throws(TemplateError) {
        let position = cursor.position
        for name in ["doc", "text"] {
            if cursor.starts(with: "</%\(name)>") {
                throw error("'</%\(name)>' without '<%\(name)>'", at: position)
            }
            guard cursor.starts(with: "<%\(name)>") else { continue }
            cursor.advance(by: name.count + 3)
            let closing = "</%\(name)>"
            while !cursor.starts(with: closing) {
                guard let scalar = cursor.advance() else {
                    throw error("'<%\(name)>' is never closed", at: position)
                }
                if name == "text" { text.append(scalar) }
            }
            cursor.advance(by: closing.unicodeScalars.count)
            return
        }
        var spelling = cursor.starts(with: "</%") ? "</%" : "<%"
        var offset = spelling.count
        while let scalar = cursor.peek(offset), offset < 40,
            scalar.properties.isAlphabetic || scalar == "!" || scalar == ":" || scalar == "."
        {
            spelling.unicodeScalars.append(scalar)
            offset += 1
        }
        throw error("unsupported tag '\(spelling)': only <%doc> and <%text> are supported", at: position)
    }

    private func error(_ message: String, at position: TemplatePosition) -> TemplateError {
        TemplateError(templateName: templateName, position: position, message: message)
    }
}
