/// An expression of a model file, as parsed: names, member accesses, calls (with a trailing
/// builder closure), literals and array literals. Nothing here has a type yet.
enum SourceExpression: Sendable {
    case name(String, SourcePosition)
    /// `.text`, `.varchar(50)`'s callee: a member of the type the context expects.
    case implicitMember(String, SourcePosition)
    /// `base.name`: a method's callee, or a type's static member (`ColumnType.text`).
    indirect case member(SourceExpression, String, SourcePosition)
    /// `callee(arguments) { closure }`; `closure` is the trailing closure's statements.
    indirect case call(SourceExpression, [SourceArgument], closure: [SourceExpression]?, SourcePosition)
    case string(String, SourcePosition)
    /// The literal's digits, with a leading `-` when it is negative.
    case integer(String, SourcePosition)
    case float(String, SourcePosition)
    case array([SourceExpression], SourcePosition)

    var position: SourcePosition {
        switch self {
        case .name(_, let p), .implicitMember(_, let p), .member(_, _, let p), .call(_, _, _, let p),
            .string(_, let p), .integer(_, let p), .float(_, let p), .array(_, let p):
            return p
        }
    }
}

/// `label: value`, or `value` without a label.
struct SourceArgument: Sendable {
    let label: String?
    let value: SourceExpression
}

/// A type annotation: `Table`, or `[Column]`.
struct SourceTypeName: Sendable, Hashable {
    let name: String
    let isArray: Bool
}

/// `[private] let name[: Type] = value` at the top level of the file.
struct SourceBinding: Sendable {
    let name: String
    let type: SourceTypeName?
    let value: SourceExpression
    let position: SourcePosition
}

/// A parsed model file: its imports and its top-level constants, in order.
struct SourceFile: Sendable {
    var imports: [(name: String, position: SourcePosition)] = []
    var bindings: [SourceBinding] = []
}
