/// The options of a sequence (a standalone one, or the one behind an identity or serial
/// column): `AS type`, `START WITH`, `INCREMENT BY`, `MINVALUE`, `MAXVALUE`, `CACHE`, `CYCLE`.
/// A value left `nil` is PostgreSQL's default, and `normalized(defaultType:)` turns every value
/// equal to its default into `nil`, so that the model and the catalog compare equal whether
/// a default is written out or not.
public struct SequenceOptions: Sendable, Hashable, Codable {
    /// `smallint`, `integer` or `bigint`; the default is the column's type, or bigint for a
    /// standalone sequence.
    public var type: ColumnType?
    public var start: Int?
    public var increment: Int?
    public var minValue: Int?
    public var maxValue: Int?
    public var cache: Int?
    public var cycle: Bool?

    public init(
        type: ColumnType? = nil, start: Int? = nil, increment: Int? = nil, minValue: Int? = nil,
        maxValue: Int? = nil, cache: Int? = nil, cycle: Bool = false
    ) {
        self.type = type
        self.start = start
        self.increment = increment
        self.minValue = minValue
        self.maxValue = maxValue
        self.cache = cache
        self.cycle = cycle ? true : nil
    }

    /// Every value spelled out, as `ALTER SEQUENCE` takes them.
    public struct Resolved: Sendable, Hashable {
        public var type: ColumnType
        public var start: Int
        public var increment: Int
        public var minValue: Int
        public var maxValue: Int
        public var cache: Int
        public var cycle: Bool
    }

    /// The values PostgreSQL uses, defaults filled in for a sequence whose default type is
    /// `defaultType`: ascending from 1 to the type's maximum, descending from -1 to its minimum.
    public func resolved(defaultType: ColumnType) -> Resolved {
        let type = self.type ?? defaultType
        let limit: Int
        switch type {
        case .smallint: limit = Int(Int16.max)
        case .integer: limit = Int(Int32.max)
        default: limit = Int.max
        }
        let increment = self.increment ?? 1
        let ascending = increment > 0
        let minValue = self.minValue ?? (ascending ? 1 : -limit - 1)
        let maxValue = self.maxValue ?? (ascending ? limit : -1)
        return Resolved(
            type: type, start: start ?? (ascending ? minValue : maxValue), increment: increment, minValue: minValue,
            maxValue: maxValue, cache: cache ?? 1, cycle: cycle ?? false)
    }

    /// The options with every value equal to its default (for `defaultType`) left out.
    public func normalized(defaultType: ColumnType) -> SequenceOptions {
        let resolved = self.resolved(defaultType: defaultType)
        let defaults = SequenceOptions(type: resolved.type, increment: resolved.increment).resolved(
            defaultType: defaultType)
        var out = SequenceOptions()
        if resolved.type != defaultType { out.type = resolved.type }
        if resolved.increment != 1 { out.increment = resolved.increment }
        if resolved.minValue != defaults.minValue { out.minValue = resolved.minValue }
        if resolved.maxValue != defaults.maxValue { out.maxValue = resolved.maxValue }
        let defaultStart = resolved.increment > 0 ? resolved.minValue : resolved.maxValue
        if resolved.start != defaultStart { out.start = resolved.start }
        if resolved.cache != 1 { out.cache = resolved.cache }
        if resolved.cycle { out.cycle = true }
        return out
    }

    /// No value differs from the default.
    public var isDefault: Bool {
        type == nil && start == nil && increment == nil && minValue == nil && maxValue == nil && cache == nil
            && cycle == nil
    }
}
