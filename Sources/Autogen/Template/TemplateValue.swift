/// A value a template works with: what the context holds and what expressions compute.
///
/// The cases mirror the Python values Mako templates see (`None`, `bool`, `int`, `float`,
/// `str`, `list`, `dict`), and truthiness follows Python: `none`, `false`, `0`, `0.0`, `""`,
/// `[]` and `[:]` are false, everything else is true.
public enum TemplateValue: Sendable, Hashable {
    case none
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case list([TemplateValue])
    case dict([String: TemplateValue])

    /// A list of strings, for the revision-id lists the revision template takes.
    public static func strings(_ values: [String]) -> TemplateValue {
        .list(values.map(TemplateValue.string))
    }

    /// Python truthiness.
    public var isTruthy: Bool {
        switch self {
        case .none: return false
        case .bool(let value): return value
        case .int(let value): return value != 0
        case .double(let value): return value != 0
        case .string(let value): return !value.isEmpty
        case .list(let values): return !values.isEmpty
        case .dict(let values): return !values.isEmpty
        }
    }

    /// The Python name of the value's type (`NoneType`, `bool`, `int`, `float`, `str`, `list`,
    /// `dict`), used in error messages.
    public var typeName: String {
        switch self {
        case .none: return "NoneType"
        case .bool: return "bool"
        case .int: return "int"
        case .double: return "float"
        case .string: return "str"
        case .list: return "list"
        case .dict: return "dict"
        }
    }
}
