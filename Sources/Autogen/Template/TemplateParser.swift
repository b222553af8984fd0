/// Builds the node tree from the lexer's pieces: parses each expression and matches every
/// `% if` with its `% elif` / `% else` / `% endif` and every `% for` with its `% endfor`.
///
/// Blocks may nest at most `maximumNesting` deep.
struct TemplateParser {
    static let maximumNesting = 64

    let templateName: String

    /// An open `% if` or `% for` whose body is being read.
    private struct OpenBlock {
        enum Kind {
            case conditional
            case loop(variable: String, sequence: Expression, TemplatePosition)
        }

        var kind: Kind
        /// Where the block's `%` is.
        var opened: TemplatePosition
        /// The nodes of the branch (or loop body) being read.
        var body: [TemplateNode] = []
        /// For a conditional: the finished branches.
        var branches: [(Expression, [TemplateNode])] = []
        /// For a conditional: the condition of the branch being read, nil in the `% else` body.
        var condition: Expression?
        /// For a conditional: where its `% else` is, once read.
        var elseAt: TemplatePosition?

        var spelling: String {
            if case .loop = kind { return "'% for'" }
            return "'% if'"
        }

        /// Closes the `% if` / `% elif` branch being read.
        mutating func finishBranch() {
            if let condition { branches.append((condition, body)) }
            condition = nil
            body = []
        }
    }

    /// The template's nodes; `end` is the position just past the source, where a block that
    /// is never closed is reported.
    func parse(_ pieces: [TemplatePiece], end: TemplatePosition) throws(TemplateError) -> [TemplateNode] {
        var root: [TemplateNode] = []
        var open: [OpenBlock] = []

        func append(_ node: TemplateNode) {
            if open.isEmpty { Self.append(node, to: &root) } else { Self.append(node, to: &open[open.count - 1].body) }
        }

        for piece in pieces {
            switch piece {
            case .text(let text):
                append(.text(text))
            case .substitution(let tokens, _):
                var parser = ExpressionParser(tokens: tokens, templateName: templateName)
                let (expression, filters) = try parser.parseSubstitution()
                append(.substitution(expression, filters))
            case .control(let tokens, let position):
                var parser = ExpressionParser(tokens: tokens, templateName: templateName)
                let statement = try parser.parseControlStatement()
                switch statement {
                case .ifBlock(let condition):
                    try checkNesting(open.count, at: position)
                    open.append(OpenBlock(kind: .conditional, opened: position, condition: condition))
                case .forLoop(let variable, let sequence, let sequencePosition):
                    try checkNesting(open.count, at: position)
                    let kind = OpenBlock.Kind.loop(variable: variable, sequence: sequence, sequencePosition)
                    open.append(OpenBlock(kind: kind, opened: position))
                case .elifBranch(let condition):
                    var block = try openConditional(open.last, for: statement, at: position)
                    if let elseAt = block.elseAt {
                        throw error("'% elif' after '% else' at line \(elseAt.line)", at: position)
                    }
                    block.finishBranch()
                    block.condition = condition
                    open[open.count - 1] = block
                case .elseBranch:
                    var block = try openConditional(open.last, for: statement, at: position)
                    if let elseAt = block.elseAt {
                        throw error("'% else' after '% else' at line \(elseAt.line)", at: position)
                    }
                    block.finishBranch()
                    block.elseAt = position
                    open[open.count - 1] = block
                case .endIf:
                    var block = try openConditional(open.last, for: statement, at: position)
                    open.removeLast()
                    var otherwise: [TemplateNode] = []
                    if block.elseAt != nil { otherwise = block.body } else { block.finishBranch() }
                    append(.conditional(block.branches, otherwise: otherwise))
                case .endFor:
                    guard let block = open.last else { throw error("'% endfor' without '% for'", at: position) }
                    guard case .loop(let variable, let sequence, let sequenceAt) = block.kind else {
                        throw error(
                            "'% endfor' found while '% if' at line \(block.opened.line) is open", at: position)
                    }
                    open.removeLast()
                    append(.loop(variable: variable, sequence: sequence, body: block.body, sequenceAt))
                }
            }
        }
        if let block = open.last {
            throw error("\(block.spelling) at line \(block.opened.line) is never closed", at: end)
        }
        return root
    }

    /// Appends a node, merging adjacent text.
    private static func append(_ node: TemplateNode, to nodes: inout [TemplateNode]) {
        if case .text(let next) = node, case .text(let previous)? = nodes.last {
            nodes[nodes.count - 1] = .text(previous + next)
        } else {
            nodes.append(node)
        }
    }

    private func checkNesting(_ depth: Int, at position: TemplatePosition) throws(TemplateError) {
        guard depth < Self.maximumNesting else {
            throw error("blocks nested more than \(Self.maximumNesting) deep", at: position)
        }
    }

    /// The innermost open block, which must be a `% if` for `statement` to belong to it.
    private func openConditional(
        _ block: OpenBlock?, for statement: ControlStatement, at position: TemplatePosition
    ) throws(TemplateError) -> OpenBlock {
        guard let block else { throw error("\(statement.spelling) without '% if'", at: position) }
        guard case .conditional = block.kind else {
            throw error("\(statement.spelling) found while '% for' at line \(block.opened.line) is open", at: position)
        }
        return block
    }

    private func error(_ message: String, at position: TemplatePosition) -> TemplateError {
        TemplateError(templateName: templateName, position: position, message: message)
    }
}
