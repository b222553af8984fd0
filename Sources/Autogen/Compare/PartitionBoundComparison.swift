/// Whether a model's partition bound and the catalog's mean the same values, when their text
/// differs only in how the values are spelled: PostgreSQL stores `FROM ('2026-01-01')` of a
/// `timestamptz` key as `FROM ('2026-01-01 00:00:00+00')`. The two bounds are cut into tokens;
/// where everything but the values is the same, each pair of values that differs in text is
/// a question for the server (`DefaultQuestion`, cast to the key column's type), asked with
/// the default questions in the same round trip.
struct PartitionBoundComparison {
    /// The partition key's column types by position, as the dialect spells them; nil for a key
    /// that is not plain columns (an expression), whose values are compared as text.
    let keyTypes: [String]?

    enum Verdict: Equatable {
        case same
        case different
    }

    /// `.same` when the bounds name the same values (text equal, or every differing pair
    /// answered equal by the server); pending pairs are added to `questions`.
    func compare(
        model: String, database: String, answers: [DefaultQuestion: Bool], questions: inout Set<DefaultQuestion>
    )
        -> Verdict
    {
        let m = Self.tokens(model)
        let d = Self.tokens(database)
        guard m.count == d.count, let keyTypes else { return .different }
        var pending = false
        var list: String?  // FROM, TO or IN: which value list the tokens are in
        var position = 0
        for (a, b) in zip(m, d) {
            switch (a, b) {
            case (.word(let x), .word(let y)):
                guard x == y else { return .different }
                if ["FROM", "TO", "IN", "WITH"].contains(x) {
                    list = x
                    position = 0
                }
            case (.punctuation(let x), .punctuation(let y)):
                guard x == y else { return .different }
                if x == "," && list != "IN" { position += 1 }
            case (.value(let x), .value(let y)):
                guard x != y else { continue }
                // WITH (modulus 4, remainder 0) holds numbers, not key values.
                guard list == "FROM" || list == "TO" || list == "IN", position < keyTypes.count else {
                    return .different
                }
                let question = DefaultQuestion(model: x, database: y, type: keyTypes[position])
                if let answer = answers[question] {
                    if !answer { return .different }
                } else {
                    questions.insert(question)
                    pending = true
                }
            default:
                return .different
            }
        }
        return pending ? .different : .same
    }

    enum Token: Equatable {
        /// A keyword (upper-cased): FOR, VALUES, FROM, MINVALUE, DEFAULT, modulus ...
        case word(String)
        /// `(`, `)`, `,`.
        case punctuation(Character)
        /// A quoted literal (quotes kept) or a number.
        case value(String)
    }

    /// `FOR VALUES FROM ('a''b', 1) TO (MAXVALUE)` as tokens; nil-free: anything unexpected
    /// is a word of its own, so that it has to match exactly.
    static func tokens(_ text: String) -> [Token] {
        var out: [Token] = []
        var characters = Array(text)[...]
        while let c = characters.first {
            if c.isWhitespace {
                characters.removeFirst()
            } else if c == "(" || c == ")" || c == "," {
                out.append(.punctuation(c))
                characters.removeFirst()
            } else if c == "'" {
                var literal = "'"
                characters.removeFirst()
                while let next = characters.first {
                    characters.removeFirst()
                    literal.append(next)
                    if next == "'" {
                        // A doubled quote is one quote inside the literal.
                        if characters.first == "'" {
                            literal.append("'")
                            characters.removeFirst()
                        } else {
                            break
                        }
                    }
                }
                out.append(.value(literal))
            } else {
                var word = ""
                while let next = characters.first, !next.isWhitespace, !"(),'".contains(next) {
                    word.append(next)
                    characters.removeFirst()
                }
                out.append(isNumber(word) ? .value(word) : .word(word.uppercased()))
            }
        }
        return out
    }

    /// `12`, `-1.5`, `2e3`: a number, which goes to the server as it is; anything else is a
    /// word compared as text.
    static func isNumber(_ word: String) -> Bool {
        var rest = Substring(word)
        if rest.first == "-" || rest.first == "+" { rest = rest.dropFirst() }
        let mantissa = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        guard mantissa.contains(where: \.isNumber), mantissa.filter({ $0 == "." }).count <= 1 else { return false }
        rest = rest.dropFirst(mantissa.count)
        if rest.first == "e" || rest.first == "E" {
            rest = rest.dropFirst()
            if rest.first == "-" || rest.first == "+" { rest = rest.dropFirst() }
            guard !rest.isEmpty, rest.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
            return true
        }
        return rest.isEmpty
    }

    /// The column names of a partition key such as `RANGE (created_at, region)`; nil when any
    /// key is an expression.
    static func keyColumns(_ partitionKey: String) -> [String]? {
        guard let open = partitionKey.firstIndex(of: "("), partitionKey.hasSuffix(")") else { return nil }
        let inner = partitionKey[partitionKey.index(after: open)..<partitionKey.index(before: partitionKey.endIndex)]
        var names: [String] = []
        for part in inner.split(separator: ",") {
            var name = String(part.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
            if name.hasPrefix("\"") && name.hasSuffix("\"") && name.count >= 2 {
                // A quoted name: its doubled quotes are one.
                var unquoted = ""
                var previousQuote = false
                for c in name.dropFirst().dropLast() {
                    if c == "\"" && previousQuote {
                        previousQuote = false
                        continue
                    }
                    previousQuote = c == "\""
                    unquoted.append(c)
                }
                name = unquoted
            } else {
                guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return nil }
                name = name.lowercased()
            }
            names.append(name)
        }
        return names
    }
}
