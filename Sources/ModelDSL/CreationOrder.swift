/// The order to create tables in so that each comes after the tables its foreign keys refer
/// to (and a partition after its parent), and the foreign keys that close a cycle (they must be added once every table exists,
/// and dropped first). Ties and cycles are broken by schema and name, so the order is stable.
public struct CreationOrder: Sendable {
    /// The tables in creation order, without the deferred foreign keys.
    public var tables: [Table]
    /// Foreign keys left out of `tables`, with the table that declares them.
    public var deferred: [(table: Table, key: ForeignKey)]

    public init(_ input: [Table]) {
        struct Ref: Hashable, Comparable {
            var schema: String
            var name: String
            static func < (a: Ref, b: Ref) -> Bool { (a.schema, a.name) < (b.schema, b.name) }
        }
        func ref(_ t: Table) -> Ref { Ref(schema: t.schema ?? "", name: t.name) }
        // A key's `nil` schema is the default schema, as its DDL (unqualified) and validation
        // read it, not the declaring table's.
        func target(_ key: ForeignKey, of table: Table) -> Ref {
            Ref(schema: key.referredSchema ?? "", name: key.referredTable)
        }
        var byRef: [Ref: Table] = [:]
        for t in input { byRef[ref(t)] = t }
        var remaining = Set(byRef.keys)
        var deferredKeys: [Ref: [ForeignKey]] = [:]
        tables = []
        deferred = []
        while !remaining.isEmpty {
            let ready = remaining.filter { r in
                guard let table = byRef[r] else { return true }
                // A partition comes after its parent.
                if let parent = table.partitionOf,
                    remaining.contains(Ref(schema: parent.schema ?? table.schema ?? "", name: parent.table))
                {
                    return false
                }
                return table.foreignKeys.allSatisfy { key in
                    let to = target(key, of: table)
                    return to == r || !remaining.contains(to) || deferredKeys[r, default: []].contains(key)
                }
            }
            if let next = ready.min(), let table = byRef[next] {
                remaining.remove(next)
                var copy = table
                let waiting = deferredKeys[next, default: []]
                copy.foreignKeys.removeAll { waiting.contains($0) }
                tables.append(copy)
                deferred += waiting.map { (table: table, key: $0) }
                continue
            }
            // A cycle: the first remaining table whose parent (if a partition) is in place waits
            // for none of the others.
            let candidates = remaining.filter { r in
                guard let parent = byRef[r]?.partitionOf else { return true }
                return !remaining.contains(Ref(schema: parent.schema ?? r.schema, name: parent.table))
            }
            guard let victim = candidates.min() ?? remaining.min(), let table = byRef[victim] else { break }
            if table.foreignKeys.allSatisfy({ deferredKeys[victim, default: []].contains($0) }) {
                // Nothing left to defer (a partition whose parent is missing): take it as it is.
                remaining.remove(victim)
                tables.append(table)
                continue
            }
            deferredKeys[victim, default: []] += table.foreignKeys.filter { key in
                let to = target(key, of: table)
                return to != victim && remaining.contains(to)
            }
        }
    }

    /// Puts the deferred foreign keys back into their tables (for a database that accepts a
    /// key to a table created later), so that none is left to add apart.
    public mutating func keepKeysInline() {
        for (table, key) in deferred {
            guard let i = tables.firstIndex(where: { $0.name == table.name && $0.schema == table.schema }) else {
                continue
            }
            // Where the declaring table listed it: constraint order stays the table's own.
            tables[i].foreignKeys = table.foreignKeys.filter { tables[i].foreignKeys.contains($0) || $0 == key }
        }
        deferred = []
    }
}
