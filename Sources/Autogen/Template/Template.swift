/// A parsed template in the Mako subset autogen uses for revision files.
///
/// ```swift
/// let template = try Template(source: "Revises: ${down_revision | comma}\n", name: "t.mako")
/// let text = try template.render(["down_revision": ["ae1027a6acf", "27c6a30d7c24"]])
/// // "Revises: ae1027a6acf, 27c6a30d7c24\n"
/// ```
///
/// The syntax: `${expr}` with filters `| n, comma, h, trim`; control lines `% if cond:` /
/// `% elif cond:` / `% else:` / `% endif` and `% for x in xs:` / `% endfor`; `##` comment
/// lines; `<%doc>…</%doc>`; `<%text>…</%text>`; a `\` at the end of a line joins it with the
/// next. Expressions are a Python subset: names, `x.key`, `xs[0]`, `d["k"]`, literals, lists,
/// `a if c else b`, `not`, `and`, `or`, comparisons, `in`, `not in`, `+`, `-`, and the functions
/// `repr`, `len`, `indent`, `lines` (see `TemplateFunction`). Output is never escaped unless a
/// filter says so. Syntax errors are thrown by `init`; unknown names and type errors by
/// `render`, each as a `TemplateError` naming the line and column.
public struct Template: Sendable {
    /// The name used in error messages, usually the file name.
    public let name: String
    private let nodes: [TemplateNode]

    /// Parses `source`; `name` is what errors call the template.
    public init(source: String, name: String) throws(TemplateError) {
        self.name = name
        let (pieces, end) = try TemplateLexer(templateName: name).pieces(of: source)
        nodes = try TemplateParser(templateName: name).parse(pieces, end: end)
    }

    /// Renders the template with the given variables.
    public func render(_ context: [String: TemplateValue]) throws(TemplateError) -> String {
        try render(context, maximumIterations: TemplateRenderer.maximumIterations)
    }

    /// Renders with a different bound on loop iterations (for tests).
    func render(_ context: [String: TemplateValue], maximumIterations: Int) throws(TemplateError) -> String {
        var renderer = TemplateRenderer(templateName: name, context: context, maximumIterations: maximumIterations)
        var output = ""
        try renderer.render(nodes, into: &output)
        return output
    }
}
