/// Small helpers for the SQL text model values hold, shared by the model types, the catalog
/// readers and the renderers (one of each, not a copy per caller).
public enum SQLText {
    /// `text` without the white space around it.
    public static func trimmed(_ text: String) -> String {
        var body = Substring(text)
        while let c = body.first, c.isWhitespace { body.removeFirst() }
        while let c = body.last, c.isWhitespace { body.removeLast() }
        return String(body)
    }

    /// `lower(a), (b || ',')` -> [`lower(a)`, `(b || ',')`]: `list` split at the commas outside
    /// parentheses, brackets and quotes, each part trimmed; nothing for an empty list.
    public static func splitTopLevel(_ list: String) -> [String] {
        guard !list.isEmpty else { return [] }
        var parts: [String] = []
        var current = ""
        var depth = 0
        var quote: Character?
        for ch in list {
            if let q = quote {
                if ch == q { quote = nil }
            } else if ch == "'" || ch == "\"" {
                quote = ch
            } else if ch == "(" || ch == "[" {
                depth += 1
            } else if ch == ")" || ch == "]" {
                depth -= 1
            } else if ch == ",", depth == 0 {
                parts.append(trimmed(current))
                current = ""
                continue
            }
            current.append(ch)
        }
        parts.append(trimmed(current))
        return parts
    }

    /// A planner estimate as SQL and Swift both write it: `100`, `0.5`.
    public static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }
}
