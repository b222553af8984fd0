import ModelDSL

/// Reads a model file written in the DSL's declarative form (what `autogen inspect --format
/// swift` writes, and what most hand-written models are) without compiling it: the schemas
/// its top-level constants declare, made by the DSL's own code, in milliseconds.
///
/// It reads only what it can type exactly as Swift does; for anything else (a `for` loop, a
/// helper function, a constant declared in another file, string interpolation) it says where,
/// and the file is compiled instead. The compiler stays the authority: a migration
/// environment, when compiled, checks that the reader's schemas are the ones it compiled
/// (`ModelBinding`), and only then does autogen use the reader's reading of later edits.
public struct ModelReader: Sendable {
    /// The modules a readable model may import: the DSL's own and Foundation, which adds no
    /// names the DSL uses.
    static let importable: Set<String> = ["ModelDSL", "Autogen", "Foundation"]

    /// The top-level constants that are schemas, by name.
    public let schemas: [String: Schema]
    /// Every top-level constant's name, in the file's order.
    public let constants: [String]

    /// Reads `text`, the contents of a model file; throws where it stops reading.
    public init(source text: String) throws(ModelUnreadable) {
        let file = try SourceParser.parse(text)
        guard file.imports.contains(where: { $0.name == "ModelDSL" || $0.name == "Autogen" }) else {
            throw ModelUnreadable(SourcePosition(line: 1, column: 1), "no `import ModelDSL` or `import Autogen`")
        }
        if let other = file.imports.first(where: { !Self.importable.contains($0.name) }) {
            throw ModelUnreadable(other.position, "an import of `\(other.name)`")
        }
        var evaluator = try ModelEvaluator(file: file)
        var schemas: [String: Schema] = [:]
        // Every constant, used or not: the compiler type-checks them all.
        for binding in file.bindings {
            if case .schema(let schema) = try evaluator.value(of: binding.name).value { schemas[binding.name] = schema }
        }
        self.schemas = schemas
        constants = file.bindings.map(\.name)
    }
}
