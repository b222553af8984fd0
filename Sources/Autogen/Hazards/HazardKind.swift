/// What a change can do to a production database, as `check --hazards`, `revision
/// --autogenerate` and `--fail-on` name it.
public enum HazardKind: String, Sendable, Hashable, CaseIterable, Comparable {
    /// The table is copied row by row (PostgreSQL: a type change that is not binary
    /// compatible, a volatile default, a stored generated column; SQLite: any table rebuild),
    /// under a lock that blocks reads and writes for as long as that takes.
    case rewritesTable = "rewrites-table"
    /// Every row is read under a lock that blocks writes, or reads and writes (`SET NOT
    /// NULL`, a new check, foreign key, unique key or index built in place).
    case scanUnderLock = "scan-under-lock"
    /// Rows or values are gone afterwards (a dropped table or column, a narrowing type).
    case dropsData = "drops-data"
    /// The change is refused when the table holds rows that break it (a new `NOT NULL`
    /// column without a default, duplicates under a new unique key, a value another type
    /// cannot hold).
    case failsOnRows = "fails-on-rows"
    /// The change runs, but its downgrade fails once rows exist (a dropped `NOT NULL` column
    /// without a default, a widened type narrowed back).
    case irreversibleWithRows = "irreversible-with-rows"

    public static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// A hazard of one op before the table is sized: its kind, the table it concerns, and what
/// happens, in words (`ALTER COLUMN amount TYPE numeric(12,2) rewrites account`).
public struct HazardFinding: Sendable, Hashable {
    public var kind: HazardKind
    public var table: TableRef?
    public var message: String

    public init(_ kind: HazardKind, _ table: TableRef?, _ message: String) {
        self.kind = kind
        self.table = table
        self.message = message
    }
}
