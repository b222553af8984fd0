/// Parses the declarative part of Swift that model files are written in: `import` lines and
/// top-level `let` constants whose values are calls, member chains, literals, array literals
/// and builder closures of such expressions. The first statement outside it (`func`, `for`,
/// `if`, `var`, a closure with parameters, ...) makes the file unreadable here.
struct SourceParser {
    private let tokens: [SourceToken]
    private var index = 0

    private static let accessModifiers: Set<String> = ["private", "fileprivate", "internal", "public"]
    private static let statementKeywords: [String: String] = [
        "if": "`if`", "for": "`for` loop", "switch": "`switch`", "let": "a local `let`", "var": "`var`",
        "guard": "`guard`", "while": "`while` loop", "return": "`return`", "do": "`do`", "func": "a function",
        "try": "`try`", "await": "`await`",
    ]

    init(tokens: [SourceToken]) { self.tokens = tokens }

    static func parse(_ text: String) throws(ModelUnreadable) -> SourceFile {
        var parser = SourceParser(tokens: SourceLexer.tokens(of: text))
        return try parser.file()
    }

    private var current: SourceToken {
        _read { yield tokens[index] }
    }

    private mutating func advance() -> SourceToken {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    private func isPunctuation(_ mark: Character) -> Bool { current.kind == .punctuation(mark) }

    private mutating func expect(_ mark: Character) throws(ModelUnreadable) {
        guard isPunctuation(mark) else { throw unexpected("`\(mark)`") }
        _ = advance()
    }

    private func unexpected(_ wanted: String) -> ModelUnreadable {
        failure(ModelUnreadable(current.position, "\(describe(current)) where \(wanted) was expected"))
    }

    /// `problem`, or the lexer's own when the current token is where the lexer stopped.
    private func failure(_ problem: ModelUnreadable) -> ModelUnreadable {
        if case .invalid(let lexical) = current.kind { return lexical }
        return problem
    }

    private func describe(_ token: SourceToken) -> String {
        switch token.kind {
        case .identifier(let name): return Self.statementKeywords[name] ?? "`\(name)`"
        case .string: return "a string literal"
        case .integer, .float: return "a number"
        case .punctuation(let mark): return "`\(mark)`"
        case .invalid(let problem): return problem.reason
        case .end: return "the end of the file"
        }
    }

    private mutating func identifier() throws(ModelUnreadable) -> String {
        guard case .identifier(let name) = current.kind else { throw unexpected("a name") }
        _ = advance()
        return name
    }

    /// After a statement: `;`, a line break, or what closes the enclosing block.
    private mutating func endStatement(closing: Character?) throws(ModelUnreadable) {
        if isPunctuation(";") {
            _ = advance()
            return
        }
        if current.kind == .end || current.startsLine { return }
        if let closing, isPunctuation(closing) { return }
        throw failure(ModelUnreadable(current.position, "two statements on one line"))
    }

    private mutating func file() throws(ModelUnreadable) -> SourceFile {
        var file = SourceFile()
        while current.kind != .end {
            let start = current.position
            guard case .identifier(var word) = current.kind else { throw unexpected("a declaration") }
            if word == "import" {
                _ = advance()
                let name = try identifier()
                if isPunctuation(".") { throw ModelUnreadable(start, "an import of a submodule") }
                file.imports.append((name, start))
            } else {
                if Self.accessModifiers.contains(word) {
                    _ = advance()
                    guard case .identifier(let next) = current.kind else { throw unexpected("`let`") }
                    word = next
                }
                guard word == "let" else {
                    throw failure(ModelUnreadable(current.position, "\(describe(current)) at the top level"))
                }
                _ = advance()
                file.bindings.append(try binding(start))
            }
            try endStatement(closing: nil)
        }
        return file
    }

    /// Swift's reserved words, which cannot name a constant without backticks.
    private static let reserved: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
        "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public", "rethrows",
        "static", "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue", "default", "defer",
        "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw", "switch", "where",
        "while", "Any", "as", "await", "false", "is", "nil", "self", "Self", "super", "throws", "true", "try", "_",
    ]

    private mutating func binding(_ start: SourcePosition) throws(ModelUnreadable) -> SourceBinding {
        let namePosition = current.position
        let name = try identifier()
        if Self.reserved.contains(name) { throw ModelUnreadable(namePosition, "the reserved word `\(name)` as a name") }
        // Types and the environment's own declarations (`Environment`, the revision types,
        // Autogen's types) have capitalized names: a constant named so could clash with them.
        if name.first?.isUppercase ?? false {
            throw ModelUnreadable(namePosition, "a capitalized constant name, `\(name)`")
        }
        var type: SourceTypeName?
        if isPunctuation(":") {
            _ = advance()
            if isPunctuation("[") {
                _ = advance()
                type = SourceTypeName(name: try identifier(), isArray: true)
                try expect("]")
            } else {
                type = SourceTypeName(name: try identifier(), isArray: false)
            }
        }
        let equals = current
        try expect("=")
        // Swift wants the same spacing on both sides of `=` (`let x =1` is an error).
        if equals.spaceBefore != current.spaceBefore {
            throw ModelUnreadable(equals.position, "`=` spaced differently on its two sides")
        }
        return SourceBinding(name: name, type: type, value: try expression(), position: start)
    }

