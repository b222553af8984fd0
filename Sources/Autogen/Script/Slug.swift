/// The file-name slug of a revision message, as Alembic makes it.
///
/// The message's words (runs of letters, digits and `_`) are lowercased and joined with `_`;
/// every other character only separates words. A slug longer than the limit is cut at the
/// limit, back to the last `_` inside it, and ends with `_` to show it was cut:
/// `"Add account table"` -> `add_account_table`.
public enum Slug {
    /// The slug of `message`, at most `truncateAt` characters before the trailing `_` of a cut.
    public static func make(from message: String, truncateAt limit: Int = 40) -> String {
        var words: [String] = []
        var word = String.UnicodeScalarView()
        for scalar in message.unicodeScalars {
            if isWordCharacter(scalar) {
                word.append(scalar)
            } else if !word.isEmpty {
                words.append(String(word))
                word = String.UnicodeScalarView()
            }
        }
        if !word.isEmpty { words.append(String(word)) }
        let slug = words.joined(separator: "_").lowercased()
        let scalars = Array(slug.unicodeScalars)
        guard limit > 0, scalars.count > limit else { return slug }
        var cut = Array(scalars[0..<limit])
        if let lastUnderscore = cut.lastIndex(of: "_") { cut.removeSubrange(lastUnderscore...) }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: cut)
        return String(view) + "_"
    }

    /// Python's `\w`: a letter, a number or `_`.
    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "_" { return true }
        if scalar.isASCII {
            return (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
                || (scalar >= "0" && scalar <= "9")
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }
}
