/// Parses the tokens of one expression, with Python's precedence:
///
/// ```
/// test        := or ['if' or 'else' test]
/// or          := and ('or' and)*
/// and         := not ('and' not)*
/// not         := 'not' not | comparison
/// comparison  := sum (('==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'not' 'in') sum)*
/// sum         := unary (('+' | '-') unary)*
/// unary       := '-' unary | postfix
/// postfix     := atom ('.' NAME | '[' test ']')*
/// atom        := NAME | FUNCTION '(' [test (',' test)* [',']] ')' | STRING+ | NUMBER
///              | 'True' | 'False' | 'None' | '(' test ')' | '[' [test (',' test)* [',']] ']'
/// ```
///
/// Brackets and conditional expressions may nest at most `maximumDepth` deep, so that neither
/// parsing nor evaluating a hostile template can exhaust the stack.
struct ExpressionParser {
    static let maximumDepth = 64

    let templateName: String
    private let tokens: [ExpressionToken]
    private var index = 0
    private var depth = 0

    /// `tokens` must end with an `.end` token, as the lexer writes them.
    init(tokens: [ExpressionToken], templateName: String) {
        self.tokens = tokens
        self.templateName = templateName
    }

    var current: ExpressionToken {
        index < tokens.count ? tokens[index] : tokens[tokens.count - 1]
    }

    private func peek(_ offset: Int) -> ExpressionToken {
        index + offset < tokens.count ? tokens[index + offset] : tokens[tokens.count - 1]
    }

