/// A function a template can call: `repr`, `len`, `indent` and `lines`.
///
/// ```
/// ${repr(down_revision)}      ["27c6a30d7c24"]   a Swift literal (see TemplateValue.swiftLiteral)
/// ${len(branch_labels)}       2                  characters of a str, items of a list or dict
/// ${indent(upgrades, 8)}      each line that is not blank, prefixed by 8 spaces (or by a
///                             given str: indent(text, "// ")), as Python's textwrap.indent
/// % for line in lines(message):                  the lines of a str, as Python's splitlines()
/// ```
enum TemplateFunction: String, CaseIterable, Sendable {
    case repr
    case len
    case indent
    case lines

    /// The widest indentation `indent(text, n)` accepts.
    static let maximumIndentation = 1000

    /// How many arguments the function takes.
    var arity: Int { self == .indent ? 2 : 1 }

    /// Calls the function; the parser has checked the number of arguments.
    func call(_ arguments: [TemplateValue]) throws(ValueError) -> TemplateValue {
        guard arguments.count == arity, let first = arguments.first else {
            throw ValueError("\(rawValue)() takes \(arity) argument\(arity == 1 ? "" : "s") (\(arguments.count) given)")
        }
        switch self {
        case .repr:
            return .string(first.swiftLiteral)
        case .len:
            switch first {
            case .string(let text): return .int(text.count)
            case .list(let items): return .int(items.count)
            case .dict(let items): return .int(items.count)
            default: throw ValueError("object of type '\(first.typeName)' has no len()")
            }
        case .indent:
            guard case .string(let text) = first else {
                throw ValueError("indent() needs a str to indent, not '\(first.typeName)'")
            }
            let prefix: String
            switch arguments[1] {
            case .int(let width) where (0...Self.maximumIndentation).contains(width):
                prefix = String(repeating: " ", count: width)
            case .string(let given):
                prefix = given
            case let other:
                throw ValueError(
                    "indent() needs a width from 0 to \(Self.maximumIndentation) or a str prefix, not \(other.pythonRepr)"
                )
            }
            return .string(Self.indented(text, prefix: prefix))
        case .lines:
            guard case .string(let text) = first else {
                throw ValueError("lines() needs a str, not '\(first.typeName)'")
            }
            return .list(Self.splitLines(text, keepingEnds: false).map(TemplateValue.string))
        }
    }

    /// Python's `textwrap.indent`: `prefix` before every line that is not blank.
    static func indented(_ text: String, prefix: String) -> String {
        var result = ""
        for line in splitLines(text, keepingEnds: true) {
            if line.unicodeScalars.contains(where: { !TemplateFilter.isPythonWhitespace($0) }) {
                result += prefix
            }
            result += line
        }
        return result
    }

    /// Python's `str.splitlines`: breaks at `\n`, `\r\n`, `\r`, `\u{B}`, `\u{C}`, U+001C to
    /// U+001E, U+0085, U+2028 and U+2029; no empty last line for a trailing break.
    static func splitLines(_ text: String, keepingEnds: Bool) -> [String] {
        var lines: [String] = []
        var line = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            switch scalar.value {
            case 0x0A, 0x0B, 0x0C, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029, 0x0D:
                if keepingEnds { line.append(scalar) }
                if scalar == "\r", pending == "\n" {
                    if keepingEnds { line.append("\n") }
                    pending = scalars.next()
                }
                lines.append(String(line))
                line = String.UnicodeScalarView()
            default:
                line.append(scalar)
            }
        }
        if !line.isEmpty { lines.append(String(line)) }
        return lines
    }
}
