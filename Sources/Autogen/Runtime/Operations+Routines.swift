import ModelDSL

extension Operations {
    /// `CREATE FUNCTION` / `CREATE PROCEDURE` (PostgreSQL), with its comment.
    public func createFunction(_ function: Function) throws(OperationsError) {
        record(.createFunction(function))
    }

    /// `DROP FUNCTION` / `DROP PROCEDURE` without CASCADE; the definition is what a
    /// downgrade creates again.
    public func dropFunction(_ function: Function) throws(OperationsError) {
        record(.dropFunction(function))
    }

    /// `CREATE OR REPLACE FUNCTION` from `existing` to `function` (the same name and
    /// arguments).
    public func replaceFunction(_ function: Function, existing: Function) throws(OperationsError) {
        guard function.key == existing.key else {
            throw OperationsError(
                "op.replaceFunction(\"\(function.key)\"): existing is \"\(existing.key)\", another function")
        }
        record(.replaceFunction(Change(from: existing, to: function)))
    }

    /// `ALTER FUNCTION ... RENAME TO`.
    public func renameFunction(_ function: Function, to newName: String) throws(OperationsError) {
        record(.renameFunction(function, to: newName))
    }

    /// `CREATE TRIGGER`.
    public func createTrigger(_ trigger: Trigger) throws(OperationsError) {
        record(.createTrigger(trigger))
    }

    /// `DROP TRIGGER`; the definition is what a downgrade creates again.
    public func dropTrigger(_ trigger: Trigger) throws(OperationsError) {
        record(.dropTrigger(trigger))
    }

    /// The trigger `existing` dropped and `trigger` created in its place (same table and name).
    public func replaceTrigger(_ trigger: Trigger, existing: Trigger) throws(OperationsError) {
        guard trigger.key == existing.key else {
            throw OperationsError(
                "op.replaceTrigger(\"\(trigger.name)\"): existing is \"\(existing.name)\" on \(existing.qualifiedTable), another trigger"
            )
        }
        record(.replaceTrigger(Change(from: existing, to: trigger)))
    }

    /// `ALTER TRIGGER ... ON table RENAME TO`.
    public func renameTrigger(_ trigger: Trigger, to newName: String) throws(OperationsError) {
        record(.renameTrigger(trigger, to: newName))
    }
}
