/// How `version_locations` is split into paths (`path_separator`, or its older name `version_path_separator`).
///
/// Without either key the list is split on commas and spaces, as Alembic does for old files.
public enum VersionPathSeparator: String, Sendable, Hashable, CaseIterable {
    /// The platform's path separator: `:` here.
    case os
    /// One or more spaces.
    case space
    /// Line breaks (one path per continuation line).
    case newline
    /// `;`.
    case semicolon = ";"
    /// `:`.
    case colon = ":"

    /// The separator spelled as in the ini file: `os`, `space`, `newline`, `;` or `:`; nil for anything else.
    public init?(configValue: String) {
        self.init(rawValue: configValue.lowercased())
    }

    /// The spellings accepted in the ini file, for messages.
    static let spellings = "os, space, newline, \";\" or \":\""

    /// `text` split into trimmed, non-empty paths by `separator`, or on commas and spaces when it is nil.
    static func split(_ text: String, by separator: VersionPathSeparator?) -> [String] {
        let pieces: [Substring]
        switch separator {
        case .none:
            pieces = text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\n" })
        case .os, .colon:
            pieces = text.split(separator: ":")
        case .semicolon:
            pieces = text.split(separator: ";")
        case .space:
            pieces = text.split(separator: " ")
        case .newline:
            pieces = text.split(separator: "\n")
        }
        return pieces.map { $0.iniTrimmed() }.filter { !$0.isEmpty }
    }
}
