import ModelDSL

/// SQLite DDL for triggers. SQLite keeps the statement as written, so the reader gets back the
/// condition and statements given here. A trigger holds one event and always fires for each
/// row; it cannot be altered or renamed, only dropped and created again.
extension SQLiteDialect {
    /// `CREATE TRIGGER "name" AFTER UPDATE OF "a" ON "table" FOR EACH ROW WHEN cond BEGIN ... END`.
    /// A trigger whose statement the reader could not take apart (no events) holds the whole
    /// statement as its body, written back as it was.
    public static func createTriggerSQL(_ trigger: Trigger) -> String {
        guard let event = trigger.events.first else { return trigger.body ?? "" }
        var sql = "CREATE TRIGGER " + quoteIdentifier(trigger.name) + " " + trigger.timing.sql + " "
        sql += event.rawValue.uppercased()
        if !trigger.updateOf.isEmpty { sql += " OF " + trigger.updateOf.map(quoteIdentifier).joined(separator: ", ") }
        sql += " ON " + quoteIdentifier(trigger.table) + " FOR EACH ROW"
        if let when = trigger.when { sql += " WHEN " + when }
        return sql + " BEGIN\n" + (trigger.body ?? "") + "\nEND"
    }

    public static func dropTriggerSQL(_ trigger: Trigger) -> String {
        "DROP TRIGGER " + quoteIdentifier(trigger.name)
    }

    /// What SQLite cannot hold of `trigger`, as one line, or nil.
    public static func triggerProblem(_ trigger: Trigger) -> String? {
        if trigger.body == nil || trigger.function != nil {
            return
                "trigger \"\(trigger.name)\": a SQLite trigger holds its statements (body:), not a function to execute"
        }
        if trigger.events.count > 1 {
            return "trigger \"\(trigger.name)\": a SQLite trigger fires on one event, not \(trigger.events.count)"
        }
        if trigger.events.contains(.truncate) { return "trigger \"\(trigger.name)\": SQLite has no TRUNCATE" }
        if !trigger.forEachRow { return "trigger \"\(trigger.name)\": SQLite triggers fire for each row only" }
        if trigger.referencing != nil { return "trigger \"\(trigger.name)\": SQLite has no transition tables" }
        if trigger.firing != .origin {
            return "trigger \"\(trigger.name)\": SQLite triggers cannot be disabled or fire by replication role"
        }
        return nil
    }
}
