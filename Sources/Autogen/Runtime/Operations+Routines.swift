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

    /// `CREATE POLICY` (PostgreSQL).
    public func createPolicy(_ policy: Policy) throws(OperationsError) {
        record(.createPolicy(policy))
    }

    /// `DROP POLICY`; the definition is what a downgrade creates again.
    public func dropPolicy(_ policy: Policy) throws(OperationsError) {
        record(.dropPolicy(policy))
    }

    /// The policy `existing` dropped and `policy` created in its place (same table and name).
    public func replacePolicy(_ policy: Policy, existing: Policy) throws(OperationsError) {
        guard policy.key == existing.key else {
            throw OperationsError(
                "op.replacePolicy(\"\(policy.name)\"): existing is \"\(existing.name)\" on \(existing.qualifiedTable), another policy"
            )
        }
        record(.replacePolicy(Change(from: existing, to: policy)))
    }

    /// `ALTER POLICY ... ON table RENAME TO`.
    public func renamePolicy(_ policy: Policy, to newName: String) throws(OperationsError) {
        record(.renamePolicy(policy, to: newName))
    }
}
