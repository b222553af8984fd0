/// A PostgreSQL function or procedure:
/// `Function("add_tax", arguments: "amount numeric", returns: "numeric", language: "sql", volatility: .immutable,
/// body: "SELECT amount * 1.2")`, or `Procedure("archive", arguments: "before date", language: "plpgsql", body: ...)`.
///
/// A function is known by its schema, name and argument types (PostgreSQL overloads names).
/// Arguments and the result are written as PostgreSQL prints them (`pg_get_function_arguments`,
/// `pg_get_function_result`); compare asks the server for its own spelling of a changed model
/// function, so `a int` and `a integer` are the same. The body is kept as written and
/// compared without the white space around it.
public struct Function: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// An aggregate holds its `CREATE AGGREGATE` options in `body` (`SFUNC = ..., STYPE = ...`).
        case function, procedure, aggregate
    }

    public enum Volatility: String, Sendable, Hashable, Codable, CaseIterable {
        case volatile, stable, immutable
    }

    public enum Parallel: String, Sendable, Hashable, Codable, CaseIterable {
        case unsafe, restricted, safe
    }

    public var schema: String?
    public var name: String
    public var kind: Kind
    /// The argument list, `a integer, b text DEFAULT 'x'::text`.
    public var arguments: String
    /// The result type, `integer`, `SETOF account`, `TABLE(id integer)`, `trigger`; nil for a
    /// procedure.
    public var returns: String?
    /// `sql`, `plpgsql`, ...
    public var language: String
    /// The source between the dollar quotes, or with `standardBody` a SQL-standard body
    /// (`RETURN a + 1`, `BEGIN ATOMIC ... END`) written without quotes.
    public var body: String
    public var standardBody: Bool
    public var volatility: Volatility
    /// `STRICT`: returns null on null input without running.
    public var strict: Bool
    public var securityDefiner: Bool
    public var leakproof: Bool
    public var parallel: Parallel
    /// The planner's cost estimate; nil for the language's default (1 for C and internal, 100 otherwise).
    public var cost: Double?
    /// The planner's row estimate of a set-returning function; nil for the default (1000).
    public var rows: Double?
    /// `SET name = value` clauses, as `name=value` (the catalog's spelling), in order.
    public var settings: [String]
    public var comment: String?
    /// The function's previous name, to rename it instead of dropping it and creating a new one.
    public var renamedFrom: String?

    public init(
        _ name: String, schema: String? = nil, arguments: String = "", returns: String, language: String,
        volatility: Volatility = .volatile, strict: Bool = false, securityDefiner: Bool = false,
        leakproof: Bool = false, parallel: Parallel = .unsafe, cost: Double? = nil, rows: Double? = nil,
        settings: [String] = [], standardBody: Bool = false, comment: String? = nil, body: String
    ) {
        self.schema = schema
        self.name = name
        self.kind = .function
        self.arguments = arguments
        self.returns = returns
        self.language = language
        self.body = body
        self.standardBody = standardBody
        self.volatility = volatility
        self.strict = strict
        self.securityDefiner = securityDefiner
        self.leakproof = leakproof
        self.parallel = parallel
        self.cost = cost
        self.rows = rows
        self.settings = settings
        self.comment = comment
    }

    /// `schema.name`, or `name` in the default schema.
    public var qualifiedName: String { schema.map { "\($0).\(name)" } ?? name }

    /// What identifies it among the schema's functions: its name and argument list without
    /// defaults and OUT arguments (`name(a integer, b text)`, as `DROP FUNCTION` takes it).
    public var key: String { qualifiedName + "(" + identityArguments + ")" }

    /// The arguments without defaults and OUT arguments (`*` for an aggregate of no argument).
    public var identityArguments: String {
        let identity = Function.identityArguments(arguments)
        return kind == .aggregate && identity.isEmpty ? "*" : identity
    }

    /// The same function, known before as `oldName` (in the same schema, with the same arguments).
    public func renamed(from oldName: String) -> Function {
        var copy = self
        copy.renamedFrom = oldName
        return copy
    }

    /// The same function with a comment.
    public func comment(_ text: String?) -> Function {
        var copy = self
        copy.comment = text
        return copy
    }

    /// Whether `other` is the same definition: every part but the name, the rename and the
    /// comment, the body without the white space around it.
    public func sameDefinition(as other: Function) -> Bool {
        kind == other.kind && arguments == other.arguments && returns == other.returns
            && language.lowercased() == other.language.lowercased() && standardBody == other.standardBody
            && SQLText.trimmed(body) == SQLText.trimmed(other.body) && volatility == other.volatility
            && strict == other.strict && securityDefiner == other.securityDefiner && leakproof == other.leakproof
            && parallel == other.parallel && cost == other.cost && rows == other.rows && settings == other.settings
    }

    /// `arguments` without `DEFAULT` / `=` parts and OUT arguments (which do not identify a
    /// function): the spelling `DROP FUNCTION` takes.
    public static func identityArguments(_ arguments: String) -> String {
        var parts: [String] = []
        for argument in SQLText.splitTopLevel(arguments) {
            var words = argument
            for marker in [" DEFAULT ", " default ", "="] {
                if let range = topLevelRange(of: marker, in: words) { words = String(words[..<range.lowerBound]) }
            }
            words = SQLText.trimmed(words)
            let lower = words.lowercased()
            if lower.hasPrefix("out ") { continue }
            if lower.hasPrefix("in ") { words = SQLText.trimmed(String(words.dropFirst(3))) }
            if !words.isEmpty { parts.append(words) }
        }
        return parts.joined(separator: ", ")
    }

    private static func topLevelRange(of marker: String, in text: String) -> Range<String.Index>? {
        var depth = 0
        var quote: Character?
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "'" || c == "\"" {
                quote = c
            } else if c == "(" {
                depth += 1
            } else if c == ")" {
                depth -= 1
            } else if depth == 0, text[i...].hasPrefix(marker) {
                return i..<text.index(i, offsetBy: marker.count)
            }
            i = text.index(after: i)
        }
        return nil
    }
}

/// A PostgreSQL procedure: `Procedure("archive", arguments: "before date", language: "plpgsql", body: ...)`.
public func Procedure(
    _ name: String, schema: String? = nil, arguments: String = "", language: String,
    securityDefiner: Bool = false, settings: [String] = [], standardBody: Bool = false, comment: String? = nil,
    body: String
) -> Function {
    var function = Function(
        name, schema: schema, arguments: arguments, returns: "", language: language,
        securityDefiner: securityDefiner, settings: settings, standardBody: standardBody, comment: comment, body: body)
    function.kind = .procedure
    function.returns = nil
    return function
}

/// A PostgreSQL aggregate: `Aggregate("group_concat", arguments: "text", options: "SFUNC = group_concat_step, STYPE = text")`.
/// The options are `CREATE AGGREGATE`'s, compared in the server's spelling.
public func Aggregate(_ name: String, schema: String? = nil, arguments: String, options: String, comment: String? = nil)
    -> Function
{
    var function = Function(
        name, schema: schema, arguments: arguments, returns: "", language: "", comment: comment, body: options)
    function.kind = .aggregate
    function.returns = nil
    return function
}
