import ModelDSL

/// Swift source for functions, triggers and policies, as the model DSL and the revision ops take them.
enum SwiftRoutineSource {
    /// `Function("f", arguments: "a integer", returns: "integer", language: "sql", body: "...")`,
    /// or `Procedure(...)`; parts at their defaults are left out.
    static func function(_ f: Function, multilineIndent: String? = nil) -> String {
        func text(_ value: String) -> String {
            multilineIndent.map { SwiftMultilineLiteral.literal(value, indent: $0) } ?? SwiftLiteral.string(value)
        }
        if f.kind == .aggregate {
            var out = "Aggregate(" + SwiftLiteral.string(f.name)
            if let schema = f.schema { out += ", schema: \(SwiftLiteral.string(schema))" }
            out += ", arguments: \(SwiftLiteral.string(f.arguments)), options: \(SwiftLiteral.string(f.body))"
            if let comment = f.comment { out += ", comment: \(SwiftLiteral.string(comment))" }
            out += ")"
            if let old = f.renamedFrom { out += ".renamed(from: \(SwiftLiteral.string(old)))" }
            return out
        }
        var out = (f.kind == .procedure ? "Procedure(" : "Function(") + SwiftLiteral.string(f.name)
        if let schema = f.schema { out += ", schema: \(SwiftLiteral.string(schema))" }
        if !f.arguments.isEmpty { out += ", arguments: \(SwiftLiteral.string(f.arguments))" }
        if f.kind == .function { out += ", returns: \(SwiftLiteral.string(f.returns ?? ""))" }
        out += ", language: \(SwiftLiteral.string(f.language))"
        if f.kind == .function {
            if f.volatility != .volatile { out += ", volatility: .\(f.volatility.rawValue)" }
            if f.strict { out += ", strict: true" }
        }
        if f.securityDefiner { out += ", securityDefiner: true" }
        if f.kind == .function {
            if f.leakproof { out += ", leakproof: true" }
            if f.parallel != .unsafe { out += ", parallel: .\(f.parallel.rawValue)" }
            if let cost = f.cost { out += ", cost: \(SQLText.number(cost))" }
            if let rows = f.rows { out += ", rows: \(SQLText.number(rows))" }
        }
        if !f.settings.isEmpty { out += ", settings: \(SwiftLiteral.strings(f.settings))" }
        if f.standardBody { out += ", standardBody: true" }
        if let comment = f.comment { out += ", comment: \(SwiftLiteral.string(comment))" }
        out += ", body: \(text(f.body)))"
        if let old = f.renamedFrom { out += ".renamed(from: \(SwiftLiteral.string(old)))" }
        return out
    }

    /// `Trigger("t", on: "account", .before, [.update], execute: "touch()")`, or with `body:`.
    static func trigger(_ t: Trigger, multilineIndent: String? = nil) -> String {
        func text(_ value: String) -> String {
            multilineIndent.map { SwiftMultilineLiteral.literal(value, indent: $0) } ?? SwiftLiteral.string(value)
        }
        var out = "Trigger(\(SwiftLiteral.string(t.name)), on: \(SwiftLiteral.string(t.table))"
        if let schema = t.schema { out += ", schema: \(SwiftLiteral.string(schema))" }
        out += ", .\(t.timing.rawValue), [" + t.events.map { "." + $0.rawValue }.joined(separator: ", ") + "]"
        if !t.updateOf.isEmpty { out += ", updateOf: \(SwiftLiteral.strings(t.updateOf))" }
        if let body = t.body {
            if let when = t.when { out += ", when: \(SwiftLiteral.string(when))" }
            out += ", body: \(text(body)))"
        } else {
            if let referencing = t.referencing { out += ", referencing: \(SwiftLiteral.string(referencing))" }
            if !t.forEachRow { out += ", forEachRow: false" }
            if let when = t.when { out += ", when: \(SwiftLiteral.string(when))" }
            out += ", execute: \(SwiftLiteral.string(t.function ?? ""))"
            if t.firing != .origin { out += ", firing: .\(t.firing.rawValue)" }
            if let comment = t.comment { out += ", comment: \(SwiftLiteral.string(comment))" }
            out += ")"
        }
        if t.body != nil, let comment = t.comment { out += ".comment(\(SwiftLiteral.string(comment)))" }
        if let old = t.renamedFrom { out += ".renamed(from: \(SwiftLiteral.string(old)))" }
        return out
    }

    /// `.off` or `RowLevelSecurity(enabled: true, forced: true)`.
    static func rowLevelSecurity(_ security: RowLevelSecurity) -> String {
        security == .off
            ? ".off" : "RowLevelSecurity(enabled: \(security.enabled)\(security.forced ? ", forced: true" : ""))"
    }

    /// The revision statements of a function or trigger op, or nil for another op.
    static func lines(_ op: MigrationOp) -> [String]? {
        switch op {
        case .createFunction(let f): return ["try op.createFunction(\(function(f)))"]
        case .dropFunction(let f): return ["try op.dropFunction(\(function(f)))"]
        case .replaceFunction(let change):
            return ["try op.replaceFunction(\(function(change.to)), existing: \(function(change.from)))"]
        case .renameFunction(let f, let newName):
            var plain = f
            plain.renamedFrom = nil
            return ["try op.renameFunction(\(function(plain)), to: \(SwiftLiteral.string(newName)))"]
        case .createTrigger(let t): return ["try op.createTrigger(\(trigger(t)))"]
        case .dropTrigger(let t): return ["try op.dropTrigger(\(trigger(t)))"]
        case .replaceTrigger(let change):
            return ["try op.replaceTrigger(\(trigger(change.to)), existing: \(trigger(change.from)))"]
        case .renameTrigger(let t, let newName):
            var plain = t
            plain.renamedFrom = nil
            return ["try op.renameTrigger(\(trigger(plain)), to: \(SwiftLiteral.string(newName)))"]
        case .createPolicy(let p): return ["try op.createPolicy(\(policy(p)))"]
        case .dropPolicy(let p): return ["try op.dropPolicy(\(policy(p)))"]
        case .replacePolicy(let change):
            return ["try op.replacePolicy(\(policy(change.to)), existing: \(policy(change.from)))"]
        case .renamePolicy(let p, let newName):
            var plain = p
            plain.renamedFrom = nil
            return ["try op.renamePolicy(\(policy(plain)), to: \(SwiftLiteral.string(newName)))"]
        default: return nil
        }
    }

    /// `Policy("own", on: "document", for: .select, to: ["app"], using: "owner = current_user")`.
    static func policy(_ p: Policy) -> String {
        var out = "Policy(\(SwiftLiteral.string(p.name)), on: \(SwiftLiteral.string(p.table))"
        if let schema = p.schema { out += ", schema: \(SwiftLiteral.string(schema))" }
        if p.command != .all { out += ", for: .\(p.command.rawValue)" }
        if !p.permissive { out += ", permissive: false" }
        if p.roles != ["public"] { out += ", to: \(SwiftLiteral.strings(p.roles))" }
        if let using = p.using { out += ", using: \(SwiftLiteral.string(using))" }
        if let check = p.withCheck { out += ", withCheck: \(SwiftLiteral.string(check))" }
        out += ")"
        if let old = p.renamedFrom { out += ".renamed(from: \(SwiftLiteral.string(old)))" }
        return out
    }
}