    private mutating func expression() throws(ModelUnreadable) -> SourceExpression {
        var result = try primary()
        while true {
            if isPunctuation(".") {
                // `a.b`, or `.b` opening a line; Swift reads `a .b` and `a. b` otherwise.
                let dot = advance()
                guard dot.startsLine || !dot.spaceBefore, !current.spaceBefore else {
                    throw ModelUnreadable(dot.position, "a `.` with a space beside it")
                }
                // Positioned at the name, where the compiler reports a wrong one.
                let namePosition = current.position
                result = .member(result, try identifier(), namePosition)
            } else if isPunctuation("("), !current.startsLine {
                let position = advance().position
                let arguments = try argumentList()
                var closure: [SourceExpression]?
                if isPunctuation("{"), !current.startsLine { closure = try closureBody() }
                result = .call(result, arguments, closure: closure, position)
            } else if isPunctuation("{"), !current.startsLine {
                let position = current.position
                result = .call(result, [], closure: try closureBody(), position)
            } else {
                return result
            }
        }
    }

    private mutating func primary() throws(ModelUnreadable) -> SourceExpression {
        let token = current
        switch token.kind {
        case .identifier(let name):
            if let keyword = Self.statementKeywords[name] { throw ModelUnreadable(token.position, keyword) }
            _ = advance()
            return .name(name, token.position)
        case .string(let text):
            _ = advance()
            return .string(text, token.position)
        case .integer(let digits):
            _ = advance()
            return .integer(digits, token.position)
        case .float(let text):
            _ = advance()
            return .float(text, token.position)
        case .punctuation("."):
            _ = advance()
            if current.spaceBefore { throw ModelUnreadable(token.position, "a `.` with a space beside it") }
            return .implicitMember(try identifier(), token.position)
        case .punctuation("-"):
            // Swift reads `-1` as a negative literal only when the sign touches the number and
            // is not bound to what comes before (`=-1` is another operator).
            let previous = index > 0 ? tokens[index - 1].kind : .end
            let opening = [SourceToken.Kind.punctuation("("), .punctuation("["), .punctuation(","), .punctuation(":")]
            guard token.spaceBefore || opening.contains(previous) else {
                throw ModelUnreadable(token.position, "the `-` operator")
            }
            _ = advance()
            let next = current
            guard next.position.line == token.position.line, next.position.column == token.position.column + 1
            else { throw ModelUnreadable(token.position, "the `-` operator") }
            _ = advance()
            switch next.kind {
            case .integer(let digits): return .integer("-" + digits, token.position)
            case .float(let text): return .float("-" + text, token.position)
            default: throw ModelUnreadable(token.position, "the `-` operator")
            }
        case .punctuation("["):
            _ = advance()
            var elements: [SourceExpression] = []
            while !isPunctuation("]") {
                if isPunctuation(":") { throw ModelUnreadable(current.position, "a dictionary literal") }
                elements.append(try expression())
                if isPunctuation(",") {
                    _ = advance()
                } else if !isPunctuation("]") {
                    throw unexpected("`,` or `]`")
                }
            }
            _ = advance()
            return .array(elements, token.position)
        default:
            throw unexpected("an expression")
        }
    }

    /// `(a, label: b)` after the `(`; a trailing comma is left to the compiler.
    private mutating func argumentList() throws(ModelUnreadable) -> [SourceArgument] {
        var arguments: [SourceArgument] = []
        while !isPunctuation(")") {
            var label: String?
            if case .identifier(let name) = current.kind, tokens[index + 1].kind == .punctuation(":") {
                label = name
                _ = advance()
                _ = advance()
            }
            arguments.append(SourceArgument(label: label, value: try expression()))
            if isPunctuation(",") {
                _ = advance()
                if isPunctuation(")") { throw ModelUnreadable(current.position, "a trailing comma in arguments") }
            } else if !isPunctuation(")") {
                throw unexpected("`,` or `)`")
            }
        }
        _ = advance()
        return arguments
    }

    /// A builder closure's statements, each an expression.
    private mutating func closureBody() throws(ModelUnreadable) -> [SourceExpression] {
        try expect("{")
        var statements: [SourceExpression] = []
        while !isPunctuation("}") {
            if current.kind == .end { throw unexpected("`}`") }
            statements.append(try expression())
            try endStatement(closing: "}")
        }
        _ = advance()
        return statements
    }
}
