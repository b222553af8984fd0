/// Literal syntax for template values, so a context reads `["message": "add account",
/// "down_revision": ["27c6a30d7c24"], "branch_labels": []]`.
extension TemplateValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringInterpolation, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .none }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }

    /// A dictionary literal; when a key repeats, the last value wins.
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .dict(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
