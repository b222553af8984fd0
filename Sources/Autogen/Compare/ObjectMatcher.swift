/// Pairs the model's and the database's constraints or indexes of one table.
enum ObjectMatcher {
    /// The objects to add and to drop. An object matches one of the same name (when both have
    /// names) or, failing that, one with the same signature whatever its name (databases that
    /// keep no names, like SQLite for unnamed constraints), or with any name when `anyName`
    /// says the model's name is only the naming convention's. A same-named pair whose
    /// signatures differ is dropped and added again.
    static func diff<T: Equatable, S: Hashable>(
        model: [T], database: [T], name: (T) -> String?, signature: (T) -> S, anyName: (T) -> Bool = { _ in false }
    ) -> (added: [T], removed: [T]) {
        // The common case: the same named objects in the same (sorted) order, all alike.
        if model.count == database.count,
            zip(model, database).allSatisfy({ m, d in
                guard let n = name(m), n == name(d) else { return false }
                return m == d || signature(m) == signature(d)
            })
        {
            return ([], [])
        }
        var unmatchedDB = Array(database.indices)
        var dbByName: [String: Int] = [:]
        for i in database.indices { if let n = name(database[i]) { dbByName[n] = i } }
        var added: [T] = []
        var removed: [T] = []
        var used = Set<Int>()
        var pending: [T] = []
        for object in model {
            if let n = name(object), let i = dbByName[n], !used.contains(i) {
                used.insert(i)
                if signature(object) != signature(database[i]) {
                    removed.append(database[i])
                    added.append(object)
                }
            } else {
                pending.append(object)
            }
        }
        unmatchedDB.removeAll { used.contains($0) }
        for object in pending {
            let sig = signature(object)
            if let k = unmatchedDB.firstIndex(where: {
                signature(database[$0]) == sig && (name(database[$0]) == nil || name(object) == nil || anyName(object))
            }) {
                unmatchedDB.remove(at: k)
            } else {
                added.append(object)
            }
        }
        removed += unmatchedDB.map { database[$0] }
        return (added, removed)
    }
}
