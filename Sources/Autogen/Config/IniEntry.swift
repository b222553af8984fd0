/// One `key = value` of an INI section, as written (before interpolation).
public struct IniEntry: Sendable, Hashable {
    /// The key, lowercased (keys are case-insensitive, as in ConfigParser).
    public let key: String
    /// The value with continuation lines joined by `\n`, trimmed; `%(..)s` and `${..}` not yet resolved.
    public let rawValue: String
    /// The 1-based line the key is on.
    public let line: Int

    public init(key: String, rawValue: String, line: Int) {
        self.key = key
        self.rawValue = rawValue
        self.line = line
    }
}
