/// A piece of template source as the lexer splits it: literal text, a `${...}` substitution,
/// or a `%` control line, each expression already split into tokens.
enum TemplatePiece {
    /// Text to copy to the output (with `<%text>` contents, `%%` and joined lines resolved).
    case text(String)
    /// `${...}`: its tokens (ending with `.end`) and the position of its `$`.
    case substitution([ExpressionToken], TemplatePosition)
    /// A control line: the tokens after `%` (ending with `.end`) and the position of `%`.
    case control([ExpressionToken], TemplatePosition)
}
