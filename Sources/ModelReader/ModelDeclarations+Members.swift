import ModelDSL

extension ModelDeclarations {
    /// A modifier: the receiver's type, the method's name and its signature. `make` gets the
    /// receiver as `self`.
    struct Method: Sendable {
        let signature: ModelSignature
        let apply: @Sendable (ModelValue, ModelArguments) -> ModelValue
    }

    /// Modifiers, by the receiver's type and the method's name.
    static let methods: [ModelType: [String: Method]] = [
        .column: [
            "notNull": columnMethod([]) { c, _ in c.notNull() },
            "nullable": columnMethod([]) { c, _ in c.nullable() },
            "primaryKey": columnMethod([]) { c, _ in c.primaryKey() },
            "unique": columnMethod([.defaulted("name", .optional(.string))]) { c, a in
                c.unique(name: a.optionalString(0))
            },
            "index": columnMethod([.defaulted("name", .optional(.string)), .defaulted("unique", .bool)]) { c, a in
                c.index(name: a.optionalString(0), unique: a.bool(1, default: false))
            },
            "default": columnMethod([.unlabeled(.defaultValue)]) { c, a in c.default(a.defaultValue(0)!) },
            "identity": columnMethod([.defaulted(nil, .identity)]) { c, a in
                c.identity(a.identity(0, default: .byDefault)!)
            },
            "serial": columnMethod([]) { c, _ in c.serial() },
            "collation": columnMethod([.unlabeled(.optional(.string))]) { c, a in c.collation(a.optionalString(0)) },
            "statistics": columnMethod([.unlabeled(.optional(.int))]) { c, a in c.statistics(a.optionalInt(0)) },
            "sequence": columnMethod([
                .defaulted("type", .optional(.columnType)), .defaulted("start", .optional(.int)),
                .defaulted("increment", .optional(.int)), .defaulted("minValue", .optional(.int)),
                .defaulted("maxValue", .optional(.int)), .defaulted("cache", .optional(.int)),
                .defaulted("cycle", .bool),
            ]) { c, a in
                c.sequence(
                    type: a.optionalColumnType(0), start: a.optionalInt(1), increment: a.optionalInt(2),
                    minValue: a.optionalInt(3), maxValue: a.optionalInt(4), cache: a.optionalInt(5),
                    cycle: a.bool(6, default: false))
            },
            "autoincrement": columnMethod([]) { c, _ in c.autoincrement() },
            "generated": columnMethod([.unlabeled(.string), .defaulted("stored", .bool)]) { c, a in
                c.generated(a.string(0), stored: a.bool(1, default: true))
            },
            "renamed": columnMethod([.labeled("from", .string)]) { c, a in c.renamed(from: a.string(0)) },
            "comment": columnMethod([.unlabeled(.optional(.string))]) { c, a in c.comment(a.optionalString(0)) },
            "references": columnMethod([
                .unlabeled(.string), .unlabeled(.string), .defaulted("schema", .optional(.string)),
                .defaulted("onDelete", .referentialAction), .defaulted("onUpdate", .referentialAction),
                .defaulted("deferrable", .bool), .defaulted("initiallyDeferred", .bool),
                .defaulted("name", .optional(.string)),
            ]) { c, a in
                c.references(
                    a.string(0), a.string(1), schema: a.optionalString(2), onDelete: a.action(3), onUpdate: a.action(4),
                    deferrable: a.bool(5, default: false), initiallyDeferred: a.bool(6, default: false),
                    name: a.optionalString(7))
            },
        ],
        .table: [
            "comment": Method(signature: ModelSignature(.table, [.unlabeled(.optional(.string))]) { _ in .none }) {
                receiver, a in
                guard case .table(let t) = receiver else { preconditionFailure("not a Table") }
                return .table(t.comment(a.optionalString(0)))
            },
            "rowLevelSecurity": Method(
                signature: ModelSignature(.table, [.defaulted(nil, .bool), .defaulted("force", .bool)]) { _ in .none }
            ) { receiver, a in
                guard case .table(let t) = receiver else { preconditionFailure("not a Table") }
                return .table(t.rowLevelSecurity(a.bool(0, default: true), force: a.bool(1, default: false)))
            },
            "unlogged": Method(signature: ModelSignature(.table, [.defaulted(nil, .bool)]) { _ in .none }) {
                receiver, a in
                guard case .table(let t) = receiver else { preconditionFailure("not a Table") }
                return .table(t.unlogged(a.bool(0, default: true)))
            },
            "with": Method(
                signature: ModelSignature(.table, [.unlabeled(.string), .unlabeled(.string)]) { _ in .none }
            ) {
                receiver, a in
                guard case .table(let t) = receiver else { preconditionFailure("not a Table") }
                return .table(t.with(a.string(0), a.string(1)))
            },
            "partitioned": Method(signature: ModelSignature(.table, [.labeled("by", .string)]) { _ in .none }) {
                receiver, a in
                guard case .table(let t) = receiver else { preconditionFailure("not a Table") }
                return .table(t.partitioned(by: a.string(0)))
            },
            "partition": Method(
                signature: ModelSignature(
                    .table, [.labeled("of", .string), .defaulted("schema", .optional(.string)), .unlabeled(.string)]
                ) { _ in .none }
            ) { receiver, a in
                guard case .table(let t) = receiver else { preconditionFailure("not a Table") }
                return .table(t.partition(of: a.string(0), schema: a.optionalString(1), a.string(2)))
            },
            "renamed": Method(signature: ModelSignature(.table, [.labeled("from", .string)]) { _ in .none }) {
                receiver, a in
                guard case .table(let t) = receiver else { preconditionFailure("not a Table") }
                return .table(t.renamed(from: a.string(0)))
            },
        ],
        .index: [
            "where": indexMethod([.unlabeled(.string)]) { i, a in i.where(a.string(0)) },
            "using": indexMethod([.unlabeled(.string)]) { i, a in i.using(a.string(0)) },
            "unique": indexMethod([.defaulted(nil, .bool)]) { i, a in i.unique(a.bool(0, default: true)) },
            "key": indexMethod([
                .unlabeled(.string), .defaulted("descending", .bool), .defaulted("nullsFirst", .optional(.bool)),
                .defaulted("opclass", .optional(.string)), .defaulted("collation", .optional(.string)),
            ]) { i, a in
                i.key(
                    a.string(0), descending: a.bool(1, default: false), nullsFirst: a.optionalBool(2),
                    opclass: a.optionalString(3), collation: a.optionalString(4))
            },
            "include": indexMethod([.variadic(nil, .string)]) { i, a in
                var copy = i
                copy.include = a.strings(0)
                return copy
            },
            "nullsNotDistinct": indexMethod([.defaulted(nil, .bool)]) { i, a in
                i.nullsNotDistinct(a.bool(0, default: true))
            },
            "with": indexMethod([.unlabeled(.string), .unlabeled(.string)]) { i, a in
                i.with(a.string(0), a.string(1))
            },
        ],
        .foreignKey: [
            "matchFull": Method(signature: ModelSignature(.foreignKey, [.defaulted(nil, .bool)]) { _ in .none }) {
                receiver, a in
                guard case .foreignKey(let k) = receiver else { preconditionFailure("not a ForeignKey") }
                return .foreignKey(k.matchFull(a.bool(0, default: true)))
            },
            "notValid": Method(signature: ModelSignature(.foreignKey, [.defaulted(nil, .bool)]) { _ in .none }) {
                receiver, a in
                guard case .foreignKey(let k) = receiver else { preconditionFailure("not a ForeignKey") }
                return .foreignKey(k.notValid(a.bool(0, default: true)))
            },
        ],
        .check: [
            "notValid": Method(signature: ModelSignature(.check, [.defaulted(nil, .bool)]) { _ in .none }) {
                receiver, a in
                guard case .check(let c) = receiver else { preconditionFailure("not a Check") }
                return .check(c.notValid(a.bool(0, default: true)))
            }
        ],
        .domain: [
            "notNull": domainMethod([]) { d, _ in d.notNull() },
            "default": domainMethod([.unlabeled(.defaultValue)]) { d, a in d.default(a.defaultValue(0)!) },
            "check": domainMethod([.unlabeled(.string), .unlabeled(.string)]) { d, a in
                d.check(a.string(0), a.string(1))
            },
            "collation": domainMethod([.unlabeled(.optional(.string))]) { d, a in d.collation(a.optionalString(0)) },
        ],
        .view: [
            "renamed": Method(signature: ModelSignature(.view, [.labeled("from", .string)]) { _ in .none }) {
                receiver, a in
                guard case .view(let v) = receiver else { preconditionFailure("not a View") }
                return .view(v.renamed(from: a.string(0)))
            },
            "comment": Method(signature: ModelSignature(.view, [.unlabeled(.optional(.string))]) { _ in .none }) {
                receiver, a in
                guard case .view(let v) = receiver else { preconditionFailure("not a View") }
                return .view(v.comment(a.optionalString(0)))
            },
        ],
        .function: [
            "renamed": Method(signature: ModelSignature(.function, [.labeled("from", .string)]) { _ in .none }) {
                receiver, a in
                guard case .function(let f) = receiver else { preconditionFailure("not a Function") }
                return .function(f.renamed(from: a.string(0)))
            },
            "comment": Method(signature: ModelSignature(.function, [.unlabeled(.optional(.string))]) { _ in .none }) {
                receiver, a in
                guard case .function(let f) = receiver else { preconditionFailure("not a Function") }
                return .function(f.comment(a.optionalString(0)))
            },
        ],
        .trigger: [
            "renamed": Method(signature: ModelSignature(.trigger, [.labeled("from", .string)]) { _ in .none }) {
                receiver, a in
                guard case .trigger(let t) = receiver else { preconditionFailure("not a Trigger") }
                return .trigger(t.renamed(from: a.string(0)))
            },
            "comment": Method(signature: ModelSignature(.trigger, [.unlabeled(.optional(.string))]) { _ in .none }) {
                receiver, a in
                guard case .trigger(let t) = receiver else { preconditionFailure("not a Trigger") }
                return .trigger(t.comment(a.optionalString(0)))
            },
        ],
        .policy: [
            "renamed": Method(signature: ModelSignature(.policy, [.labeled("from", .string)]) { _ in .none }) {
                receiver, a in
                guard case .policy(let p) = receiver else { preconditionFailure("not a Policy") }
                return .policy(p.renamed(from: a.string(0)))
            }
        ],
        .unique: [
            "nullsNotDistinct": Method(signature: ModelSignature(.unique, [.defaulted(nil, .bool)]) { _ in .none }) {
                receiver, a in
                guard case .unique(let u) = receiver else { preconditionFailure("not a Unique") }
                return .unique(u.nullsNotDistinct(a.bool(0, default: true)))
            }
        ],
    ]

