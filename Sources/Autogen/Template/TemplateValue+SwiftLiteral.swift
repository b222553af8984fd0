/// How `repr(x)` writes a value in a template: as a Swift literal, for the declarations of a
/// revision file.
///
/// ```
/// "add \"account\"\n"      a string: \\, \", \n, \t escaped, other controls as \u{..}
/// ["27c6a30d7c24", "ae1"]  a list ([] when empty)
/// ["a": 1]                 a dict, keys sorted ([:] when empty)
/// nil  true  42  1.5       None, booleans, numbers
/// ```
extension TemplateValue {
    /// The value as a Swift literal.
    public var swiftLiteral: String {
        switch self {
        case .none: return "nil"
        case .bool(let value): return value ? "true" : "false"
        case .int(let value): return String(value)
        case .double(let value):
            if value.isNaN { return "Double.nan" }
            if value.isInfinite { return value < 0 ? "-Double.infinity" : "Double.infinity" }
            return value.description
        case .string(let value): return Self.swiftQuoted(value)
        case .list(let values): return "[" + values.map(\.swiftLiteral).joined(separator: ", ") + "]"
        case .dict(let values):
            if values.isEmpty { return "[:]" }
            let items = values.keys.sorted().map { key in
                Self.swiftQuoted(key) + ": " + (values[key] ?? .none).swiftLiteral
            }
            return "[" + items.joined(separator: ", ") + "]"
        }
    }

    /// A Swift string literal of `value`: `\\`, `\"`, newlines as `\n`, tabs as `\t`, every
    /// other control character as `\u{x}` (lowercase hex), everything else as it is.
    public static func swiftQuoted(_ value: String) -> String { RevisionLiteral.string(value) }
}
