/// Where env.swift refers to model.swift's constants, for `ModelBinding`: a read model may
/// stand in for the compiled one only when env.swift uses model.swift for nothing but handing
/// its schemas to autogen (`main(schema: schema, ...)`, `main(databases: ["main": mainSchema])`).
///
/// The scan errs on the side of finding more: it skips comments, but not string literals (a
/// name in a string counts as a use), and takes `name:` as an argument label only right after
/// `(` or `,`. A use it finds too many turns the read off; one it missed could not.
enum EnvironmentSourceUses {
    /// One reference to a name: the two significant tokens before it (`schema`, `:` for
    /// `main(schema: schema`; `"main"`, `:` in a dictionary literal).
    struct Use: Equatable {
        var before: [String]
    }

    /// The references to each of `names` in `text`.
    static func uses(of names: Set<String>, in text: String) -> [String: [Use]] {
        let tokens = self.tokens(text)
        var out: [String: [Use]] = [:]
        for (i, token) in tokens.enumerated() where names.contains(token) {
            let previous = i > 0 ? tokens[i - 1] : ""
            let next = i + 1 < tokens.count ? tokens[i + 1] : ""
            // An argument label: `(name:` or `, name:`.
            if next == ":" && (previous == "(" || previous == ",") { continue }
            out[token, default: []].append(Use(before: Array(tokens[max(0, i - 2)..<i])))
        }
        return out
    }

    /// Names (letters, digits, `_`), string literals as one token each (`"main"`), and every
    /// other character as a token of its own; comments and spaces dropped.
    static func tokens(_ text: String) -> [String] {
        let chars = Array(text.unicodeScalars)
        var tokens: [String] = []
        var i = 0
        func isName(_ c: Unicode.Scalar) -> Bool {
            c == "_" || c.properties.isAlphabetic || ("0"..."9").contains(c)
        }
        while i < chars.count {
            let c = chars[i]
            if c == "/" && i + 1 < chars.count && chars[i + 1] == "/" {
                while i < chars.count && chars[i] != "\n" && chars[i] != "\r" { i += 1 }
            } else if c == "/" && i + 1 < chars.count && chars[i + 1] == "*" {
                var depth = 0
                repeat {
                    if chars[i] == "/" && i + 1 < chars.count && chars[i + 1] == "*" {
                        depth += 1
                        i += 2
                    } else if chars[i] == "*" && i + 1 < chars.count && chars[i + 1] == "/" {
                        depth -= 1
                        i += 2
                    } else {
                        i += 1
                    }
                } while depth > 0 && i < chars.count
            } else if c == "\"" {
                // A simple string as one token; its words are also scanned as names (a name
                // in a string counts as a use).
                var j = i + 1
                while j < chars.count && chars[j] != "\"" && chars[j] != "\n" {
                    if chars[j] == "\\" { j += 1 }
                    j += 1
                }
                let literal = String(String.UnicodeScalarView(chars[i..<min(j + 1, chars.count)]))
                tokens += self.tokens(String(String.UnicodeScalarView(chars[(i + 1)..<min(j, chars.count)])))
                    .filter { $0.unicodeScalars.allSatisfy(isName) }
                tokens.append(literal)
                i = j + 1
            } else if isName(c) {
                var j = i
                while j < chars.count && isName(chars[j]) { j += 1 }
                tokens.append(String(String.UnicodeScalarView(chars[i..<j])))
                i = j
            } else {
                if !c.properties.isWhitespace { tokens.append(String(c)) }
                i += 1
            }
        }
        return tokens
    }
}