    private static func columnMethod(
        _ parameters: [P], _ apply: @escaping @Sendable (Column, ModelArguments) -> Column
    ) -> Method {
        Method(signature: ModelSignature(.column, parameters) { _ in .none }) { receiver, a in
            guard case .column(let c) = receiver else { preconditionFailure("not a Column") }
            return .column(apply(c, a))
        }
    }

    private static func domainMethod(
        _ parameters: [P], _ apply: @escaping @Sendable (Domain, ModelArguments) -> Domain
    ) -> Method {
        Method(signature: ModelSignature(.domain, parameters) { _ in .none }) { receiver, a in
            guard case .domain(let d) = receiver else { preconditionFailure("not a Domain") }
            return .domain(apply(d, a))
        }
    }

    private static func indexMethod(
        _ parameters: [P], _ apply: @escaping @Sendable (Index, ModelArguments) -> Index
    ) -> Method {
        Method(signature: ModelSignature(.index, parameters) { _ in .none }) { receiver, a in
            guard case .index(let i) = receiver else { preconditionFailure("not an Index") }
            return .index(apply(i, a))
        }
    }

    /// Static members used without a call (`.text`, `.cascade`), by type and name.
    static let constants: [ModelType: [String: ModelValue]] = [
        .columnType: [
            "smallint": .columnType(.smallint), "integer": .columnType(.integer), "bigint": .columnType(.bigint),
            "real": .columnType(.real), "double": .columnType(.double), "boolean": .columnType(.boolean),
            "text": .columnType(.text), "date": .columnType(.date), "interval": .columnType(.interval),
            "json": .columnType(.json), "jsonb": .columnType(.jsonb), "uuid": .columnType(.uuid),
            "binary": .columnType(.binary),
        ],
        .identity: Dictionary(uniqueKeysWithValues: Identity.allCases.map { ($0.rawValue, .identity($0)) }),
        .referentialAction: Dictionary(
            uniqueKeysWithValues: ReferentialAction.allCases.map { ($0.rawValue, .referentialAction($0)) }),
        .namingConvention: ["default": .namingConvention(.default)],
        .volatility: Dictionary(
            uniqueKeysWithValues: Function.Volatility.allCases.map { ($0.rawValue, .volatility($0)) }),
        .parallel: Dictionary(uniqueKeysWithValues: Function.Parallel.allCases.map { ($0.rawValue, .parallel($0)) }),
        .triggerTiming: Dictionary(
            uniqueKeysWithValues: Trigger.Timing.allCases.map { ($0.rawValue, .triggerTiming($0)) }),
        .policyCommand: Dictionary(
            uniqueKeysWithValues: Policy.Command.allCases.map { ($0.rawValue, .policyCommand($0)) }),
        .triggerFiring: Dictionary(
            uniqueKeysWithValues: Trigger.Firing.allCases.map { ($0.rawValue, .triggerFiring($0)) }),
        .triggerEvent: Dictionary(
            uniqueKeysWithValues: Trigger.Event.allCases.map { ($0.rawValue, .triggerEvent($0)) }),

    ]

