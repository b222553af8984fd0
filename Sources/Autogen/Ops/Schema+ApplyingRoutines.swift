import ModelDSL

extension Schema {
    /// Applies a function, trigger or policy op in place.
    mutating func applyRoutine(_ op: MigrationOp) throws(ApplyError) {
        switch op {
        case .createFunction(let f):
            guard !functions.contains(where: { $0.key == f.key }) else {
                throw ApplyError("function \(f.key) already exists")
            }
            var plain = f
            plain.renamedFrom = nil
            functions.append(plain)
        case .dropFunction(let f):
            functions.remove(at: try requireFunction(f))
        case .replaceFunction(let change):
            var plain = change.to
            plain.renamedFrom = nil
            functions[try requireFunction(change.from)] = plain
        case .renameFunction(let f, let newName):
            let i = try requireFunction(f)
            functions[i].name = newName
            functions[i].renamedFrom = nil
        case .createTrigger(let t):
            guard !triggers.contains(where: { $0.key == t.key }) else {
                throw ApplyError("trigger \(t.name) on \(t.qualifiedTable) already exists")
            }
            var plain = t
            plain.renamedFrom = nil
            triggers.append(plain)
        case .dropTrigger(let t):
            triggers.remove(at: try requireTrigger(t))
        case .replaceTrigger(let change):
            var plain = change.to
            plain.renamedFrom = nil
            triggers[try requireTrigger(change.from)] = plain
        case .renameTrigger(let t, let newName):
            let i = try requireTrigger(t)
            triggers[i].name = newName
            triggers[i].renamedFrom = nil
        case .createPolicy(let p):
            guard !policies.contains(where: { $0.key == p.key }) else {
                throw ApplyError("policy \(p.name) on \(p.qualifiedTable) already exists")
            }
            var plain = p
            plain.renamedFrom = nil
            policies.append(plain)
        case .dropPolicy(let p):
            policies.remove(at: try requirePolicy(p))
        case .replacePolicy(let change):
            var plain = change.to
            plain.renamedFrom = nil
            policies[try requirePolicy(change.from)] = plain
        case .renamePolicy(let p, let newName):
            let i = try requirePolicy(p)
            policies[i].name = newName
            policies[i].renamedFrom = nil
        default:
            preconditionFailure("not a function or trigger op: \(op)")
        }
        functions.sort { ($0.schema ?? "", $0.name, $0.key) < ($1.schema ?? "", $1.name, $1.key) }
        triggers.sort { ($0.schema ?? "", $0.table, $0.name) < ($1.schema ?? "", $1.table, $1.name) }
        policies.sort { ($0.schema ?? "", $0.table, $0.name) < ($1.schema ?? "", $1.table, $1.name) }
    }

    private func requirePolicy(_ p: Policy) throws(ApplyError) -> Int {
        guard let i = policies.firstIndex(where: { $0.key == p.key }) else {
            throw ApplyError("there is no policy \(p.name) on \(p.qualifiedTable)")
        }
        return i
    }

    private func requireFunction(_ f: Function) throws(ApplyError) -> Int {
        guard let i = functions.firstIndex(where: { $0.key == f.key }) else {
            throw ApplyError("there is no function \(f.key)")
        }
        return i
    }

    private func requireTrigger(_ t: Trigger) throws(ApplyError) -> Int {
        guard let i = triggers.firstIndex(where: { $0.key == t.key }) else {
            throw ApplyError("there is no trigger \(t.name) on \(t.qualifiedTable)")
        }
        return i
    }
}
