import ModelDSL

/// DSL source for schema values: the same spelling a model file uses, so a revision reads
/// like the model (`Column("email", .text).notNull()`).
enum SwiftSchemaSource {
    /// `Column("email", .text).notNull().default("x").comment("...")`.
    static func column(_ column: Column, inPrimaryKey: Bool = false, primaryKeyModifier: Bool = false) -> String {
        var out = "Column(\(SwiftLiteral.string(column.name)), \(SwiftLiteral.type(column.type)))"
        if primaryKeyModifier { out += ".primaryKey()" }
        if !column.isNullable && !inPrimaryKey { out += ".notNull()" }
        if let identity = column.identity {
            switch identity {
            case .serial: out += ".serial()"
            case .autoincrement: out += ".autoincrement()"
            case .byDefault: out += ".identity()"
            case .always: out += ".identity(.always)"
            }
        }
        if let value = column.defaultValue { out += ".default(\(SwiftLiteral.defaultValue(value)))" }
        if let collation = column.collation { out += ".collation(\(SwiftLiteral.string(collation)))" }
        if let statistics = column.statistics { out += ".statistics(\(statistics))" }
        if let options = column.sequence, column.identity != nil {
            out += ".sequence(" + sequenceArguments(options) + ")"
        }
        if let generated = column.generated {
            out +=
                ".generated(\(SwiftLiteral.string(generated.expression))"
                + (generated.stored ? ")" : ", stored: false)")
        }
        if let comment = column.comment { out += ".comment(\(SwiftLiteral.string(comment)))" }
        return out
    }

    /// `PrimaryKey("a", "b", name: "t_pkey")`.
    static func primaryKey(_ key: PrimaryKey) -> String {
        let columns = key.columns.map(SwiftLiteral.string).joined(separator: ", ")
        return "PrimaryKey(\(columns)" + (key.name.map { ", name: \(SwiftLiteral.string($0))" } ?? "") + ")"
    }

    /// `Unique("uq_name", "a", "b")`, or `Unique(on: "a")` when unnamed.
    static func unique(_ unique: Unique) -> String {
        let columns = unique.columns.map(SwiftLiteral.string).joined(separator: ", ")
        let options = unique.nullsNotDistinct ? ".nullsNotDistinct()" : ""
        guard let name = unique.name else { return "Unique(on: \(columns))" + options }
        return "Unique(\(SwiftLiteral.string(name)), \(columns))" + options
    }

    /// `Check("ck_name", "balance >= 0")`.
    static func check(_ check: Check) -> String {
        let expression = SwiftLiteral.string(check.expression)
        let options = check.notValid ? ".notValid()" : ""
        guard let name = check.name else { return "Check(name: nil, expression: \(expression))" + options }
        return "Check(\(SwiftLiteral.string(name)), \(expression))" + options
    }

    /// `ForeignKey(["org_id"], references: "organization", ["id"], onDelete: .cascade, name: "...")`.
    static func foreignKey(_ key: ForeignKey) -> String {
        var out =
            "ForeignKey(\(SwiftLiteral.strings(key.columns)), references: \(SwiftLiteral.string(key.referredTable)), "
        out += SwiftLiteral.strings(key.referredColumns)
        if let schema = key.referredSchema { out += ", schema: \(SwiftLiteral.string(schema))" }
        if key.onDelete != .noAction { out += ", onDelete: \(SwiftLiteral.action(key.onDelete))" }
        if key.onUpdate != .noAction { out += ", onUpdate: \(SwiftLiteral.action(key.onUpdate))" }
        if key.initiallyDeferred {
            out += ", initiallyDeferred: true"
        } else if key.deferrable {
            out += ", deferrable: true"
        }
        if let name = key.name { out += ", name: \(SwiftLiteral.string(name))" }
        return out + ")" + (key.matchFull ? ".matchFull()" : "") + (key.notValid ? ".notValid()" : "")
    }

    /// `Index("ix", "a", "b")`, `Index("ix", expressions: ["lower(email)"])`, with modifiers.
    static func index(_ index: Index) -> String {
        let columns = index.columnNames
        var out: String
        let name = index.name.map(SwiftLiteral.string)
        if columns.count == index.elements.count {
            let list = columns.map(SwiftLiteral.string).joined(separator: ", ")
            out = name.map { "Index(\($0), \(list)" } ?? "Index(on: \(list)"
            out += index.unique ? ", unique: true)" : ")"
        } else {
            let elements = index.elements.map { element -> String in
                switch element {
                case .column(let c): return ".column(\(SwiftLiteral.string(c)))"
                case .expression(let e): return ".expression(\(SwiftLiteral.string(e)))"
                }
            }
            if index.elements.allSatisfy({ if case .expression = $0 { return true } else { return false } }), let name {
                let list = index.elements.compactMap { e -> String? in
                    if case .expression(let sql) = e { return SwiftLiteral.string(sql) }
                    return nil
                }
                out =
                    "Index(\(name), expressions: [\(list.joined(separator: ", "))]"
                    + (index.unique ? ", unique: true)" : ")")
            } else {
                out = "Index(name: \(name ?? "nil"), elements: [\(elements.joined(separator: ", "))]"
                out += index.unique ? ", unique: true)" : ")"
            }
        }
        if let method = index.method { out += ".using(\(SwiftLiteral.string(method)))" }
        for (position, element) in index.elements.enumerated() {
            let options = index.keyOptions(at: position)
            guard !options.isDefault else { continue }
            switch element {
            case .column(let text), .expression(let text): out += ".key(\(SwiftLiteral.string(text))"
            }
            if options.descending { out += ", descending: true" }
            if let first = options.nullsFirst { out += ", nullsFirst: \(first)" }
            if let opclass = options.opclass { out += ", opclass: \(SwiftLiteral.string(opclass))" }
            if let collation = options.collation { out += ", collation: \(SwiftLiteral.string(collation))" }
            out += ")"
        }
        if !index.include.isEmpty {
            out += ".include(\(index.include.map(SwiftLiteral.string).joined(separator: ", ")))"
        }
        if index.nullsNotDistinct { out += ".nullsNotDistinct()" }
        for (parameter, value) in index.storage.sorted(by: { $0.key < $1.key }) {
            out += ".with(\(SwiftLiteral.string(parameter)), \(SwiftLiteral.string(value)))"
        }
        if let predicate = index.predicate { out += ".where(\(SwiftLiteral.string(predicate)))" }
        return out
    }

