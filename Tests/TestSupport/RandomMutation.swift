import ModelDSL

extension RandomSchema {
    /// A schema B made from A by seeded random changes of every kind compare detects: columns
    /// added, dropped, retyped (widening only, so existing rows convert), made nullable or
    /// NOT NULL, defaults and comments changed, constraints and indexes added and dropped,
    /// tables added and dropped, columns and tables renamed with hints, enum values added.
    ///
    /// Changes keep the rows `RandomRows` puts into A valid: a NOT NULL column never holds the
    /// NULLs of a foreign-key column, a new UNIQUE only covers columns whose rows differ, a new
    /// CHECK holds for them.
    public static func mutate(_ a: Schema, seed: UInt64, dialect: Dialect) -> Schema {
        var rng = SeededRandom(seed: seed ^ 0xA5A5_5A5A)
        var tables = a.tables
        var enums = a.enums
        let referenced = Set(tables.flatMap { $0.foreignKeys.map(\.referredTable) })
        if dialect == .postgresql, !enums.isEmpty, rng.chance(0.5) {
            let i = rng.int(0...(enums.count - 1))
            let value = "added_\(seed % 97)"
            if !enums[i].values.contains(value) {
                if rng.chance(0.5) { enums[i].values.append(value) } else { enums[i].values.insert(value, at: 0) }
            }
        }
        for t in tables.indices {
            guard rng.chance(0.7) else { continue }
            // Columns whose values a downgrade cannot bring back: NOT NULL without a default, or
            // unique (a re-added column holds one default in every row).
            var unrestorable = Set(tables[t].columns.filter { !$0.isNullable && $0.defaultValue == nil }.map(\.name))
            unrestorable.formUnion(tables[t].uniques.flatMap(\.columns))
            unrestorable.formUnion(tables[t].indexes.filter(\.unique).flatMap(\.columnNames))
            for _ in 0..<rng.int(1...3) {
                mutateTable(&tables[t], rng: &rng, dialect: dialect, referenced: referenced, unrestorable: unrestorable)
            }
        }
        // Drop a table nobody refers to.
        if let victim = tables.indices.filter({ !referenced.contains(tables[$0].name) }).randomElement(using: &rng),
            rng.chance(0.3)
        {
            tables.remove(at: victim)
        }
        // Rename a table nobody refers to, with the hint.
        if let i = tables.indices.filter({ !referenced.contains(tables[$0].name) && !tables[$0].name.contains(" ") })
            .randomElement(using: &rng),
            rng.chance(0.3)
        {
            let old = tables[i].name
            tables[i] = tables[i].renamed(from: old)
            tables[i].name = old + "_renamed"
        }
        if rng.chance(0.4) {
            let extra = RandomSchema.make(seed: seed &+ 7777, tables: 1, dialect: dialect).tables[0]
            var fresh = extra
            fresh.name = "new_\(seed % 1000)"
            fresh.foreignKeys = []
            fresh.primaryKey?.name = "\(fresh.name)_pkey"
            fresh.uniques = fresh.uniques.map {
                var u = $0; u.name = "\(fresh.name)_\(u.name ?? "u")"; return u
            }
            fresh.indexes = fresh.indexes.map {
                var x = $0; x.name = "\(fresh.name)_\(x.name ?? "i")"; return x
            }
            fresh.checks = fresh.checks.map {
                var c = $0; c.name = "\(fresh.name)_\(c.name ?? "c")"; return c
            }
            fresh.columns = fresh.columns.map { c in
                var copy = c
                if case .enumeration(let name, _) = c.type {
                    if let own = enums.first(where: { $0.name == name }) {
                        if copy.defaultValue != nil { copy.defaultValue = .string(own.values[0]) }
                    } else {
                        copy.type = .text
                        copy.defaultValue = nil
                    }
                }
                return copy
            }
            tables.append(fresh)
        }
        mutateKeys(&tables, seed: seed, referenced: referenced, original: Set(a.tables.map(\.name)))
        removeEnumValue(&enums, original: a.enums, seed: seed)
        return Schema(tables: tables, enums: enums)
    }

    /// Removes a value from an enum, one that no row holds: `RandomRows` fills two rows per
    /// table with the first two values, and defaults use the first, so the third on is free.
    private static func removeEnumValue(_ enums: inout [EnumType], original: [EnumType], seed: UInt64) {
        var rng = SeededRandom(seed: seed ^ 0x3C3C_C3C3)
        guard rng.chance(0.3) else { return }
        let candidates = original.filter { $0.values.count > 2 }
        guard let pick = candidates.randomElement(using: &rng),
            let i = enums.firstIndex(where: { $0.name == pick.name })
        else { return }
        let value = pick.values[rng.int(2...(pick.values.count - 1))]
        enums[i].values.removeAll { $0 == value }
    }

    /// Key changes on kept tables, from a generator of their own (so the mutations above stay
    /// what they were for every seed): a foreign key's ON DELETE action or deferrability
    /// changes, and a primary key that no foreign key needs is dropped. Both keep the rows valid.
    private static func mutateKeys(
        _ tables: inout [Table], seed: UInt64, referenced: Set<String>, original: Set<String>
    ) {
        var rng = SeededRandom(seed: seed ^ 0x0F0F_F0F0)
        let kept = tables.indices.filter { original.contains(tables[$0].name) && tables[$0].renamedFrom == nil }
        if rng.chance(0.35), let t = kept.filter({ !tables[$0].foreignKeys.isEmpty }).randomElement(using: &rng) {
            var key = tables[t].foreignKeys[0]
            if rng.chance(0.5) {
                key.onDelete = key.onDelete == .cascade ? .noAction : .cascade
            } else {
                key.deferrable.toggle()
                key.initiallyDeferred = key.deferrable && rng.chance(0.5)
            }
            tables[t].foreignKeys[0] = key
        }
        if rng.chance(0.25),
            let t = kept.filter({ tables[$0].primaryKey != nil && !referenced.contains(tables[$0].name) })
                .randomElement(using: &rng)
        {
            tables[t].primaryKey = nil
        }
    }

