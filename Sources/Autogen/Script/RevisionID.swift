/// Revision ids: generating them, checking user-given ones, and the Swift type name they get.
public enum RevisionID {
    /// Characters that the identifier syntax (`label@head`, `rev+1`, `a:b`) or a file name
    /// reserves, so an id may not contain them.
    public static let reservedCharacters: Set<Character> = ["@", "-", "+", ":", "/", "\\"]

    /// A new id: 12 lowercase hex digits (48 bits) from the system's secure random source.
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        return generate(using: &generator)
    }

    /// A new id drawn from `generator` (tests pass a seeded one).
    public static func generate<G: RandomNumberGenerator>(using generator: inout G) -> String {
        let value = generator.next() & 0xFFFF_FFFF_FFFF
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 12 - hex.count) + hex
    }

    /// Checks a user-given id (`--rev-id`) or an id read from a file.
    ///
    /// Throws `RevisionIDError` when `id` is empty, contains whitespace or a control
    /// character, or one of `@ - + : / \`.
    public static func validate(_ id: String) throws {
        if id.isEmpty { throw RevisionIDError(id: id, problem: "it is empty") }
        // Fast path: printable ASCII without the reserved characters (ids are read by the
        // ten thousand).
        let plain = id.utf8.allSatisfy { byte in
            byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "@") && byte != UInt8(ascii: "-")
                && byte != UInt8(ascii: "+") && byte != UInt8(ascii: ":") && byte != UInt8(ascii: "/")
                && byte != UInt8(ascii: "\\")
        }
        if plain { return }
        for character in id {
            if reservedCharacters.contains(character) {
                throw RevisionIDError(id: id, problem: "it may not contain '\(character)'")
            }
            if character.isWhitespace
                || character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
            {
                throw RevisionIDError(id: id, problem: "it may not contain whitespace or control characters")
            }
        }
    }

    /// The Swift type of the revision: `Revision_` and the id with every character that is
    /// not an ASCII letter, digit or `_` replaced by `_` (`Revision_3512b954651e`).
    public static func typeName(for id: String) -> String {
        if isIdentifierSafe(id) { return "Revision_" + id }
        var name = "Revision_"
        for scalar in id.unicodeScalars {
            let isWord =
                (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
                || (scalar >= "0" && scalar <= "9") || scalar == "_"
            name.unicodeScalars.append(isWord ? scalar : "_")
        }
        return name
    }

    /// True when `id` has only ASCII letters, digits and `_`, so its type name is
    /// `Revision_<id>` unchanged.
    static func isIdentifierSafe(_ id: String) -> Bool {
        id.utf8.allSatisfy { byte in
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
                || byte == 0x5F
        }
    }
}

/// A revision id that cannot be used, with the reason.
public struct RevisionIDError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The rejected id.
    public let id: String
    /// Why, e.g. "it may not contain '-'".
    public let problem: String

    public var description: String {
        "invalid revision id '\(id)': \(problem) (an id may not be empty or contain @ - + : / \\ or whitespace)"
    }
}
