/// How a value prints in `${...}`: Python's `str()`, so templates written for Mako read the
/// same.
///
/// Strings print as they are, `none` as `None`, booleans as `True` / `False`, lists and dicts
/// as Python writes them (`['a', 'b']`, `{'k': 1}`, keys sorted).
extension TemplateValue {
    /// Python's `str()` of the value.
    public var text: String {
        switch self {
        case .string(let value): return value
        default: return pythonRepr
        }
    }

    /// Python's `repr()` of the value: strings quoted and escaped, used inside lists and in
    /// error messages (so that a message is always one line).
    public var pythonRepr: String {
        switch self {
        case .none: return "None"
        case .bool(let value): return value ? "True" : "False"
        case .int(let value): return String(value)
        case .double(let value): return Self.pythonFloat(value)
        case .string(let value): return Self.pythonQuoted(value)
        case .list(let values): return "[" + values.map(\.pythonRepr).joined(separator: ", ") + "]"
        case .dict(let values):
            let items = values.keys.sorted().map { key in
                Self.pythonQuoted(key) + ": " + (values[key] ?? .none).pythonRepr
            }
            return "{" + items.joined(separator: ", ") + "}"
        }
    }

    /// A float as Python prints it: always with a fraction or an exponent, `inf`, `nan`.
    static func pythonFloat(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return value.description
    }

    /// A string in Python's quoting: single quotes unless the text holds a single quote and no
    /// double quote; backslash, the quote, `\n`, `\r`, `\t` escaped, and every character that
    /// Python does not print (controls, format characters, separators other than the space)
    /// as `\xNN`, `\uNNNN` or `\UNNNNNNNN`.
    static func pythonQuoted(_ value: String) -> String {
        let quote: Unicode.Scalar = value.contains("'") && !value.contains("\"") ? "\"" : "'"
        var result = String.UnicodeScalarView()
        result.append(quote)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": result.append(contentsOf: "\\\\".unicodeScalars)
            case "\n": result.append(contentsOf: "\\n".unicodeScalars)
            case "\r": result.append(contentsOf: "\\r".unicodeScalars)
            case "\t": result.append(contentsOf: "\\t".unicodeScalars)
            case quote: result.append("\\"); result.append(quote)
            default:
                if isPythonPrintable(scalar) {
                    result.append(scalar)
                } else {
                    result.append(contentsOf: pythonEscape(scalar).unicodeScalars)
                }
            }
        }
        result.append(quote)
        return String(result)
    }

    private static func isPythonPrintable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .spaceSeparator, .lineSeparator,
            .paragraphSeparator:
            return false
        default:
            return true
        }
    }

    private static func pythonEscape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16)
        if scalar.value <= 0xFF { return "\\x" + String(repeating: "0", count: 2 - hex.count) + hex }
        if scalar.value <= 0xFFFF { return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex }
        return "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
    }
}
