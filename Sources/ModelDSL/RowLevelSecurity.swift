/// PostgreSQL row-level security of a table: whether its policies apply (`ENABLE ROW LEVEL
/// SECURITY`) and whether they apply to its owner too (`FORCE ROW LEVEL SECURITY`).
public struct RowLevelSecurity: Sendable, Hashable, Codable {
    public var enabled: Bool
    public var forced: Bool

    public init(enabled: Bool, forced: Bool = false) {
        self.enabled = enabled
        self.forced = forced
    }

    /// Neither enabled nor forced: every row to whoever may read the table.
    public static let off = RowLevelSecurity(enabled: false)
}

extension Table {
    /// Row-level security on: the table's policies decide which rows each role sees, and with
    /// `force` its owner too.
    public func rowLevelSecurity(_ enabled: Bool = true, force: Bool = false) -> Table {
        var copy = self
        copy.rowLevelSecurity = RowLevelSecurity(enabled: enabled, forced: force)
        return copy
    }
}