    /// Static members that are called (`.varchar(50)`, `.sql("now()")`), by type and name.
    static let functions: [ModelType: [String: ModelSignature]] = [
        .columnType: [
            "numeric": ModelSignature(
                .columnType, [.defaulted(nil, .optional(.int)), .defaulted(nil, .optional(.int))]
            ) {
                a in .columnType(.numeric(a.optionalInt(0), a.optionalInt(1)))
            },
            "varchar": ModelSignature(.columnType, [.defaulted(nil, .optional(.int))]) { a in
                .columnType(.varchar(a.optionalInt(0)))
            },
            "char": ModelSignature(.columnType, [.defaulted(nil, .optional(.int))]) { a in
                .columnType(.char(a.optionalInt(0)))
            },
            "time": ModelSignature(.columnType, [.defaulted("withTimeZone", .bool)]) { a in
                .columnType(.time(withTimeZone: a.bool(0, default: false)))
            },
            "timestamp": ModelSignature(.columnType, [.defaulted("withTimeZone", .bool)]) { a in
                .columnType(.timestamp(withTimeZone: a.bool(0, default: false)))
            },
            "enumeration": ModelSignature(.columnType, [.unlabeled(.string), .defaulted("schema", .optional(.string))])
            {
                a in .columnType(.enumeration(a.string(0), schema: a.optionalString(1)))
            },
            "array": ModelSignature(.columnType, [.unlabeled(.columnType)]) { a in .columnType(.array(a.columnType(0)))
            },
            "raw": ModelSignature(.columnType, [.unlabeled(.string)]) { a in .columnType(.raw(a.string(0))) },
        ],
        .defaultValue: [
            "string": ModelSignature(.defaultValue, [.unlabeled(.string)]) { a in .defaultValue(.string(a.string(0))) },
            "integer": ModelSignature(.defaultValue, [.unlabeled(.int64)]) { a in .defaultValue(.integer(a.int64(0))) },
            "decimal": ModelSignature(.defaultValue, [.unlabeled(.string)]) { a in .defaultValue(.decimal(a.string(0)))
            },
            "boolean": ModelSignature(.defaultValue, [.unlabeled(.bool)]) { a in
                .defaultValue(.boolean(a.bool(0, default: false)))
            },
            "sql": ModelSignature(.defaultValue, [.unlabeled(.string)]) { a in .defaultValue(.sql(a.string(0))) },
        ],
        .indexElement: [
            "column": ModelSignature(.indexElement, [.unlabeled(.string)]) { a in .indexElement(.column(a.string(0))) },
            "expression": ModelSignature(.indexElement, [.unlabeled(.string)]) { a in
                .indexElement(.expression(a.string(0)))
            },
        ],
    ]
}