    private static func mutateTable(
        _ table: inout Table, rng: inout SeededRandom, dialect: Dialect, referenced: Set<String>,
        unrestorable: Set<String>
    ) {
        let tag = "m\(rng.int(0...9999))"
        let keyColumns = Set(table.primaryKey?.columns ?? [])
        let fkColumns = Set(table.foreignKeys.flatMap(\.columns))
        func used(_ name: String) -> Bool {
            if keyColumns.contains(name) || fkColumns.contains(name) { return true }
            if table.uniques.contains(where: { $0.columns.contains(name) }) { return true }
            if table.checks.contains(where: { $0.expression.contains(name) }) { return true }
            return table.indexes.contains { index in
                index.columnNames.contains(name) || (index.predicate?.contains(name) ?? false)
                    || index.elements.contains {
                        if case .expression(let e) = $0 { return e.contains(name) } else { return false }
                    }
            }
        }
        let plain = table.columns.indices.filter {
            !keyColumns.contains(table.columns[$0].name) && !table.columns[$0].name.contains(" ")
                && !table.columns[$0].name.contains("\"")
        }
        switch rng.int(0...10) {
        case 0:
            let notNull = rng.chance(0.4)
            var column = Column("add_\(tag)", rng.pick([.integer, .text, .varchar(30), .boolean]), nullable: !notNull)
            if notNull {
                switch column.type {
                case .integer: column.defaultValue = .integer(7)
                case .boolean: column.defaultValue = .boolean(false)
                default: column.defaultValue = .string("x")
                }
            }
            table.columns.append(column)
        case 1:
            // A dropped column must be restorable on a table with rows: nullable or defaulted.
            let droppable = plain.filter {
                !used(table.columns[$0].name)
                    && !unrestorable.contains(table.columns[$0].renamedFrom ?? table.columns[$0].name)
            }
            if let i = droppable.randomElement(using: &rng) {
                table.columns.remove(at: i)
            }
        case 2:
            if let i = plain.randomElement(using: &rng) {
                switch table.columns[i].type {
                case .smallint: table.columns[i].type = .integer
                case .integer where !fkColumns.contains(table.columns[i].name): table.columns[i].type = .bigint
                case .varchar(let n?): table.columns[i].type = rng.chance(0.5) ? .text : .varchar(n + 40)
                case .real: table.columns[i].type = .double
                default: break
                }
            }
        case 3:
            if let i = plain.randomElement(using: &rng) {
                let name = table.columns[i].name
                if table.columns[i].isNullable {
                    if !fkColumns.contains(name) && !name.hasPrefix("add_") { table.columns[i].isNullable = false }
                } else {
                    table.columns[i].isNullable = true
                }
            }
        case 4:
            if let i = plain.randomElement(using: &rng) {
                switch table.columns[i].type {
                case .integer, .bigint, .smallint:
                    table.columns[i].defaultValue = rng.chance(0.3) ? nil : .integer(Int64(rng.int(0...99)))
                case .text, .varchar:
                    table.columns[i].defaultValue = rng.chance(0.3) ? nil : .string("d\(rng.int(0...9))")
                case .boolean: table.columns[i].defaultValue = .boolean(rng.chance(0.5))
                default: table.columns[i].defaultValue = nil
                }
            }
        case 5:
            if dialect == .postgresql {
                if let i = plain.randomElement(using: &rng) {
                    table.columns[i].comment = rng.chance(0.5) ? nil : "changed \(tag)"
                }
                table.comment = rng.chance(0.5) ? nil : "table \(tag)"
            }
        case 6:
            let candidates = plain.filter {
                [.integer, .bigint, .text, .varchar(40), .varchar(), .uuid, .date].contains(table.columns[$0].type)
            }
            if let i = candidates.randomElement(using: &rng) {
                table.indexes.append(
                    Index(
                        name: "ix_\(table.name.filter { $0.isLetter || $0.isNumber })_\(tag)",
                        elements: [.column(table.columns[i].name)], unique: rng.chance(0.3)))
            }
        case 7:
            if !table.indexes.isEmpty { table.indexes.remove(at: rng.int(0...(table.indexes.count - 1))) }
        case 8:
            let candidates = plain.filter { [.integer, .bigint, .smallint].contains(table.columns[$0].type) }
            if let i = candidates.randomElement(using: &rng) {
                table.checks.append(Check(name: "ck_\(tag)", expression: "\(table.columns[i].name) >= 0"))
            } else if !table.checks.isEmpty {
                table.checks.removeLast()
            }
        case 9:
            if !table.uniques.isEmpty {
                table.uniques.removeLast()
            } else if let i = plain.filter({
                [.integer, .text, .varchar(40)].contains(table.columns[$0].type)
                    && !table.columns[$0].name.hasPrefix("add_")
            }).randomElement(using: &rng) {
                table.uniques.append(Unique(name: "uq_\(tag)", columns: [table.columns[i].name]))
            }
        default:
            if let i = plain.filter({
                !used(table.columns[$0].name) && table.columns[$0].renamedFrom == nil
                    && !table.columns[$0].name.hasPrefix("add_")
            }).randomElement(using: &rng) {
                let old = table.columns[i].name
                table.columns[i] = table.columns[i].renamed(from: old)
                table.columns[i].name = old + "_r"
            }
        }
    }
}
