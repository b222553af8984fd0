import ModelDSL

/// Orders tables so that a table comes after the tables its foreign keys refer to.
enum ForeignKeyOrder {
    /// Tables in creation order (ties broken by name) and the foreign keys that close a cycle
    /// among them: those must be added after every table exists (and dropped first).
    static func creationOrder(_ tables: [Table]) -> (tables: [Table], deferredForeignKeys: [(TableRef, ForeignKey)]) {
        var byRef: [TableRef: Table] = [:]
        for t in tables { byRef[TableRef(t)] = t }
        func target(of key: ForeignKey, in table: Table) -> TableRef {
            TableRef(key.referredTable, schema: key.referredSchema ?? table.schema)
        }
        var remaining = Set(byRef.keys)
        var ordered: [Table] = []
        var deferred: [(TableRef, ForeignKey)] = []
        var deferredKeys = Set<String>()
        func deferredID(_ ref: TableRef, _ key: ForeignKey) -> String { "\(ref)|\(key.name ?? "")|\(key.columns)" }
        while !remaining.isEmpty {
            let ready = remaining.filter { ref in
                guard let table = byRef[ref] else { return true }
                return table.foreignKeys.allSatisfy { key in
                    let to = target(of: key, in: table)
                    return to == ref || !remaining.contains(to) || deferredKeys.contains(deferredID(ref, key))
                }
            }.sorted()
            if let next = ready.first {
                remaining.remove(next)
                if let table = byRef[next] {
                    var copy = table
                    copy.foreignKeys.removeAll { deferredKeys.contains(deferredID(next, $0)) }
                    ordered.append(copy)
                }
                continue
            }
            // A cycle: defer the foreign keys of the first remaining table that point at other
            // remaining tables, then go on.
            guard let victim = remaining.sorted().first, let table = byRef[victim] else { break }
            for key in table.foreignKeys where target(of: key, in: table) != victim && remaining.contains(target(of: key, in: table)) {
                deferred.append((victim, key))
                deferredKeys.insert(deferredID(victim, key))
            }
        }
        return (ordered, deferred)
    }
}
