/// A standalone PostgreSQL sequence: `DatabaseSequence("invoice_number_seq", start: 1000)`,
/// used by a default such as `.default(.sql("nextval('invoice_number_seq')"))`. (Named so as
/// not to hide Swift's `Sequence` in model files.)
///
/// Created before the tables (whose defaults name it) and dropped after them. The sequence of
/// an identity or serial column is not one of these: its options are the column's
/// (`Column.sequence(...)`).
public struct DatabaseSequence: Sendable, Hashable, Codable {
    public var schema: String?
    public var name: String
    /// Its options, defaults (for a bigint sequence) left out.
    public var options: SequenceOptions

    public init(
        _ name: String, schema: String? = nil, type: ColumnType? = nil, start: Int? = nil, increment: Int? = nil,
        minValue: Int? = nil, maxValue: Int? = nil, cache: Int? = nil, cycle: Bool = false
    ) {
        self.init(
            name, schema: schema,
            options: SequenceOptions(
                type: type, start: start, increment: increment, minValue: minValue, maxValue: maxValue, cache: cache,
                cycle: cycle))
    }

    public init(_ name: String, schema: String? = nil, options: SequenceOptions) {
        self.schema = schema
        self.name = name
        self.options = options.normalized(defaultType: .bigint)
    }

    /// `schema.name`, or `name` in the default schema.
    public var qualifiedName: String { schema.map { "\($0).\(name)" } ?? name }
}
