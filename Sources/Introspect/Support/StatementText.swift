/// How a SQL statement is shown in an error or log line: on one line, cut at a length, and with
/// the literal after `PASSWORD` (also `ENCRYPTED PASSWORD`) replaced by `'***'`, so that
/// `CREATE ROLE app PASSWORD 'hunter2'` never reaches a terminal or a CI log. Offline `--sql`
/// output does not go through here: it keeps the SQL as written.
public enum StatementText {
    /// `statement` flattened to one line, its passwords masked, cut at `limit` characters.
    public static func forMessage(_ statement: String, limit: Int = 200) -> String {
        let flat = maskingPasswords(in: statement)
            .split(whereSeparator: { $0.isNewline || $0 == "\t" || $0 == " " }).joined(separator: " ")
        return flat.count > limit ? String(flat.prefix(limit)) + "..." : flat
    }

    /// `text` with every string literal that follows the keyword `PASSWORD` replaced by `'***'`:
    /// `'...'` (with `''` inside), `E'...'` (with `\'` inside) and dollar quoting (`$$...$$`,
    /// `$tag$...$tag$`). An unterminated literal is masked to the end of the text.
    public static func maskingPasswords(in text: String) -> String {
        let chars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < chars.count {
            guard let afterKeyword = keywordEnd(chars, at: i) else {
                out.append(chars[i])
                i += 1
                continue
            }
            out.append(contentsOf: chars[i..<afterKeyword])
            var j = afterKeyword
            while j < chars.count, isSpace(chars[j]) { j += 1 }
            guard let literalEnd = literalEnd(chars, at: j) else {
                i = afterKeyword
                continue
            }
            out.append(contentsOf: chars[afterKeyword..<j])
            out.append(contentsOf: "'***'".unicodeScalars)
            i = literalEnd
        }
        return String(out)
    }

    /// The index after `PASSWORD` when the word starts at `i` (case-insensitive, whole word).
    private static func keywordEnd(_ chars: [Unicode.Scalar], at i: Int) -> Int? {
        let word = Array("password".unicodeScalars)
        guard i + word.count <= chars.count else { return nil }
        if i > 0, isIdentifier(chars[i - 1]) { return nil }
        for k in 0..<word.count where lower(chars[i + k]) != word[k] { return nil }
        let end = i + word.count
        if end < chars.count, isIdentifier(chars[end]) { return nil }
        return end
    }

    /// The index after the string literal starting at `i`, or nil when none starts there.
    private static func literalEnd(_ chars: [Unicode.Scalar], at i: Int) -> Int? {
        guard i < chars.count else { return nil }
        var j = i
        var backslashEscapes = false
        if lower(chars[j]) == "e", j + 1 < chars.count, chars[j + 1] == "'" {
            backslashEscapes = true
            j += 1
        }
        if chars[j] == "'" {
            j += 1
            while j < chars.count {
                if backslashEscapes, chars[j] == "\\" {
                    j += 2
                    continue
                }
                if chars[j] == "'" {
                    if j + 1 < chars.count, chars[j + 1] == "'" {
                        j += 2
                        continue
                    }
                    return j + 1
                }
                j += 1
            }
            return chars.count
        }
        if chars[j] == "$" {
            var k = j + 1
            while k < chars.count, chars[k] != "$", isIdentifier(chars[k]) { k += 1 }
            guard k < chars.count, chars[k] == "$" else { return nil }
            let tag = Array(chars[j...k])
            var m = k + 1
            while m + tag.count <= chars.count {
                if Array(chars[m..<(m + tag.count)]) == tag { return m + tag.count }
                m += 1
            }
            return chars.count
        }
        return nil
    }

    private static func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" }

    private static func isIdentifier(_ c: Unicode.Scalar) -> Bool {
        c == "_" || c == "$" || c.properties.isAlphabetic || ("0"..."9").contains(c)
    }

    private static func lower(_ c: Unicode.Scalar) -> Unicode.Scalar {
        ("A"..."Z").contains(c) ? Unicode.Scalar(c.value + 32)! : c
    }
}
