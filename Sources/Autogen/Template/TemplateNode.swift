/// A node of a parsed template: what the renderer walks.
indirect enum TemplateNode: Sendable {
    /// Text copied to the output.
    case text(String)
    /// `${expression | filters}`.
    case substitution(Expression, [TemplateFilter])
    /// `% if` / `% elif` branches in order, then the `% else` body (empty when there is none).
    case conditional([(Expression, [TemplateNode])], otherwise: [TemplateNode])
    /// `% for variable in sequence:`; the position is that of the sequence expression.
    case loop(variable: String, sequence: Expression, body: [TemplateNode], TemplatePosition)
}
