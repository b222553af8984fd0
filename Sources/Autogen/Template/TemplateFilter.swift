/// A filter after `|` in `${expr | f1, f2}`, applied left to right to the expression's value.
///
/// ```
/// ${xs | comma}       ['a', 'b'] -> a, b       (None -> empty; a string as it is)
/// ${s | h}            <a & "b"> -> &lt;a &amp; &#34;b&#34;&gt;
/// ${s | trim}         "  x \n" -> x
/// ${s | n}            no escaping: output is never escaped by default, so n changes nothing
/// ```
enum TemplateFilter: String, CaseIterable, Sendable {
    case n
    case comma
    case h
    case trim

    func apply(_ value: TemplateValue) -> TemplateValue {
        switch self {
        case .n:
            return value
        case .comma:
            switch value {
            case .none: return .string("")
            case .list(let items): return .string(items.map(\.text).joined(separator: ", "))
            default: return .string(value.text)
            }
        case .h:
            return .string(Self.htmlEscaped(value.text))
        case .trim:
            return .string(Self.trimmed(value.text))
        }
    }

    /// `&`, `<`, `>`, `"`, `'` as HTML entities (as MarkupSafe writes them, which Mako uses).
    static func htmlEscaped(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result.append(contentsOf: "&amp;".unicodeScalars)
            case "<": result.append(contentsOf: "&lt;".unicodeScalars)
            case ">": result.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": result.append(contentsOf: "&#34;".unicodeScalars)
            case "'": result.append(contentsOf: "&#39;".unicodeScalars)
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    /// The text without leading and trailing whitespace (Python's `str.strip()`).
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isPythonWhitespace($0) }),
            let last = scalars.lastIndex(where: { !isPythonWhitespace($0) })
        else { return "" }
        return String(scalars[first...last])
    }

    /// Python's `str.isspace()` for one character: Unicode white space plus the ASCII
    /// separators U+001C to U+001F.
    static func isPythonWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || (0x1C...0x1F).contains(scalar.value)
    }
}
