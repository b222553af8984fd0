/// A trigger on a table (or, `INSTEAD OF`, on a view).
///
/// On PostgreSQL it runs a function:
/// `Trigger("account_touch", on: "account", .before, [.update], execute: "touch_updated_at()")`;
/// on SQLite it holds its statements:
/// `Trigger("account_log", on: "account", .after, [.insert], body: "INSERT INTO log VALUES (new.id);")`.
/// A trigger is known by its table and name. PostgreSQL gives back `WHEN` conditions and the
/// function call in its own spelling; compare asks the server for it when the model's differs.
public struct Trigger: Sendable, Hashable, Codable {
    public enum Timing: String, Sendable, Hashable, Codable, CaseIterable {
        case before, after, insteadOf

        /// The SQL words.
        public var sql: String {
            switch self {
            case .before: return "BEFORE"
            case .after: return "AFTER"
            case .insteadOf: return "INSTEAD OF"
            }
        }
    }

    /// When a PostgreSQL trigger fires, by the session's `session_replication_role`:
    /// `origin` as created (not on a replica), `disabled` never, `replica` only on a replica,
    /// `always` in both.
    public enum Firing: String, Sendable, Hashable, Codable, CaseIterable {
        case origin, disabled, replica, always
    }

    public enum Event: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
        case insert, update, delete, truncate

        public static func < (a: Event, b: Event) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }

    /// The table's schema (a trigger lives in its table's).
    public var schema: String?
    public var table: String
    public var name: String
    public var timing: Timing
    /// The events, in the order insert, update, delete, truncate.
    public var events: [Event]
    /// `UPDATE OF` columns: the trigger fires only when one of them is in the `SET` list.
    public var updateOf: [String]
    /// `FOR EACH ROW` (else `FOR EACH STATEMENT`; SQLite triggers are always row triggers).
    public var forEachRow: Bool
    /// The `WHEN` condition, without the parentheses around it.
    public var when: String?
    /// PostgreSQL: the function call, `touch_updated_at()`, `audit('account')`.
    public var function: String?
    /// PostgreSQL transition tables of an `AFTER` trigger: `OLD TABLE AS gone NEW TABLE AS added`.
    public var referencing: String?
    /// PostgreSQL: when it fires (`ALTER TABLE ... DISABLE TRIGGER`, `ENABLE REPLICA TRIGGER`).
    public var firing = Firing.origin
    /// SQLite: the statements between `BEGIN` and `END`, each ending in `;`.
    public var body: String?
    public var comment: String?
    /// The trigger's previous name, to rename it instead of dropping it and creating a new one.
    public var renamedFrom: String?

    public init(
        _ name: String, on table: String, schema: String? = nil, _ timing: Timing, _ events: [Event],
        updateOf: [String] = [], referencing: String? = nil, forEachRow: Bool = true, when: String? = nil,
        execute function: String, firing: Firing = .origin, comment: String? = nil
    ) {
        self.init(name, table, schema, timing, events, updateOf, forEachRow, when)
        self.function = function
        self.referencing = referencing
        self.firing = firing
        self.comment = comment
    }

    public init(
        _ name: String, on table: String, schema: String? = nil, _ timing: Timing, _ events: [Event],
        updateOf: [String] = [], when: String? = nil, body: String
    ) {
        self.init(name, table, schema, timing, events, updateOf, true, when)
        self.body = SQLText.trimmed(body)
    }

    private init(
        _ name: String, _ table: String, _ schema: String?, _ timing: Timing, _ events: [Event], _ updateOf: [String],
        _ forEachRow: Bool, _ when: String?
    ) {
        self.schema = schema
        self.table = table
        self.name = name
        self.timing = timing
        self.events = Array(Set(events)).sorted()
        self.updateOf = updateOf
        self.forEachRow = forEachRow
        self.when = when.map(SQLText.trimmed)
    }

    /// `schema.table.name`, or `table.name` in the default schema: what identifies it.
    public var key: String { (schema.map { "\($0)." } ?? "") + table + "." + name }

    /// `schema.table`, or `table`.
    public var qualifiedTable: String { schema.map { "\($0).\(table)" } ?? table }

    /// The same trigger, known before as `oldName` (on the same table).
    public func renamed(from oldName: String) -> Trigger {
        var copy = self
        copy.renamedFrom = oldName
        return copy
    }

    /// The same trigger with a comment.
    public func comment(_ text: String?) -> Trigger {
        var copy = self
        copy.comment = text
        return copy
    }

    /// Whether `other` fires on the same events and does the same: every part but the name,
    /// the rename, the comment and `firing` (which `ALTER TABLE` changes in place).
    public func sameDefinition(as other: Trigger) -> Bool {
        timing == other.timing && events == other.events && updateOf == other.updateOf
            && forEachRow == other.forEachRow && when == other.when && function == other.function
            && body == other.body && referencing == other.referencing
    }
}
