/// A whole database schema: tables, enum types and the extensions they need. The value that the DSL declares, that the
/// catalog readers return, and that compare takes two of.
///
/// Tables and enums are kept sorted by schema and name, and constraints by name, so equality
/// does not depend on declaration order (column order does matter).
public struct Schema: Sendable, Hashable, Codable {
    public var tables: [Table]
    public var enums: [EnumType]
    /// PostgreSQL extensions, sorted by name.
    public var extensions: [Extension] = []
    /// Standalone PostgreSQL sequences, sorted by schema and name.
    public var sequences: [DatabaseSequence] = []
    /// PostgreSQL domains, sorted by schema and name.
    public var domains: [Domain] = []
    /// PostgreSQL composite types, sorted by schema and name.
    public var compositeTypes: [CompositeType] = []
    /// Views and materialized views, sorted by schema and name (created in dependency order:
    /// `ViewOrder`).
    public var views: [View] = []
    /// PostgreSQL functions and procedures, sorted by schema, name and identity.
    public var functions: [Function] = []
    /// Triggers, sorted by schema, table and name.
    public var triggers: [Trigger] = []
    /// PostgreSQL row-level security policies, sorted by schema, table and name.
    public var policies: [Policy] = []

    /// A schema as the DSL declares it; constraint and index names the model leaves out are
    /// filled from `naming`.
    public init(naming: NamingConvention = .default, @SchemaBuilder _ content: () -> [SchemaElement]) {
        var tables: [Table] = []
        var enums: [EnumType] = []
        var extensions: [Extension] = []
        var sequences: [DatabaseSequence] = []
        var domains: [Domain] = []
        var composites: [CompositeType] = []
        var views: [View] = []
        var functions: [Function] = []
        var triggers: [Trigger] = []
        var policies: [Policy] = []
        for element in content() {
            switch element {
            case .table(let table): tables.append(table.named(by: naming))
            case .enumType(let enumType): enums.append(enumType)
            case .databaseExtension(let e): extensions.append(e)
            case .sequence(let s): sequences.append(s)
            case .domain(let d): domains.append(d)
            case .compositeType(let c): composites.append(c)
            case .view(let v): views.append(v)
            case .function(let f): functions.append(f)
            case .trigger(let t): triggers.append(t)
            case .policy(let p): policies.append(p)
            }
        }
        self.init(
            tables: tables, enums: enums, extensions: extensions, sequences: sequences, domains: domains,
            compositeTypes: composites, views: views, functions: functions, triggers: triggers, policies: policies)
    }

    /// A schema from values, as catalog readers build it; names are kept as given.
    public init(
        tables: [Table], enums: [EnumType] = [], extensions: [Extension] = [], sequences: [DatabaseSequence] = [],
        domains: [Domain] = [], compositeTypes: [CompositeType] = [], views: [View] = [],
        functions: [Function] = [], triggers: [Trigger] = [], policies: [Policy] = []
    ) {
        // Sort positions, not the (large) table values themselves.
        let order = tables.indices.sorted {
            (tables[$0].schema ?? "", tables[$0].name) < (tables[$1].schema ?? "", tables[$1].name)
        }
        self.tables = order.map { tables[$0] }
        self.enums = enums.sorted { ($0.schema ?? "", $0.name) < ($1.schema ?? "", $1.name) }
        self.extensions = extensions.sorted { $0.name < $1.name }
        self.sequences = sequences.sorted { ($0.schema ?? "", $0.name) < ($1.schema ?? "", $1.name) }
        self.domains = domains.sorted { ($0.schema ?? "", $0.name) < ($1.schema ?? "", $1.name) }
        self.compositeTypes = compositeTypes.sorted { ($0.schema ?? "", $0.name) < ($1.schema ?? "", $1.name) }
        self.views = views.sorted { ($0.schema ?? "", $0.name) < ($1.schema ?? "", $1.name) }
        self.functions = functions.sorted { ($0.schema ?? "", $0.name, $0.key) < ($1.schema ?? "", $1.name, $1.key) }
        self.triggers = triggers.sorted { ($0.schema ?? "", $0.table, $0.name) < ($1.schema ?? "", $1.table, $1.name) }
        self.policies = policies.sorted { ($0.schema ?? "", $0.table, $0.name) < ($1.schema ?? "", $1.table, $1.name) }
    }

    private enum CodingKeys: String, CodingKey {
        case tables, enums, extensions, sequences, domains, compositeTypes, views, functions, triggers, policies
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        tables = try container.decode([Table].self, forKey: .tables)
        enums = try container.decodeIfPresent([EnumType].self, forKey: .enums) ?? []
        extensions = try container.decodeIfPresent([Extension].self, forKey: .extensions) ?? []
        sequences = try container.decodeIfPresent([DatabaseSequence].self, forKey: .sequences) ?? []
        domains = try container.decodeIfPresent([Domain].self, forKey: .domains) ?? []
        compositeTypes = try container.decodeIfPresent([CompositeType].self, forKey: .compositeTypes) ?? []
        views = try container.decodeIfPresent([View].self, forKey: .views) ?? []
        functions = try container.decodeIfPresent([Function].self, forKey: .functions) ?? []
        triggers = try container.decodeIfPresent([Trigger].self, forKey: .triggers) ?? []
        policies = try container.decodeIfPresent([Policy].self, forKey: .policies) ?? []
    }

    /// `extensions`, `sequences`, `domains`, `compositeTypes`, `views`, `functions`, `triggers` and
    /// `policies` are written only when there are some, so a schema of tables alone prints as it did before
    /// they were kept.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(tables, forKey: .tables)
        try container.encode(enums, forKey: .enums)
        if !extensions.isEmpty { try container.encode(extensions, forKey: .extensions) }
        if !sequences.isEmpty { try container.encode(sequences, forKey: .sequences) }
        if !domains.isEmpty { try container.encode(domains, forKey: .domains) }
        if !compositeTypes.isEmpty { try container.encode(compositeTypes, forKey: .compositeTypes) }
        if !views.isEmpty { try container.encode(views, forKey: .views) }
        if !functions.isEmpty { try container.encode(functions, forKey: .functions) }
        if !triggers.isEmpty { try container.encode(triggers, forKey: .triggers) }
        if !policies.isEmpty { try container.encode(policies, forKey: .policies) }
    }

    /// The table called `name` in `schema`, if there is one.
    public func table(_ name: String, schema: String? = nil) -> Table? {
        tables.first { $0.name == name && $0.schema == schema }
    }

    /// The enum type called `name` in `schema`, if there is one.
    public func enumType(_ name: String, schema: String? = nil) -> EnumType? {
        enums.first { $0.name == name && $0.schema == schema }
    }
}
