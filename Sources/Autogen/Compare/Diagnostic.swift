import ModelDSL

/// A non-fatal finding of compare, printed by the CLI beside the ops and asserted by tests:
/// a drop that loses data, a table SQLite will rebuild, a suspected rename, a risky change.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable { case note, warning }

    /// Stable identifiers for the kinds of finding.
    public enum Kind: String, Sendable, Hashable {
        case dropsData = "drops-data"
        case tableRebuild = "table-rebuild"
        case possibleRename = "possible-rename"
        case typeChangeMayFail = "type-change-may-fail"
        case typeChangeLosesPrecision = "type-change-loses-precision"
        case notNullWithoutDefault = "not-null-without-default"
        case enumValueRemoved = "enum-value-removed"
        case generatedColumnChange = "generated-column-change"
        case tableUnlogged = "table-unlogged"
        case dropsExtension = "drops-extension"
        case domainChange = "domain-change"
        case partitionChange = "partition-change"
        case viewRecreated = "view-recreated"
        case triggerRecreated = "trigger-recreated"
        case policyRecreated = "policy-recreated"
    }

    public var kind: Kind
    public var severity: Severity
    public var message: String

    public init(_ kind: Kind, _ severity: Severity, _ message: String) {
        self.kind = kind
        self.severity = severity
        self.message = message
    }

    /// `warning: dropping column account.mail loses its data [drops-data]`.
    public var description: String { "\(severity.rawValue): \(message) [\(kind.rawValue)]" }
}

/// What compare found: the ops that turn the database into the model, and the findings.
public struct CompareResult: Sendable, Hashable {
    public var ops: [MigrationOp]
    public var diagnostics: [Diagnostic]

    public init(ops: [MigrationOp] = [], diagnostics: [Diagnostic] = []) {
        self.ops = ops
        self.diagnostics = diagnostics
    }

    /// True when the model and the database agree.
    public var isEmpty: Bool { ops.isEmpty }
}
