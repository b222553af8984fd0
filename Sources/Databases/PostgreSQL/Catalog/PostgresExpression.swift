/// A parsed SQL expression, just detailed enough to compare the way a user writes an
/// expression with the way PostgreSQL's catalog respells it.
indirect enum PostgresExpression: Equatable {
    /// A literal, a column, a keyword constant (`null`, `current_timestamp`), or `*`.
    case leaf(PostgresToken)
    case call(name: String, arguments: [PostgresExpression], distinct: Bool)
    case array([PostgresExpression])
    /// `not x`, `-x`, `+x`.
    case prefix(String, PostgresExpression)
    /// `x is null`, `x is not true`, ...
    case suffix(PostgresExpression, String)
    case binary(String, PostgresExpression, PostgresExpression)
    /// `a and b and c`, `a or b`: flattened, so grouping does not matter.
    case chain(String, [PostgresExpression])
    case cast(PostgresExpression, String)
    case element(PostgresExpression, PostgresExpression)

    /// Binding strength, as in PostgreSQL's operator precedence table (higher binds tighter).
    var precedence: Int {
        switch self {
        case .leaf, .call, .array: return 100
        case .cast, .element: return 12
        case .prefix(let op, _): return op == "not" ? 3 : 11
        case .suffix: return 4
        case .binary(let op, _, _): return Self.binaryPrecedence(op)
        case .chain(let op, _): return op == "or" ? 1 : 2
        }
    }

    static func binaryPrecedence(_ op: String) -> Int {
        switch op {
        case "<", ">", "=", "<=", ">=", "<>": return 5
        case "~~", "~~*", "!~~", "!~~*": return 6
        case "+", "-": return 8
        case "*", "/", "%": return 9
        case "^": return 10
        default: return 7
        }
    }

    /// The canonical text: lowercase, single spaces, only the parentheses precedence needs.
    var text: String {
        switch self {
        case .leaf(let token): return token.text
        case .call(let name, let arguments, let distinct):
            return name + "(" + (distinct ? "distinct " : "") + arguments.map(\.text).joined(separator: ", ") + ")"
        case .array(let items): return "array[" + items.map(\.text).joined(separator: ", ") + "]"
        case .prefix(let op, let operand):
            return (op == "not" ? "not " : op) + operand.wrapped(if: operand.precedence < precedence)
        case .suffix(let operand, let op): return operand.wrapped(if: operand.precedence < precedence) + " " + op
        case .binary(let op, let left, let right):
            return left.wrapped(if: left.precedence < precedence) + " " + op + " "
                + right.wrapped(if: right.precedence <= precedence)
        case .chain(let op, let items):
            return items.map { $0.wrapped(if: $0.precedence <= precedence) }.joined(separator: " " + op + " ")
        case .cast(let operand, let type): return operand.wrapped(if: operand.precedence < precedence) + "::" + type
        case .element(let operand, let index):
            return operand.wrapped(if: operand.precedence < precedence) + "[" + index.text + "]"
        }
    }

    private func wrapped(if needed: Bool) -> String { needed ? "(" + text + ")" : text }
}

/// Parses the tokens of an expression (precedence climbing). Throws on anything it does not
/// know (sub-selects, CASE, ...); the normalizer then falls back to comparing tokens.
struct PostgresExpressionParser {
    struct Failure: Error {}

    private let tokens: [PostgresToken]
    private var position = 0

    init(_ tokens: [PostgresToken]) { self.tokens = tokens }

    /// The whole token list as one expression.
    static func parse(_ tokens: [PostgresToken]) throws(Failure) -> PostgresExpression {
        var parser = PostgresExpressionParser(tokens)
        let expression = try parser.expression(0)
        guard parser.position == tokens.count else { throw Failure() }
        return expression
    }

    private var current: PostgresToken? { position < tokens.count ? tokens[position] : nil }

    private func peek(_ offset: Int = 0) -> PostgresToken? {
        position + offset < tokens.count ? tokens[position + offset] : nil
    }

    private func isWord(_ word: String, at offset: Int = 0) -> Bool {
        peek(offset).map { $0.kind == .word && $0.text == word } ?? false
    }

    private func isSymbol(_ symbol: String, at offset: Int = 0) -> Bool {
        peek(offset).map { $0.kind == .symbol && $0.text == symbol } ?? false
    }

    private mutating func expect(symbol: String) throws(Failure) {
        guard isSymbol(symbol) else { throw Failure() }
        position += 1
    }

