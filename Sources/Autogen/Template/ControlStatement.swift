/// What a control line says: `% if x:`, `% elif x:`, `% else:`, `% endif`, `% for x in xs:`,
/// `% endfor`.
enum ControlStatement {
    case ifBlock(Expression)
    case elifBranch(Expression)
    case elseBranch
    case endIf
    /// The position is that of the sequence expression.
    case forLoop(variable: String, sequence: Expression, TemplatePosition)
    case endFor

    /// How the statement is written in messages: `'% if'`, `'% endfor'`.
    var spelling: String {
        switch self {
        case .ifBlock: return "'% if'"
        case .elifBranch: return "'% elif'"
        case .elseBranch: return "'% else'"
        case .endIf: return "'% endif'"
        case .forLoop: return "'% for'"
        case .endFor: return "'% endfor'"
        }
    }
}

extension ExpressionParser {
    /// Parses the tokens after a control line's `%`.
    mutating func parseControlStatement() throws(TemplateError) -> ControlStatement {
        let keyword = advance()
        let statement: ControlStatement
        switch keyword.kind {
        case .keyword("if"):
            statement = .ifBlock(try parseTest())
            try expectColon(after: "if")
        case .keyword("elif"):
            statement = .elifBranch(try parseTest())
            try expectColon(after: "elif")
        case .keyword("else"):
            statement = .elseBranch
            try expectColon(after: "else")
        case .keyword("for"):
            guard case .name(let variable) = current.kind else {
                throw unexpected(current, expecting: "a loop variable name")
            }
            advance()
            guard current.isKeyword("in") else { throw unexpected(current, expecting: "'in'") }
            advance()
            let sequencePosition = current.position
            statement = .forLoop(variable: variable, sequence: try parseTest(), sequencePosition)
            try expectColon(after: "for")
        case .name("endif"):
            statement = .endIf
        case .name("endfor"):
            statement = .endFor
        case .name(let word), .keyword(let word):
            throw error("unknown control line '% \(word)'", at: keyword.position)
        case .end:
            throw error("expected if, elif, else, endif, for or endfor after '%'", at: keyword.position)
        default:
            throw unexpected(keyword, expecting: "if, elif, else, endif, for or endfor")
        }
        try expectEnd()
        return statement
    }

    private mutating func expectColon(after keyword: String) throws(TemplateError) {
        guard current.isSymbol(":") else {
            throw error("expected ':' at the end of '% \(keyword)', found \(current.description)", at: current.position)
        }
        advance()
    }
}
