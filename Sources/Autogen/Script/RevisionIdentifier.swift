/// The syntax of a revision identifier as a user types it, before it is resolved.
///
/// `[branch@][symbol][+N|-N]`: `branch` is a branch label or a revision (`rev@head` is the
/// head of rev's branch); `symbol` is `head`, `heads`, `base` or a name (a branch label, a
/// full id or a unique id prefix); the offset walks that many revisions up or down. Without a
/// symbol the offset is relative to the database's current revision(s).
struct RevisionIdentifier: Hashable, Sendable {
    enum Symbol: Hashable, Sendable {
        case head
        case heads
        case base
        case name(String)
    }

    /// The text as typed.
    let text: String
    let branch: String?
    let symbol: Symbol?
    let offset: Int?

    /// Parses `text`; throws `RevisionLookupError.malformed`.
    init(_ text: String) throws {
        self.text = text
        func fail(_ problem: String) -> RevisionLookupError { .malformed(identifier: text, problem: problem) }
        guard !text.isEmpty else { throw fail("it is empty") }
        guard !text.contains(where: { $0.isWhitespace }) else { throw fail("it contains whitespace") }
        guard !text.contains(":") else { throw fail("a range 'a:b' is not accepted here") }
        var rest = Substring(text)
        if let at = text.firstIndex(of: "@") {
            let label = text[..<at]
            guard !label.isEmpty else { throw fail("nothing before '@'") }
            branch = String(label)
            rest = text[text.index(after: at)...]
            guard !rest.isEmpty else { throw fail("nothing after '@'; use for example '\(label)@head'") }
            guard !rest.contains("@") else { throw fail("more than one '@'") }
        } else {
            branch = nil
        }
        if let sign = rest.firstIndex(where: { $0 == "+" || $0 == "-" }) {
            let digits = rest[rest.index(after: sign)...]
            guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let count = Int(digits) else {
                throw fail("'\(rest[sign...])' is not a step such as '+1' or '-2'")
            }
            offset = rest[sign] == "-" ? -count : count
            rest = rest[..<sign]
        } else {
            offset = nil
        }
        switch rest {
        case "": symbol = nil
        case "head": symbol = .head
        case "heads": symbol = .heads
        case "base": symbol = .base
        default: symbol = .name(String(rest))
        }
    }

    /// True for `-N` and `label@-N`: a step down from the current revision.
    var isRelativeToCurrent: Bool { symbol == nil }
}
