/// A `file_template` setting: Python `%`-formatting with named tokens, as Alembic applies it.
///
/// The config layer has already turned the ini's `%%` into `%`, so this receives
/// `%(rev)s_%(slug)s`. Tokens: `rev`, `slug` (text) and `epoch`, `year`, `month`, `day`,
/// `hour`, `minute`, `second` (numbers). A token is `%(name)` followed by optional flags
/// (`-`, `0`, `+`, space), a width, a `.precision` and a conversion `s`, `d` or `i`;
/// `%(month).2d` is the month in at least two digits. `%%` is a literal `%`. A `/` in the
/// result puts the file in a subdirectory of the version location.
public struct FileTemplate: Hashable, Sendable {
    /// Alembic's default, `%(rev)s_%(slug)s`.
    public static let defaultTemplate = "%(rev)s_%(slug)s"

    /// The text tokens; the others are numbers.
    public static let textTokens: Set<String> = ["rev", "slug"]
    /// The number tokens.
    public static let numberTokens: Set<String> = ["epoch", "year", "month", "day", "hour", "minute", "second"]

    /// The template as configured.
    public let source: String
    let segments: [Segment]

    enum Segment: Hashable, Sendable {
        case literal(String)
        case token(Token)
    }

    struct Token: Hashable, Sendable {
        var name: String
        var leftAlign = false
        var zeroPad = false
        var sign: Character?
        var width = 0
        var precision: Int?
        var conversion: Character
    }

    /// Parses `source`; throws `FileTemplateError` (with the 1-based column) for an unknown
    /// token, a conversion other than `s`/`d`/`i`, a number conversion of a text token, a
    /// `%` without a `(name)`, or an unfinished token.
    public init(_ source: String = FileTemplate.defaultTemplate) throws {
        self.source = source
        var segments: [Segment] = []
        let chars = Array(source)
        var literal = ""
        var i = 0
        func fail(_ problem: String, _ column: Int) -> FileTemplateError {
            FileTemplateError(template: source, column: column + 1, problem: problem)
        }
        while i < chars.count {
            let c = chars[i]
            guard c == "%" else {
                literal.append(c)
                i += 1
                continue
            }
            let start = i
            i += 1
            guard i < chars.count else { throw fail("'%' at the end; write '%%' for a percent sign", start) }
            if chars[i] == "%" {
                literal.append("%")
                i += 1
                continue
            }
            guard chars[i] == "(" else {
                throw fail("'%' must be followed by '(name)', e.g. '%(rev)s', or be doubled as '%%'", start)
            }
            guard let close = chars[i...].firstIndex(of: ")") else { throw fail("unclosed '%('", start) }
            var token = Token(name: String(chars[(i + 1)..<close]), conversion: "s")
            guard Self.textTokens.contains(token.name) || Self.numberTokens.contains(token.name) else {
                let known = (Self.textTokens.sorted() + Self.numberTokens.sorted()).joined(separator: ", ")
                throw fail("unknown token '\(token.name)' (known: \(known))", start)
            }
            i = close + 1
            while i < chars.count, "-0+ #".contains(chars[i]) {
                switch chars[i] {
                case "-": token.leftAlign = true
                case "0": token.zeroPad = true
                case "+", " ": token.sign = chars[i]
                default: break
                }
                i += 1
            }
            var width = ""
            while i < chars.count, chars[i].isASCII, chars[i].isNumber {
                width.append(chars[i])
                i += 1
            }
            token.width = Int(width) ?? 0
            if i < chars.count, chars[i] == "." {
                i += 1
                var precision = ""
                while i < chars.count, chars[i].isASCII, chars[i].isNumber {
                    precision.append(chars[i])
                    i += 1
                }
                token.precision = Int(precision) ?? 0
            }
            guard i < chars.count else {
                throw fail("token '%(\(token.name))' has no conversion such as 's' or 'd'", start)
            }
            let conversion = chars[i]
            guard conversion == "s" || conversion == "d" || conversion == "i" else {
                throw fail("unsupported conversion '\(conversion)' for '%(\(token.name))' (use s or d)", i)
            }
            if conversion != "s", Self.textTokens.contains(token.name) {
                throw fail("'%(\(token.name))\(conversion)' needs a number, but '\(token.name)' is text (use s)", start)
            }
            token.conversion = conversion
            i += 1
            if !literal.isEmpty {
                segments.append(.literal(literal))
                literal = ""
            }
            segments.append(.token(token))
        }
        if !literal.isEmpty { segments.append(.literal(literal)) }
        self.segments = segments
    }

    /// The file name (without `.swift`) for a revision.
    public func render(revisionID: String, slug: String, date: CreateDate) -> String {
        var out = ""
        for segment in segments {
            switch segment {
            case .literal(let text):
                out += text
            case .token(let token):
                let value: TokenValue
                switch token.name {
                case "rev": value = .text(revisionID)
                case "slug": value = .text(slug)
                case "epoch": value = .number(date.epoch)
                case "year": value = .number(date.year)
                case "month": value = .number(date.month)
                case "day": value = .number(date.day)
                case "hour": value = .number(date.hour)
                case "minute": value = .number(date.minute)
                default: value = .number(date.second)
                }
                out += Self.format(value, token)
            }
        }
        return out
    }

    enum TokenValue {
        case text(String)
        case number(Int)
    }

    static func format(_ value: TokenValue, _ token: Token) -> String {
        var body: String
        switch (value, token.conversion) {
        case (.text(let text), _):
            body = text
            if let precision = token.precision { body = String(text.prefix(precision)) }
        case (.number(let number), "s"):
            body = String(number)
            if let precision = token.precision { body = String(body.prefix(precision)) }
        case (.number(let number), _):
            var digits = String(number.magnitude)
            if let precision = token.precision, digits.count < precision {
                digits = String(repeating: "0", count: precision - digits.count) + digits
            }
            let sign = number < 0 ? "-" : token.sign.map(String.init) ?? ""
            body = sign + digits
            if token.zeroPad, !token.leftAlign, body.count < token.width {
                return sign + String(repeating: "0", count: token.width - body.count) + digits
            }
        }
        guard body.count < token.width else { return body }
        let padding = String(repeating: " ", count: token.width - body.count)
        return token.leftAlign ? body + padding : padding + body
    }

    /// The default template, which parses by construction.
    init(uncheckedDefault: Void) {
        source = Self.defaultTemplate
        segments = [
            .token(Token(name: "rev", conversion: "s")), .literal("_"), .token(Token(name: "slug", conversion: "s")),
        ]
    }
}

/// A `file_template` that cannot be applied; names the template and the column.
public struct FileTemplateError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The template as configured.
    public let template: String
    /// 1-based column of the offending `%`.
    public let column: Int
    /// What is wrong.
    public let problem: String

    public var description: String {
        "file_template '\(template)', column \(column): \(problem)"
    }
}
