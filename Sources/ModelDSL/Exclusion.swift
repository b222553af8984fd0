/// A PostgreSQL exclusion constraint: `Exclusion("booking_no_overlap", "USING gist (room_id
/// WITH =, during WITH &&)")`, the text after `EXCLUDE` (elements, operators, an optional
/// `WHERE (...)`). No two rows may match on all of the operators. Compared by name and by its
/// definition as PostgreSQL spells it, normalized.
public struct Exclusion: Sendable, Hashable, Codable {
    public var name: String
    public var definition: String

    public init(_ name: String, _ definition: String) {
        self.name = name
        self.definition = definition
    }
}
