/// Reads a revision file's header from its text, without compiling it.
///
/// It looks at every line whose first words are `static let` (optionally after access
/// modifiers) and reads the six declarations of the revision file contract, in any order and
/// with any spacing, each on one line, optionally with a type annotation and a trailing
/// `//` comment:
///
/// ```swift
/// static let id = "3512b954651e"
/// static let downRevisions: [String] = ["27c6a30d7c24"]
/// ```
///
/// Other lines, and `static let`s with other names, are ignored. A file without
/// `static let id` is not a revision (nil). A declaration that is malformed, repeated, or
/// of the wrong kind (a string where a list belongs), and a revision without
/// `downRevisions`, throw `RevisionFileError` with the file, line and column.
public enum RevisionFileReader {
    /// Reads and parses the file at `path`.
    public static func read(path: String) throws -> RevisionHeader? {
        let bytes = try FileBytes.contents(of: path)
        return try parse(bytes, path: path)
    }

    /// Parses file text; `path` is only used in errors and in the header.
    public static func parse(_ text: String, path: String) throws -> RevisionHeader? {
        try parse(Array(text.utf8), path: path)
    }

    /// Parses UTF-8 file contents.
    public static func parse(_ bytes: [UInt8], path: String) throws -> RevisionHeader? {
        try bytes.withUnsafeBufferPointer { buffer in
            var scanner = DeclarationScanner(bytes: buffer, path: path)
            return try scanner.header()
        }
    }
}
