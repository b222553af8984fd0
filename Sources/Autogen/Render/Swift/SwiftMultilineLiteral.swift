/// A Swift multi-line string literal (`"""`) for long text in a model file: a function body
/// or a view query read as it was written instead of as one line of `\n` escapes.
///
/// The lines come at `indent`, the closing delimiter too (Swift strips that much from each
/// line). Backslashes, `"""` and carriage returns are escaped; a line's trailing blank is
/// written as an escape, so that an editor trimming lines cannot change the value. Text without
/// a line break stays an ordinary literal.
enum SwiftMultilineLiteral {
    static func literal(_ text: String, indent: String) -> String {
        guard text.contains("\n") else { return SwiftLiteral.string(text) }
        var lines: [String] = ["\"\"\""]
        // By scalars: "\r\n" is one Character.
        for line in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            var escaped = ""
            for scalar in line {
                switch scalar {
                case "\\": escaped += "\\\\"
                case "\r": escaped += "\\r"
                case "\t": escaped += "\\t"
                default: escaped.unicodeScalars.append(scalar)
                }
            }
            escaped = escaped.replacing("\"\"\"", with: "\\\"\"\"")
            if escaped.hasSuffix(" ") { escaped = String(escaped.dropLast()) + "\\u{20}" }
            lines.append(escaped.isEmpty ? "" : indent + escaped)
        }
        lines.append(indent + "\"\"\"")
        return lines.joined(separator: "\n")
    }
}