    /// `Domain("email", .text).notNull().check("email_check", "VALUE ~ '@'")`.
    static func domain(_ d: Domain) -> String {
        var out = "Domain(\(SwiftLiteral.string(d.name)), \(SwiftLiteral.type(d.baseType))"
        if let schema = d.schema { out += ", schema: \(SwiftLiteral.string(schema))" }
        out += ")"
        if let collation = d.collation { out += ".collation(\(SwiftLiteral.string(collation)))" }
        if let value = d.defaultValue { out += ".default(\(SwiftLiteral.defaultValue(value)))" }
        if !d.isNullable { out += ".notNull()" }
        for check in d.checks {
            out += ".check(\(SwiftLiteral.string(check.name ?? "")), \(SwiftLiteral.string(check.expression)))"
        }
        return out
    }

    /// `CompositeType("address", attributes: [Column("street", .text)])`.
    static func compositeType(_ c: CompositeType) -> String {
        var out = "CompositeType(\(SwiftLiteral.string(c.name))"
        if let schema = c.schema { out += ", schema: \(SwiftLiteral.string(schema))" }
        return out + ", attributes: [" + c.attributes.map { column($0) }.joined(separator: ", ") + "])"
    }

    /// `DatabaseSequence("invoice_number_seq", start: 1000)`.
    /// `View("active_account", "SELECT ...")`, `MaterializedView("daily", "SELECT ...", indexes: [...])`.
    static func view(_ v: View, multilineIndent: String? = nil) -> String {
        var out = (v.materialized ? "MaterializedView(" : "View(") + SwiftLiteral.string(v.name)
        if let schema = v.schema { out += ", schema: \(SwiftLiteral.string(schema))" }
        if !v.materialized, !v.columns.isEmpty { out += ", columns: \(SwiftLiteral.strings(v.columns))" }
        out +=
            ", "
            + (multilineIndent.map { SwiftMultilineLiteral.literal(v.definition, indent: $0) }
                ?? SwiftLiteral.string(v.definition))
        if v.materialized {
            if !v.withData { out += ", withData: false" }
            if !v.indexes.isEmpty { out += ", indexes: [" + v.indexes.map(index).joined(separator: ", ") + "]" }
        }
        if let comment = v.comment { out += ", comment: \(SwiftLiteral.string(comment))" }
        out += ")"
        if let old = v.renamedFrom { out += ".renamed(from: \(SwiftLiteral.string(old)))" }
        return out
    }

    static func sequence(_ s: DatabaseSequence) -> String {
        var out = "DatabaseSequence(\(SwiftLiteral.string(s.name))"
        if let schema = s.schema { out += ", schema: \(SwiftLiteral.string(schema))" }
        let options = sequenceArguments(s.options)
        return out + (options.isEmpty ? "" : ", " + options) + ")"
    }

    /// `SequenceOptions(start: 1000)`.
    static func sequenceOptions(_ o: SequenceOptions) -> String {
        "SequenceOptions(" + sequenceArguments(o) + ")"
    }

    /// `type: .integer, start: 1000, ...`: the options that are set, as DSL arguments.
    static func sequenceArguments(_ o: SequenceOptions) -> String {
        var args: [String] = []
        if let type = o.type { args.append("type: " + SwiftLiteral.type(type)) }
        if let start = o.start { args.append("start: \(start)") }
        if let increment = o.increment { args.append("increment: \(increment)") }
        if let minValue = o.minValue { args.append("minValue: \(minValue)") }
        if let maxValue = o.maxValue { args.append("maxValue: \(maxValue)") }
        if let cache = o.cache { args.append("cache: \(cache)") }
        if o.cycle == true { args.append("cycle: true") }
        return args.joined(separator: ", ")
    }

    /// `Exclusion("booking_no_overlap", "USING gist (room_id WITH =, during WITH &&)")`.
    static func exclusion(_ e: Exclusion) -> String {
        "Exclusion(\(SwiftLiteral.string(e.name)), \(SwiftLiteral.string(e.definition)))"
    }

    /// `Extension("citext")`.
    static func `extension`(_ e: Extension) -> String {
        "Extension(\(SwiftLiteral.string(e.name))" + (e.schema.map { ", schema: \(SwiftLiteral.string($0))" } ?? "")
            + ")"
    }

    /// `Enum("mood", ["happy", "sad"])`.
    static func enumType(_ e: EnumType) -> String {
        "Enum(\(SwiftLiteral.string(e.name)), \(SwiftLiteral.strings(e.values))"
            + (e.schema.map { ", schema: \(SwiftLiteral.string($0))" } ?? "") + ")"
    }
}