    private mutating func expect(word: String) throws(Failure) {
        guard isWord(word) else { throw Failure() }
        position += 1
    }

    /// Keywords that cannot start an operand. `is`, `like`, `between`, ... are not among them:
    /// there they are names (`between > 0`, `"like"(a, b)`; the catalog quotes them).
    private static let reserved: Set<String> = [
        "and", "or", "not", "in", "case", "when", "then", "else", "end", "select", "from", "where", "collate",
        "distinct",
    ]

    mutating func expression(_ minimum: Int) throws(Failure) -> PostgresExpression {
        var left = try prefixExpression()
        while let token = current {
            if token.kind == .symbol, token.text == "::" {
                guard 12 >= minimum else { break }
                position += 1
                left = PostgresExpressionNormalizer.simplifiedCast(left, try typeName())
            } else if token.kind == .symbol, token.text == "[" {
                guard 12 >= minimum else { break }
                position += 1
                let index = try expression(0)
                try expect(symbol: "]")
                left = .element(left, index)
            } else if token.kind == .word, token.text == "and" || token.text == "or" {
                let precedence = token.text == "or" ? 1 : 2
                guard precedence >= minimum else { break }
                position += 1
                let right = try expression(precedence + 1)
                left = Self.chain(token.text, left, right)
            } else if token.kind == .word, token.text == "is" || token.text == "isnull" || token.text == "notnull" {
                guard 4 >= minimum else { break }
                left = try isSuffix(left)
            } else if let (op, negated, length) = patternOperator() {
                guard 6 >= minimum else { break }
                position += length
                left = try patternExpression(left, op, negated)
            } else if token.kind == .symbol, Self.isOperator(token.text) {
                let precedence = PostgresExpression.binaryPrecedence(token.text)
                guard precedence >= minimum else { break }
                position += 1
                left = .binary(token.text, left, try expression(precedence + 1))
            } else {
                break
            }
        }
        return left
    }

    private static func isOperator(_ text: String) -> Bool {
        guard let first = text.first else { return false }
        return "+-*/<>=~!@#%^&|`?".contains(first)
    }

    private static func chain(_ op: String, _ left: PostgresExpression, _ right: PostgresExpression)
        -> PostgresExpression
    {
        var items: [PostgresExpression] = []
        for side in [left, right] {
            if case .chain(let inner, let parts) = side, inner == op { items += parts } else { items.append(side) }
        }
        return .chain(op, items)
    }

    /// `like`, `not like`, `ilike`, `in`, `not in`, `between`, `not between` at the cursor.
    private func patternOperator() -> (String, Bool, Int)? {
        let negated = isWord("not")
        let offset = negated ? 1 : 0
        for word in ["like", "ilike", "in", "between"] where isWord(word, at: offset) {
            return (word, negated, offset + 1)
        }
        return nil
    }

    private mutating func patternExpression(_ left: PostgresExpression, _ op: String, _ negated: Bool) throws(Failure)
        -> PostgresExpression
    {
        switch op {
        case "like", "ilike":
            let symbol = (negated ? "!" : "") + (op == "like" ? "~~" : "~~*")
            return .binary(symbol, left, try expression(7))
        case "in":
            try expect(symbol: "(")
            var items = [try expression(0)]
            while isSymbol(",") {
                position += 1
                items.append(try expression(0))
            }
            try expect(symbol: ")")
            return .binary(
                negated ? "<>" : "=", left,
                .call(name: negated ? "all" : "any", arguments: [.array(items)], distinct: false))
        default:
            let low = try expression(7)
            try expect(word: "and")
            let high = try expression(7)
            return negated
                ? .chain("or", [.binary("<", left, low), .binary(">", left, high)])
                : .chain("and", [.binary(">=", left, low), .binary("<=", left, high)])
        }
    }

    private mutating func isSuffix(_ left: PostgresExpression) throws(Failure) -> PostgresExpression {
        guard let token = current else { throw Failure() }
        position += 1
        if token.text == "isnull" { return .suffix(left, "is null") }
        if token.text == "notnull" { return .suffix(left, "is not null") }
        var words = "is"
        if isWord("not") {
            words += " not"
            position += 1
        }
        if isWord("distinct") {
            position += 1
            try expect(word: "from")
            return .binary(words + " distinct from", left, try expression(5))
        }
        guard let value = current, value.kind == .word, ["null", "true", "false", "unknown"].contains(value.text) else {
            throw Failure()
        }
        position += 1
        return .suffix(left, words + " " + value.text)
    }

