/// A parsed template expression.
///
/// Chains of the same operator (`a + b + c`, `x.y[0].z`, `a < b < c`) are flat lists rather
/// than nested nodes, so that evaluating a long chain never recurses deeply; nesting comes
/// only from brackets and conditional expressions, which the parser bounds.
indirect enum Expression: Sendable {
    /// One step after a primary expression: `.name` or `[index]`.
    enum Trailer: Sendable {
        case attribute(String, TemplatePosition)
        case index(Expression, TemplatePosition)
    }

    case literal(TemplateValue)
    case name(String, TemplatePosition)
    case list([Expression])
    /// `base.name[index]...`
    case postfix(Expression, [Trailer])
    case call(TemplateFunction, [Expression], TemplatePosition)
    /// `not` applied `count` times.
    case not(Expression, count: Int)
    /// Unary `-` applied `count` times.
    case negate(Expression, count: Int, TemplatePosition)
    case and([Expression])
    case or([Expression])
    /// `first op1 e1 op2 e2 ...`, Python's chained comparison.
    case compare(Expression, [(ComparisonOperator, Expression, TemplatePosition)])
    /// `first + e1 - e2 ...`, left to right; each position is that of its operator.
    case arithmetic(Expression, [(ArithmeticOperator, Expression, TemplatePosition)])
    /// `then if condition else otherwise`.
    case conditional(then: Expression, condition: Expression, otherwise: Expression)
}

/// A binary arithmetic operator: `+` (numbers, strings, lists) or `-` (numbers).
enum ArithmeticOperator: String, Sendable {
    case plus = "+"
    case minus = "-"
}

/// A comparison operator: `== != < <= > >= in` and `not in`.
enum ComparisonOperator: String, Sendable {
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case contains = "in"
    case notContains = "not in"
}
