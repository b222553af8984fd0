import ModelDSL

/// The DSL as the reader knows it: every initializer, modifier and static member a
/// declarative model uses, with Swift's parameter lists, each making its value with the DSL's
/// own code. A name or an argument list not here leaves the file to the compiler.
///
/// When a declaration in ModelDSL changes, this table changes with it; `ModelReaderCoverageTests`
/// reads a file that uses every entry and compares the result with the same file compiled.
enum ModelDeclarations {
    typealias P = ModelSignature.Parameter

    /// Initializers, by the type name they are called with.
    static let initializers: [String: [ModelSignature]] = [
        "Schema": [
            ModelSignature(.schema, [.defaulted("naming", .namingConvention)], builder: .schema) { a in
                let elements = a.schemaElements
                return .schema(Schema(naming: a.namingConvention(0)) { elements })
            }
        ],
        "Table": [
            ModelSignature(.table, [.unlabeled(.string), .defaulted("schema", .optional(.string))], builder: .table) {
                a in .table(Table(name: a.string(0), schema: a.optionalString(1), elements: a.tableElements))
            }
        ],
        "Column": [
            ModelSignature(
                .column,
                [
                    .unlabeled(.string), .unlabeled(.columnType), .defaulted("nullable", .bool),
                    .defaulted("default", .optional(.defaultValue)), .defaulted("identity", .optional(.identity)),
                    .defaulted("comment", .optional(.string)),
                ]
            ) { a in
                .column(
                    Column(
                        a.string(0), a.columnType(1), nullable: a.bool(2, default: true), default: a.defaultValue(3),
                        identity: a.identity(4, default: nil), comment: a.optionalString(5)))
            }
        ],
        "Index": [
            ModelSignature(.index, [.unlabeled(.string), .variadic(nil, .string), .defaulted("unique", .bool)]) { a in
                .index(
                    Index(
                        name: a.string(0), elements: a.strings(1).map(IndexElement.column),
                        unique: a.bool(2, default: false)))
            },
            ModelSignature(
                .index, [.unlabeled(.string), .labeled("expressions", .array(.string)), .defaulted("unique", .bool)]
            ) { a in
                .index(
                    Index(
                        name: a.string(0), elements: a.strings(1).map(IndexElement.expression),
                        unique: a.bool(2, default: false)))
            },
            ModelSignature(.index, [.variadic("on", .string), .defaulted("unique", .bool)]) { a in
                .index(
                    Index(name: nil, elements: a.strings(0).map(IndexElement.column), unique: a.bool(1, default: false))
                )
            },
            ModelSignature(
                .index,
                [
                    .labeled("name", .optional(.string)), .labeled("elements", .array(.indexElement)),
                    .defaulted("unique", .bool), .defaulted("method", .optional(.string)),
                    .defaulted("predicate", .optional(.string)),
                ]
            ) { a in
                .index(
                    Index(
                        name: a.optionalString(0), elements: a.indexElements(1), unique: a.bool(2, default: false),
                        method: a.optionalString(3), predicate: a.optionalString(4)))
            },
        ],
        "Unique": [
            ModelSignature(.unique, [.unlabeled(.string), .variadic(nil, .string)]) { a in
                .unique(Unique(name: a.string(0), columns: a.strings(1)))
            },
            ModelSignature(.unique, [.variadic("on", .string)]) { a in .unique(Unique(name: nil, columns: a.strings(0)))
            },
            ModelSignature(.unique, [.labeled("name", .optional(.string)), .labeled("columns", .array(.string))]) { a in
                .unique(Unique(name: a.optionalString(0), columns: a.strings(1)))
            },
        ],
        "PrimaryKey": [
            ModelSignature(.primaryKey, [.variadic(nil, .string), .defaulted("name", .optional(.string))]) { a in
                .primaryKey(PrimaryKey(columns: a.strings(0), name: a.optionalString(1)))
            },
            ModelSignature(.primaryKey, [.labeled("columns", .array(.string)), .defaulted("name", .optional(.string))])
            {
                a in .primaryKey(PrimaryKey(columns: a.strings(0), name: a.optionalString(1)))
            },
        ],
        "ForeignKey": [
            ModelSignature(
                .foreignKey,
                [
                    .unlabeled(.array(.string)), .labeled("references", .string), .unlabeled(.array(.string)),
                    .defaulted("schema", .optional(.string)), .defaulted("onDelete", .referentialAction),
                    .defaulted("onUpdate", .referentialAction), .defaulted("deferrable", .bool),
                    .defaulted("initiallyDeferred", .bool), .defaulted("name", .optional(.string)),
                ]
            ) { a in
                .foreignKey(
                    ForeignKey(
                        a.strings(0), references: a.string(1), a.strings(2), schema: a.optionalString(3),
                        onDelete: a.action(4), onUpdate: a.action(5), deferrable: a.bool(6, default: false),
                        initiallyDeferred: a.bool(7, default: false), name: a.optionalString(8)))
            }
        ],
        "Exclusion": [
            ModelSignature(.exclusion, [.unlabeled(.string), .unlabeled(.string)]) { a in
                .exclusion(Exclusion(a.string(0), a.string(1)))
            }
        ],
        "Check": [
            ModelSignature(.check, [.unlabeled(.string), .unlabeled(.string)]) { a in
                .check(Check(a.string(0), a.string(1)))
            },
            ModelSignature(.check, [.labeled("name", .optional(.string)), .labeled("expression", .string)]) { a in
                .check(Check(name: a.optionalString(0), expression: a.string(1)))
            },
        ],
        "EnumType": enumInitializers,
        "Enum": enumInitializers,
        "DatabaseSequence": [
            ModelSignature(
                .sequence,
                [
                    .unlabeled(.string), .defaulted("schema", .optional(.string)),
                    .defaulted("type", .optional(.columnType)), .defaulted("start", .optional(.int)),
                    .defaulted("increment", .optional(.int)), .defaulted("minValue", .optional(.int)),
                    .defaulted("maxValue", .optional(.int)), .defaulted("cache", .optional(.int)),
                    .defaulted("cycle", .bool),
                ]
            ) { a in
                .sequence(
                    DatabaseSequence(
                        a.string(0), schema: a.optionalString(1), type: a.optionalColumnType(2),
                        start: a.optionalInt(3),
                        increment: a.optionalInt(4), minValue: a.optionalInt(5), maxValue: a.optionalInt(6),
                        cache: a.optionalInt(7), cycle: a.bool(8, default: false)))
            }
        ],
        "Domain": [
            ModelSignature(
                .domain, [.unlabeled(.string), .unlabeled(.columnType), .defaulted("schema", .optional(.string))]
            ) {
                a in .domain(Domain(a.string(0), a.columnType(1), schema: a.optionalString(2)))
            }
        ],
        "CompositeType": [
            ModelSignature(
                .compositeType,
                [
                    .unlabeled(.string), .defaulted("schema", .optional(.string)),
                    .labeled("attributes", .array(.column)),
                ]
            ) { a in
                .compositeType(CompositeType(a.string(0), schema: a.optionalString(1), attributes: a.columns(2)))
            }
        ],
        "View": [
            ModelSignature(
                .view,
                [
                    .unlabeled(.string), .defaulted("schema", .optional(.string)),
                    .defaulted("columns", .array(.string)), .unlabeled(.string),
                    .defaulted("comment", .optional(.string)),
                ]
            ) { a in
                .view(
                    View(
                        a.string(0), schema: a.optionalString(1), columns: a.strings(2), a.string(3),
                        comment: a.optionalString(4)))
            }
        ],
        "MaterializedView": [
            ModelSignature(
                .view,
                [
                    .unlabeled(.string), .defaulted("schema", .optional(.string)), .unlabeled(.string),
                    .defaulted("withData", .bool), .defaulted("indexes", .array(.index)),
                    .defaulted("comment", .optional(.string)),
                ]
            ) { a in
                .view(
                    MaterializedView(
                        a.string(0), schema: a.optionalString(1), a.string(2), withData: a.bool(3, default: true),
                        indexes: a.indexes(4), comment: a.optionalString(5)))
            }
        ],
        "Function": [
            ModelSignature(
                .function,
                [
                    .unlabeled(.string), .defaulted("schema", .optional(.string)), .defaulted("arguments", .string),
                    .labeled("returns", .string), .labeled("language", .string),
                    .defaulted("volatility", .volatility), .defaulted("strict", .bool),
                    .defaulted("securityDefiner", .bool), .defaulted("leakproof", .bool),
                    .defaulted("parallel", .parallel), .defaulted("cost", .optional(.double)),
                    .defaulted("rows", .optional(.double)), .defaulted("settings", .array(.string)),
                    .defaulted("standardBody", .bool), .defaulted("comment", .optional(.string)),
                    .labeled("body", .string),
                ]
            ) { a in
                .function(
                    Function(
                        a.string(0), schema: a.optionalString(1), arguments: a.optionalString(2) ?? "",
                        returns: a.string(3), language: a.string(4), volatility: a.volatility(5),
                        strict: a.bool(6, default: false), securityDefiner: a.bool(7, default: false),
                        leakproof: a.bool(8, default: false), parallel: a.parallel(9), cost: a.optionalDouble(10),
                        rows: a.optionalDouble(11), settings: a.strings(12), standardBody: a.bool(13, default: false),
                        comment: a.optionalString(14), body: a.string(15)))
            }
        ],
        "Procedure": [
            ModelSignature(
                .function,
                [
                    .unlabeled(.string), .defaulted("schema", .optional(.string)), .defaulted("arguments", .string),
                    .labeled("language", .string), .defaulted("securityDefiner", .bool),
                    .defaulted("settings", .array(.string)), .defaulted("standardBody", .bool),
                    .defaulted("comment", .optional(.string)), .labeled("body", .string),
                ]
            ) { a in
                .function(
                    Procedure(
                        a.string(0), schema: a.optionalString(1), arguments: a.optionalString(2) ?? "",
                        language: a.string(3), securityDefiner: a.bool(4, default: false), settings: a.strings(5),
                        standardBody: a.bool(6, default: false), comment: a.optionalString(7), body: a.string(8)))
            }
        ],
        "Aggregate": [
            ModelSignature(
                .function,
                [
                    .unlabeled(.string), .defaulted("schema", .optional(.string)), .labeled("arguments", .string),
                    .labeled("options", .string), .defaulted("comment", .optional(.string)),
                ]
            ) { a in
                .function(
                    Aggregate(
                        a.string(0), schema: a.optionalString(1), arguments: a.string(2), options: a.string(3),
                        comment: a.optionalString(4)))
            }
        ],
        "Trigger": [
            ModelSignature(
                .trigger,
                [
                    .unlabeled(.string), .labeled("on", .string), .defaulted("schema", .optional(.string)),
                    .unlabeled(.triggerTiming), .unlabeled(.array(.triggerEvent)),
                    .defaulted("updateOf", .array(.string)), .defaulted("referencing", .optional(.string)),
                    .defaulted("forEachRow", .bool), .defaulted("when", .optional(.string)),
                    .labeled("execute", .string), .defaulted("firing", .triggerFiring),
                    .defaulted("comment", .optional(.string)),
                ]
            ) { a in
                .trigger(
                    Trigger(
                        a.string(0), on: a.string(1), schema: a.optionalString(2), a.triggerTiming(3),
                        a.triggerEvents(4), updateOf: a.strings(5), referencing: a.optionalString(6),
                        forEachRow: a.bool(7, default: true), when: a.optionalString(8), execute: a.string(9),
                        firing: a.triggerFiring(10), comment: a.optionalString(11)))
            },
            ModelSignature(
                .trigger,
                [
                    .unlabeled(.string), .labeled("on", .string), .defaulted("schema", .optional(.string)),
                    .unlabeled(.triggerTiming), .unlabeled(.array(.triggerEvent)),
                    .defaulted("updateOf", .array(.string)), .defaulted("when", .optional(.string)),
                    .labeled("body", .string),
                ]
            ) { a in
                .trigger(
                    Trigger(
                        a.string(0), on: a.string(1), schema: a.optionalString(2), a.triggerTiming(3),
                        a.triggerEvents(4), updateOf: a.strings(5), when: a.optionalString(6), body: a.string(7)))
            },
        ],
        "Policy": [
            ModelSignature(
                .policy,
                [
                    .unlabeled(.string), .labeled("on", .string), .defaulted("schema", .optional(.string)),
                    .defaulted("for", .policyCommand), .defaulted("permissive", .bool),
                    .defaulted("to", .array(.string)), .defaulted("using", .optional(.string)),
                    .defaulted("withCheck", .optional(.string)),
                ]
            ) { a in
                .policy(
                    Policy(
                        a.string(0), on: a.string(1), schema: a.optionalString(2), for: a.policyCommand(3),
                        permissive: a.bool(4, default: true), to: a.strings(5), using: a.optionalString(6),
                        withCheck: a.optionalString(7)))
            }
        ],
        "Extension": [
            ModelSignature(.databaseExtension, [.unlabeled(.string), .defaulted("schema", .optional(.string))]) { a in
                .databaseExtension(Extension(a.string(0), schema: a.optionalString(1)))
            }
        ],
        "NamingConvention": [
            ModelSignature(
                .namingConvention,
                [
                    .defaulted("primaryKey", .string), .defaulted("unique", .string), .defaulted("foreignKey", .string),
                    .defaulted("index", .string), .defaulted("enumCheck", .string),
                ]
            ) { a in
                let d = NamingConvention.default
                return .namingConvention(
                    NamingConvention(
                        primaryKey: a.optionalString(0) ?? d.primaryKey, unique: a.optionalString(1) ?? d.unique,
                        foreignKey: a.optionalString(2) ?? d.foreignKey, index: a.optionalString(3) ?? d.index,
                        enumCheck: a.optionalString(4) ?? d.enumCheck))
            }
        ],
        "ColumnType": [
            ModelSignature(.columnType, [.labeled("parsing", .string)]) { a in
                .columnType(ColumnType(parsing: a.string(0)))
            }
        ],
    ]

    private static let enumInitializers = [
        ModelSignature(
            .enumType, [.unlabeled(.string), .unlabeled(.array(.string)), .defaulted("schema", .optional(.string))]
        ) {
            a in .enumType(EnumType(a.string(0), a.strings(1), schema: a.optionalString(2)))
        }
    ]
}