    private mutating func prefixExpression() throws(Failure) -> PostgresExpression {
        guard let token = current else { throw Failure() }
        position += 1
        switch token.kind {
        case .string, .number, .quotedWord:
            if token.kind == .quotedWord, isSymbol("(") { return try call(token.text) }
            return .leaf(token)
        case .symbol:
            switch token.text {
            case "(":
                let inner = try expression(0)
                try expect(symbol: ")")
                return inner
            case "-", "+":
                let operand = try expression(11)
                if token.text == "+" { return operand }
                if case .leaf(let number) = operand, number.kind == .number {
                    return .leaf(PostgresToken(kind: .number, text: "-" + number.text))
                }
                return .prefix("-", operand)
            case "*": return .leaf(token)
            default: throw Failure()
            }
        case .word:
            if token.text == "not" { return .prefix("not", try expression(3)) }
            if token.text == "array", isSymbol("[") {
                position += 1
                var items: [PostgresExpression] = []
                if !isSymbol("]") {
                    items.append(try expression(0))
                    while isSymbol(",") {
                        position += 1
                        items.append(try expression(0))
                    }
                }
                try expect(symbol: "]")
                return .array(items)
            }
            guard !Self.reserved.contains(token.text) else { throw Failure() }
            var name = token.text
            while isSymbol("."), let next = peek(1), next.kind == .word || next.kind == .quotedWord {
                name += "." + next.text
                position += 2
            }
            // `CAST(x AS type)` is how users write what the catalog spells `(x)::type`.
            if name == "cast", isSymbol("(") {
                position += 1
                let operand = try expression(0)
                guard isWord("as") else { throw Failure() }
                position += 1
                let type = try typeName()
                try expect(symbol: ")")
                return PostgresExpressionNormalizer.simplifiedCast(operand, type)
            }
            if isSymbol("(") { return try call(name) }
            // The SQL-standard spelling of `now()`, which the catalog keeps as written.
            if name == "current_timestamp" && !isSymbol("(") {
                return .call(name: "now", arguments: [], distinct: false)
            }
            return .leaf(PostgresToken(kind: .word, text: name))
        }
    }

    private mutating func call(_ name: String) throws(Failure) -> PostgresExpression {
        try expect(symbol: "(")
        var arguments: [PostgresExpression] = []
        var distinct = false
        if isWord("distinct") {
            distinct = true
            position += 1
        }
        if !isSymbol(")") {
            arguments.append(try expression(0))
            while isSymbol(",") {
                position += 1
                arguments.append(try expression(0))
            }
        }
        try expect(symbol: ")")
        // now() under its other name.
        if name == "transaction_timestamp" && arguments.isEmpty {
            return .call(name: "now", arguments: [], distinct: false)
        }
        return .call(name: name, arguments: arguments, distinct: distinct)
    }

    /// A type name after `::`: `text`, `character varying(10)`, `timestamp(3) with time zone`,
    /// `public.account_status`, `integer[]`; returned in `ColumnType`'s canonical spelling.
    private mutating func typeName() throws(Failure) -> String {
        guard let first = current, first.kind == .word || first.kind == .quotedWord else { throw Failure() }
        position += 1
        var spelled = first.text
        while isSymbol("."), let next = peek(1), next.kind == .word || next.kind == .quotedWord {
            spelled += "." + next.text
            position += 2
        }
        let continuations: Set<String> = ["varying", "precision", "with", "without", "time", "zone"]
        func continueWords(_ parser: inout PostgresExpressionParser) {
            while let next = parser.current, next.kind == .word, continuations.contains(next.text) {
                spelled += " " + next.text
                parser.position += 1
            }
        }
        continueWords(&self)
        if isSymbol("(") {
            position += 1
            var parts: [String] = []
            while let next = current, next.kind == .number {
                parts.append(next.text)
                position += 1
                if isSymbol(",") { position += 1 }
            }
            try expect(symbol: ")")
            spelled += "(" + parts.joined(separator: ",") + ")"
            continueWords(&self)
        }
        var suffix = ""
        while isSymbol("["), isSymbol("]", at: 1) {
            suffix += "[]"
            position += 2
        }
        return PostgresDialect.canonicalTypeName(spelled + suffix)
    }
}
