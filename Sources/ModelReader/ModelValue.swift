import ModelDSL

/// The static type of a value in a model file: the DSL's types and the few standard ones
/// their arguments take.
enum ModelType: Hashable, Sendable, CustomStringConvertible {
    case string, int, int64, double, bool
    case columnType, defaultValue, identity, referentialAction, indexElement
    case column, table, index, unique, primaryKey, foreignKey, check, exclusion, enumType, databaseExtension, sequence
    case domain, compositeType, view, namingConvention, schema
    case function, volatility, parallel, trigger, triggerTiming, triggerEvent, triggerFiring, policy, policyCommand
    indirect case optional(ModelType)
    indirect case array(ModelType)

    /// The types a model file may name (`let t: Table`, `ColumnType.text`), by their Swift names.
    static let named: [String: ModelType] = [
        "String": .string, "Int": .int, "Int64": .int64, "Double": .double, "Bool": .bool,
        "ColumnType": .columnType, "DefaultValue": .defaultValue, "Identity": .identity,
        "ReferentialAction": .referentialAction, "IndexElement": .indexElement, "Column": .column, "Table": .table,
        "Index": .index, "Unique": .unique, "PrimaryKey": .primaryKey, "ForeignKey": .foreignKey, "Check": .check,
        "Exclusion": .exclusion,
        "EnumType": .enumType, "Enum": .enumType, "Extension": .databaseExtension, "DatabaseSequence": .sequence,
        "Domain": .domain, "CompositeType": .compositeType, "View": .view,
        "Function": .function, "Trigger": .trigger, "Policy": .policy,
        "NamingConvention": .namingConvention, "Schema": .schema,
    ]

    var description: String {
        switch self {
        case .string: return "String"
        case .int: return "Int"
        case .int64: return "Int64"
        case .double: return "Double"
        case .bool: return "Bool"
        case .columnType: return "ColumnType"
        case .defaultValue: return "DefaultValue"
        case .identity: return "Identity"
        case .referentialAction: return "ReferentialAction"
        case .indexElement: return "IndexElement"
        case .column: return "Column"
        case .table: return "Table"
        case .index: return "Index"
        case .unique: return "Unique"
        case .primaryKey: return "PrimaryKey"
        case .foreignKey: return "ForeignKey"
        case .check: return "Check"
        case .exclusion: return "Exclusion"
        case .enumType: return "EnumType"
        case .databaseExtension: return "Extension"
        case .sequence: return "DatabaseSequence"
        case .domain: return "Domain"
        case .compositeType: return "CompositeType"
        case .view: return "View"
        case .function: return "Function"
        case .volatility: return "Function.Volatility"
        case .parallel: return "Function.Parallel"
        case .trigger: return "Trigger"
        case .triggerTiming: return "Trigger.Timing"
        case .triggerEvent: return "Trigger.Event"
        case .triggerFiring: return "Trigger.Firing"
        case .policy: return "Policy"
        case .policyCommand: return "Policy.Command"
        case .namingConvention: return "NamingConvention"
        case .schema: return "Schema"
        case .optional(let wrapped): return "\(wrapped)?"
        case .array(let element): return "[\(element)]"
        }
    }
}

/// A value the reader computed, made by the DSL's own initializers and modifiers.
enum ModelValue: Sendable {
    case string(String), int(Int), int64(Int64), double(Double), bool(Bool)
    /// `nil`, as the value of an optional.
    case none
    case columnType(ColumnType), defaultValue(DefaultValue), identity(Identity)
    case referentialAction(ReferentialAction), indexElement(IndexElement)
    case column(Column), table(Table), index(Index), unique(Unique), primaryKey(PrimaryKey)
    case foreignKey(ForeignKey), check(Check), exclusion(Exclusion), enumType(EnumType), databaseExtension(Extension)
    case sequence(DatabaseSequence), domain(Domain), compositeType(CompositeType), view(View)
    case function(Function), volatility(Function.Volatility), parallel(Function.Parallel)
    case trigger(Trigger), triggerTiming(Trigger.Timing), triggerEvent(Trigger.Event), triggerFiring(Trigger.Firing)
    case policy(Policy), policyCommand(Policy.Command)
    case namingConvention(NamingConvention)
    case schema(Schema)
    case array([ModelValue])
}

/// A value with its static type.
struct TypedValue: Sendable {
    let type: ModelType
    let value: ModelValue
}