    @discardableResult
    mutating func advance() -> ExpressionToken {
        let token = current
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    /// The whole of `${...}`: an expression and its filters, up to the closing `}`.
    mutating func parseSubstitution() throws(TemplateError) -> (Expression, [TemplateFilter]) {
        let expression = try parseTest()
        var filters: [TemplateFilter] = []
        if current.isSymbol("|") {
            advance()
            repeat {
                let token = current
                guard case .name(let name) = token.kind else { throw unexpected(token, expecting: "a filter name") }
                guard let filter = TemplateFilter(rawValue: name) else {
                    throw error("unknown filter '\(name)'", at: token.position)
                }
                filters.append(filter)
                advance()
            } while consumeSymbol(",")
        }
        try expectEnd()
        return (expression, filters)
    }

    /// Fails unless every token has been read.
    func expectEnd() throws(TemplateError) {
        guard current.isEnd else {
            let end = tokens[tokens.count - 1]
            throw unexpected(current, expecting: end.description)
        }
    }

    mutating func parseTest() throws(TemplateError) -> Expression {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else { throw error("expression nested too deeply", at: current.position) }
        let then = try parseOr()
        guard current.isKeyword("if") else { return then }
        advance()
        let condition = try parseOr()
        guard current.isKeyword("else") else { throw unexpected(current, expecting: "'else'") }
        advance()
        let otherwise = try parseTest()
        return .conditional(then: then, condition: condition, otherwise: otherwise)
    }

    private mutating func parseOr() throws(TemplateError) -> Expression {
        var operands = [try parseAnd()]
        while current.isKeyword("or") {
            advance()
            operands.append(try parseAnd())
        }
        return operands.count == 1 ? operands[0] : .or(operands)
    }

    private mutating func parseAnd() throws(TemplateError) -> Expression {
        var operands = [try parseNot()]
        while current.isKeyword("and") {
            advance()
            operands.append(try parseNot())
        }
        return operands.count == 1 ? operands[0] : .and(operands)
    }

    private mutating func parseNot() throws(TemplateError) -> Expression {
        var count = 0
        while current.isKeyword("not") {
            advance()
            count += 1
        }
        let operand = try parseComparison()
        return count == 0 ? operand : .not(operand, count: count)
    }

    private mutating func parseComparison() throws(TemplateError) -> Expression {
        let first = try parseSum()
        var rest: [(ComparisonOperator, Expression, TemplatePosition)] = []
        while let comparison = comparisonOperator() {
            let position = current.position
            advance(by: comparison == .notContains ? 2 : 1)
            rest.append((comparison, try parseSum(), position))
        }
        return rest.isEmpty ? first : .compare(first, rest)
    }

    private func comparisonOperator() -> ComparisonOperator? {
        switch current.kind {
        case .symbol(let symbol): return ComparisonOperator(rawValue: symbol)
        case .keyword("in"): return .contains
        case .keyword("not") where peek(1).isKeyword("in"): return .notContains
        default: return nil
        }
    }

    private mutating func advance(by count: Int) {
        for _ in 0..<count { advance() }
    }

    private mutating func parseSum() throws(TemplateError) -> Expression {
        let first = try parseUnary()
        var rest: [(ArithmeticOperator, Expression, TemplatePosition)] = []
        while case .symbol(let symbol) = current.kind, let op = ArithmeticOperator(rawValue: symbol) {
            let position = advance().position
            rest.append((op, try parseUnary(), position))
        }
        return rest.isEmpty ? first : .arithmetic(first, rest)
    }

    private mutating func parseUnary() throws(TemplateError) -> Expression {
        let position = current.position
        var count = 0
        while current.isSymbol("-") {
            advance()
            count += 1
        }
        let operand = try parsePostfix()
        return count == 0 ? operand : .negate(operand, count: count, position)
    }

    private mutating func parsePostfix() throws(TemplateError) -> Expression {
        let base = try parseAtom()
        var trailers: [Expression.Trailer] = []
        while true {
            if current.isSymbol(".") {
                advance()
                guard case .name(let name) = current.kind else {
                    throw unexpected(current, expecting: "an attribute name")
                }
                trailers.append(.attribute(name, advance().position))
            } else if current.isSymbol("[") {
                let position = advance().position
                let index = try parseTest()
                try expectSymbol("]")
                trailers.append(.index(index, position))
            } else if current.isSymbol("(") {
                throw error("only repr, len, indent and lines can be called", at: current.position)
            } else {
                break
            }
        }
        return trailers.isEmpty ? base : .postfix(base, trailers)
    }

    private mutating func parseAtom() throws(TemplateError) -> Expression {
        let token = current
        switch token.kind {
        case .name(let name):
            advance()
            guard current.isSymbol("(") else { return .name(name, token.position) }
            return try parseCall(name, at: token.position)
        case .string(let value):
            advance()
            var text = value
            while case .string(let next) = current.kind {
                text += next
                advance()
            }
            return .literal(.string(text))
        case .integer(let value):
            advance()
            return .literal(.int(value))
        case .float(let value):
            advance()
            return .literal(.double(value))
        case .keyword("True"):
            advance()
            return .literal(.bool(true))
        case .keyword("False"):
            advance()
            return .literal(.bool(false))
        case .keyword("None"):
            advance()
            return .literal(.none)
        case .symbol("("):
            advance()
            let inner = try parseTest()
            try expectSymbol(")")
            return inner
        case .symbol("["):
            advance()
            return .list(try parseItems(closedBy: "]"))
        default:
            throw unexpected(token, expecting: "an expression")
        }
    }

    private mutating func parseCall(_ name: String, at position: TemplatePosition) throws(TemplateError) -> Expression {
        guard let function = TemplateFunction(rawValue: name) else {
            throw error("unknown function '\(name)'", at: position)
        }
        advance()
        let arguments = try parseItems(closedBy: ")")
        guard arguments.count == function.arity else {
            let plural = function.arity == 1 ? "" : "s"
            throw error("\(name)() takes \(function.arity) argument\(plural) (\(arguments.count) given)", at: position)
        }
        return .call(function, arguments, position)
    }

    /// Comma-separated expressions up to `closing` (a trailing comma allowed); the opening
    /// bracket has been read.
    private mutating func parseItems(closedBy closing: String) throws(TemplateError) -> [Expression] {
        var items: [Expression] = []
        while !current.isSymbol(closing) {
            items.append(try parseTest())
            guard consumeSymbol(",") else { break }
        }
        try expectSymbol(closing)
        return items
    }

    private mutating func consumeSymbol(_ symbol: String) -> Bool {
        guard current.isSymbol(symbol) else { return false }
        advance()
        return true
    }

    mutating func expectSymbol(_ symbol: String) throws(TemplateError) {
        guard current.isSymbol(symbol) else { throw unexpected(current, expecting: "'\(symbol)'") }
        advance()
    }

    func unexpected(_ token: ExpressionToken, expecting expected: String) -> TemplateError {
        error("expected \(expected), found \(token.description)", at: token.position)
    }

    func error(_ message: String, at position: TemplatePosition) -> TemplateError {
        TemplateError(templateName: templateName, position: position, message: message)
    }
}
