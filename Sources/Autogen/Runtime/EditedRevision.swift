/// A revision edited after it was applied.
public struct EditedRevision: Sendable, Hashable, CustomStringConvertible {
    public var revision: String
    public var path: String
    public var appliedChecksum: String
    public var currentChecksum: String

    public var description: String {
        "revision \(revision) (\(path)) was edited after it was applied (checksum \(appliedChecksum), now \(currentChecksum))"
    }
}
