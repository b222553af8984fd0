import ModelDSL

/// One initializer, method or static function of the DSL as Swift declares it: its parameters
/// (labels, types, which have defaults, which is variadic), whether it takes a builder closure,
/// and how to make its value with the DSL itself.
struct ModelSignature: Sendable {
    struct Parameter: Sendable {
        let label: String?
        let type: ModelType
        /// Declared with a default value: the argument may be left out.
        let hasDefault: Bool
        let isVariadic: Bool
    }

    /// The builder a trailing closure is read with.
    enum Builder: Sendable { case table, schema }

    let result: ModelType
    let parameters: [Parameter]
    let builder: Builder?
    let make: @Sendable (ModelArguments) -> ModelValue

    init(
        _ result: ModelType, _ parameters: [Parameter], builder: Builder? = nil,
        make: @escaping @Sendable (ModelArguments) -> ModelValue
    ) {
        self.result = result
        self.parameters = parameters
        self.builder = builder
        self.make = make
    }

    /// Which arguments go to which parameter, by Swift's rules for labels, defaults and
    /// variadic parameters: a range of `arguments` per parameter (empty when left out); nil
    /// when the labels do not fit.
    func assign(_ arguments: [SourceArgument]) -> [Range<Int>]? {
        var assigned: [Range<Int>] = []
        assigned.reserveCapacity(parameters.count)
        var next = 0
        for parameter in parameters {
            let start = next
            if next < arguments.count, arguments[next].label == parameter.label {
                next += 1
                if parameter.isVariadic {
                    while next < arguments.count, arguments[next].label == nil { next += 1 }
                }
            } else if !parameter.hasDefault && !parameter.isVariadic {
                return nil
            }
            assigned.append(start..<next)
        }
        return next == arguments.count ? assigned : nil
    }
}

extension ModelSignature.Parameter {
    /// `_ name: T`.
    static func unlabeled(_ type: ModelType) -> Self {
        .init(label: nil, type: type, hasDefault: false, isVariadic: false)
    }
    /// `label: T`.
    static func labeled(_ label: String, _ type: ModelType) -> Self {
        .init(label: label, type: type, hasDefault: false, isVariadic: false)
    }
    /// `label: T = default` (`label` nil for `_`).
    static func defaulted(_ label: String?, _ type: ModelType) -> Self {
        .init(label: label, type: type, hasDefault: true, isVariadic: false)
    }
    /// `label: T...` (`label` nil for `_`).
    static func variadic(_ label: String?, _ type: ModelType) -> Self {
        .init(label: label, type: type, hasDefault: false, isVariadic: true)
    }
}

/// The evaluated arguments of a call, one slot per parameter (nil when left out, an array for
/// a variadic one), and the trailing closure's elements.
struct ModelArguments: Sendable {
    let slots: [ModelValue?]
    var tableElements: [TableElement] = []
    var schemaElements: [SchemaElement] = []

    func string(_ i: Int) -> String {
        if case .string(let s)? = slots[i] { return s }
        preconditionFailure("argument \(i) is not a String")
    }

    /// An optional String: the default when left out, nil for `nil`.
    func optionalString(_ i: Int, default fallback: String? = nil) -> String? {
        switch slots[i] {
        case nil: return fallback
        case .none?: return nil
        case .string(let s)?: return s
        default: preconditionFailure("argument \(i) is not a String?")
        }
    }

    func columns(_ i: Int) -> [Column] {
        guard case .array(let items)? = slots[i] else { return [] }
        return items.map { if case .column(let c) = $0 { return c } else { preconditionFailure("not a Column") } }
    }

    func indexes(_ i: Int) -> [Index] {
        guard case .array(let items)? = slots[i] else { return [] }
        return items.map { if case .index(let x) = $0 { return x } else { preconditionFailure("not an Index") } }
    }

    func optionalColumnType(_ i: Int) -> ColumnType? {
        if case .columnType(let t)? = slots[i] { return t }
        return nil
    }

    func optionalBool(_ i: Int) -> Bool? {
        if case .bool(let b)? = slots[i] { return b }
        return nil
    }

    func optionalInt(_ i: Int) -> Int? {
        if case .int(let n)? = slots[i] { return n }
        return nil
    }

    func optionalDouble(_ i: Int) -> Double? {
        if case .double(let n)? = slots[i] { return n }
        return nil
    }

    func volatility(_ i: Int) -> Function.Volatility {
        if case .volatility(let v)? = slots[i] { return v }
        return .volatile
    }

    func parallel(_ i: Int) -> Function.Parallel {
        if case .parallel(let p)? = slots[i] { return p }
        return .unsafe
    }

    func policyCommand(_ i: Int) -> Policy.Command {
        if case .policyCommand(let c)? = slots[i] { return c }
        return .all
    }

    func triggerFiring(_ i: Int) -> Trigger.Firing {
        if case .triggerFiring(let f)? = slots[i] { return f }
        return .origin
    }

    func triggerTiming(_ i: Int) -> Trigger.Timing {
        if case .triggerTiming(let t)? = slots[i] { return t }
        preconditionFailure("argument \(i) is not a Trigger.Timing")
    }

    func triggerEvents(_ i: Int) -> [Trigger.Event] {
        guard case .array(let items)? = slots[i] else { return [] }
        return items.map { if case .triggerEvent(let e) = $0 { return e } else { preconditionFailure("not an event") } }
    }

    func int64(_ i: Int) -> Int64 {
        if case .int64(let n)? = slots[i] { return n }
        preconditionFailure("argument \(i) is not an Int64")
    }

    func bool(_ i: Int, default fallback: Bool) -> Bool {
        if case .bool(let b)? = slots[i] { return b }
        return fallback
    }

    /// The strings of a variadic or `[String]` parameter.
    func strings(_ i: Int) -> [String] {
        guard case .array(let items)? = slots[i] else { return [] }
        return items.map { if case .string(let s) = $0 { return s } else { preconditionFailure("not a String") } }
    }

    func columnType(_ i: Int) -> ColumnType {
        if case .columnType(let t)? = slots[i] { return t }
        preconditionFailure("argument \(i) is not a ColumnType")
    }

    func defaultValue(_ i: Int) -> DefaultValue? {
        if case .defaultValue(let v)? = slots[i] { return v }
        return nil
    }

    func identity(_ i: Int, default fallback: Identity?) -> Identity? {
        switch slots[i] {
        case nil: return fallback
        case .identity(let v)?: return v
        default: return nil
        }
    }

    func action(_ i: Int) -> ReferentialAction {
        if case .referentialAction(let a)? = slots[i] { return a }
        return .noAction
    }

    func indexElements(_ i: Int) -> [IndexElement] {
        guard case .array(let items)? = slots[i] else { return [] }
        return items.map {
            if case .indexElement(let e) = $0 { return e } else { preconditionFailure("not an IndexElement") }
        }
    }

    func namingConvention(_ i: Int) -> NamingConvention {
        if case .namingConvention(let n)? = slots[i] { return n }
        return .default
    }
}
