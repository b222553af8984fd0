/// Walks a parsed template's nodes and writes the output.
///
/// Inside `% for x in xs:` the body sees `x` and Mako's `loop` (`loop.index` from 0,
/// `loop.reverse_index`, `loop.first`, `loop.last`, `loop.even`, `loop.odd`). A render
/// runs at most `maximumIterations` loop iterations in all, so that nested loops cannot run
/// away.
struct TemplateRenderer {
    static let maximumIterations = 1_000_000

    private var evaluator: ExpressionEvaluator
    private let maximumIterations: Int
    private var iterations = 0

    init(templateName: String, context: [String: TemplateValue], maximumIterations: Int = Self.maximumIterations) {
        evaluator = ExpressionEvaluator(templateName: templateName, context: context)
        self.maximumIterations = maximumIterations
    }

    mutating func render(_ nodes: [TemplateNode], into output: inout String) throws(TemplateError) {
        for node in nodes {
            switch node {
            case .text(let text):
                output += text
            case .substitution(let expression, let filters):
                var value = try evaluator.evaluate(expression)
                for filter in filters { value = filter.apply(value) }
                output += value.text
            case .conditional(let branches, let otherwise):
                var body = otherwise
                for (condition, branchBody) in branches where try evaluator.evaluate(condition).isTruthy {
                    body = branchBody
                    break
                }
                try render(body, into: &output)
            case .loop(let variable, let sequence, let body, let position):
                let value = try evaluator.evaluate(sequence)
                let items = try evaluator.at(position) { () throws(ValueError) in try value.iterationItems() }
                for (index, item) in items.enumerated() {
                    iterations += 1
                    guard iterations <= maximumIterations else {
                        throw evaluator.error("more than \(maximumIterations) loop iterations", at: position)
                    }
                    evaluator.bind(variable, to: .value(item))
                    evaluator.bind("loop", to: .loopState(index: index, count: items.count))
                    defer { evaluator.unbind(count: 2) }
                    try render(body, into: &output)
                }
            }
        }
    }
}
