/// Small text helpers for reading INI files (named `ini...` so they never clash with helpers elsewhere in the module).
extension StringProtocol {
    /// The text without leading and trailing whitespace (spaces, tabs, newlines), like Python's `strip()`.
    func iniTrimmed() -> String {
        guard let start = firstIndex(where: { !$0.isWhitespace }),
            let end = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[start...end])
    }

    /// The text without trailing whitespace, like Python's `rstrip()`.
    func iniTrimmedTrailing() -> String {
        guard let end = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[...end])
    }

    /// The text cut to 60 characters, for quoting in a message.
    func iniClipped() -> String {
        count > 60 ? String(prefix(57)) + "..." : String(self)
    }
}
