/// Evaluates expressions against the render context and the loop variables in scope.
///
/// Names resolve to the innermost loop variable of that name, then to the context; an
/// unknown name is an error at the name's position.
struct ExpressionEvaluator {
    let templateName: String
    let context: [String: TemplateValue]
    /// Loop variables, innermost last.
    private var locals: [(name: String, value: Local)] = []

    /// A loop variable, or the state behind Mako's `loop`, turned into a dict only when read.
    enum Local {
        case value(TemplateValue)
        case loopState(index: Int, count: Int)

        var value: TemplateValue {
            switch self {
            case .value(let value):
                return value
            case .loopState(let index, let count):
                return .dict([
                    "index": .int(index),
                    "reverse_index": .int(count - 1 - index),
                    "first": .bool(index == 0),
                    "last": .bool(index == count - 1),
                    "even": .bool(index % 2 == 0),
                    "odd": .bool(index % 2 == 1),
                ])
            }
        }
    }

    init(templateName: String, context: [String: TemplateValue]) {
        self.templateName = templateName
        self.context = context
    }

    mutating func bind(_ name: String, to value: Local) {
        locals.append((name, value))
    }

    mutating func unbind(count: Int) {
        locals.removeLast(count)
    }

    func lookup(_ name: String) -> TemplateValue? {
        if let local = locals.last(where: { $0.name == name }) { return local.value.value }
        return context[name]
    }

    func evaluate(_ expression: Expression) throws(TemplateError) -> TemplateValue {
        switch expression {
        case .literal(let value):
            return value
        case .name(let name, let position):
            guard let value = lookup(name) else { throw error("unknown name '\(name)'", at: position) }
            return value
        case .list(let items):
            var values: [TemplateValue] = []
            values.reserveCapacity(items.count)
            for item in items { values.append(try evaluate(item)) }
            return .list(values)
        case .postfix(let base, let trailers):
            var value = try evaluate(base)
            for trailer in trailers {
                switch trailer {
                case .attribute(let name, let position):
                    value = try at(position) { () throws(ValueError) in try value.attribute(name) }
                case .index(let indexExpression, let position):
                    let index = try evaluate(indexExpression)
                    value = try at(position) { () throws(ValueError) in try value.item(at: index) }
                }
            }
            return value
        case .call(let function, let argumentExpressions, let position):
            var arguments: [TemplateValue] = []
            for argument in argumentExpressions { arguments.append(try evaluate(argument)) }
            return try at(position) { () throws(ValueError) in try function.call(arguments) }
        case .not(let operand, let count):
            let truth = try evaluate(operand).isTruthy
            return .bool(count % 2 == 1 ? !truth : truth)
        case .negate(let operand, let count, let position):
            let value = try evaluate(operand)
            let negated = try at(position) { () throws(ValueError) in try value.negated() }
            return count % 2 == 1 ? negated : value
        case .and(let operands):
            var value = TemplateValue.bool(true)
            for operand in operands {
                value = try evaluate(operand)
                if !value.isTruthy { return value }
            }
            return value
        case .or(let operands):
            var value = TemplateValue.bool(false)
            for operand in operands {
                value = try evaluate(operand)
                if value.isTruthy { return value }
            }
            return value
        case .compare(let first, let rest):
            var left = try evaluate(first)
            for (op, rightExpression, position) in rest {
                let right = try evaluate(rightExpression)
                let holds = try at(position) { () throws(ValueError) in try left.compare(op, right) }
                if !holds { return .bool(false) }
                left = right
            }
            return .bool(true)
        case .arithmetic(let first, let rest):
            var value = try evaluate(first)
            for (op, operandExpression, position) in rest {
                let operand = try evaluate(operandExpression)
                value = try at(position) { () throws(ValueError) in
                    op == .plus ? try value.adding(operand) : try value.subtracting(operand)
                }
            }
            return value
        case .conditional(let then, let condition, let otherwise):
            return try evaluate(condition).isTruthy ? evaluate(then) : evaluate(otherwise)
        }
    }

    /// Runs a value operation, reporting its failure at `position`.
    func at<T>(_ position: TemplatePosition, _ operation: () throws(ValueError) -> T) throws(TemplateError) -> T {
        do {
            return try operation()
        } catch {
            throw self.error(error.message, at: position)
        }
    }

    func error(_ message: String, at position: TemplatePosition) -> TemplateError {
        TemplateError(templateName: templateName, position: position, message: message)
    }
}
