/// One `[name]` section of an INI file: its entries in file order.
public struct IniSection: Sendable, Hashable {
    /// The section name as written between the brackets, trimmed (section names are case-sensitive).
    public let name: String
    /// The 1-based line of the `[name]` header.
    public let line: Int
    /// The entries in file order.
    public private(set) var entries: [IniEntry]
    private var positions: [String: Int]

    public init(name: String, line: Int, entries: [IniEntry] = []) {
        self.name = name
        self.line = line
        self.entries = []
        self.positions = [:]
        for entry in entries { append(entry) }
    }

    /// The entry for `key` (lowercased before lookup), if this section has it.
    public func entry(_ key: String) -> IniEntry? {
        positions[key.lowercased()].map { entries[$0] }
    }

    /// The keys in file order.
    public var keys: [String] { entries.map(\.key) }

    /// Adds `entry`, replacing an entry with the same key in place.
    mutating func append(_ entry: IniEntry) {
        if let position = positions[entry.key] {
            entries[position] = entry
        } else {
            positions[entry.key] = entries.count
            entries.append(entry)
        }
    }
}
