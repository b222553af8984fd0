/// Splits a hook's `options` into arguments the way a POSIX shell splits words, without any expansion.
///
/// Blanks separate words; `'...'` keeps everything literally; `"..."` keeps everything but
/// lets `\` escape `"`, `\`, `$`, `` ` `` and a line break; outside quotes `\` escapes any
/// character (and `\` + line break joins lines). `$`, `*`, `~` and the like are plain text:
/// nothing is expanded. `a'b c'd` is the one word `ab cd`; `''` is an empty word.
enum ShellWords {
    /// Why `split` failed.
    enum Failure: Error, Equatable {
        case unterminatedQuote(Character)
        case trailingBackslash
    }

    static func split(_ text: String) throws(Failure) -> [String] {
        var words: [String] = []
        var word = ""
        var inWord = false
        var characters = text.makeIterator()
        while let character = characters.next() {
            switch character {
            case " ", "\t", "\n", "\r\n", "\r":
                if inWord {
                    words.append(word)
                    word = ""
                    inWord = false
                }
            case "'":
                inWord = true
                var closed = false
                while let next = characters.next() {
                    if next == "'" {
                        closed = true
                        break
                    }
                    word.append(next)
                }
                guard closed else { throw .unterminatedQuote("'") }
            case "\"":
                inWord = true
                var closed = false
                while let next = characters.next() {
                    if next == "\"" {
                        closed = true
                        break
                    }
                    if next == "\\" {
                        guard let escaped = characters.next() else { throw .unterminatedQuote("\"") }
                        switch escaped {
                        case "\"", "\\", "$", "`": word.append(escaped)
                        case "\n", "\r\n": break
                        default:
                            word.append("\\")
                            word.append(escaped)
                        }
                        continue
                    }
                    word.append(next)
                }
                guard closed else { throw .unterminatedQuote("\"") }
            case "\\":
                guard let escaped = characters.next() else { throw .trailingBackslash }
                if escaped == "\n" || escaped == "\r\n" { continue }
                inWord = true
                word.append(escaped)
            default:
                inWord = true
                word.append(character)
            }
        }
        if inWord { words.append(word) }
        return words
    }
}
