import ModelDSL

/// Reads the tables, enums, constraints, indexes and comments of a PostgreSQL database into
/// the same `Schema` value the DSL declares.
///
/// It runs a fixed number of queries whatever the number of tables (`PostgresCatalogQueries`):
/// the default schema, then tables, columns, sequences, constraints, indexes, enums, domains
/// and composite types of every chosen schema at once, the non-default operator classes and
/// the database's extensions (collation names only when some column or key has its own), all
/// in one read-only snapshot. From `secondConnectionFromTables` tables on, the queries after
/// the tables', columns' and sequences' run on a second connection at the same time
/// (`PostgresSideQueries`).
/// Tables and enums in the connection's default schema (`current_schema()`) get `schema: nil`.
public struct PostgresCatalogReader {
    let connection: PostgresConnection
    /// From how many tables on the reader takes a second connection for half of the queries
    /// (`PostgresSideQueries`); below, opening it costs more than it saves.
    let secondConnectionFromTables: Int

    public init(connection: PostgresConnection) {
        self.init(connection: connection, secondConnectionFromTables: 200)
    }

    init(connection: PostgresConnection, secondConnectionFromTables: Int) {
        self.connection = connection
        self.secondConnectionFromTables = secondConnectionFromTables
    }

    /// The schema of the database: the tables and enum types of `schemas`, or of the default
    /// schema alone when `schemas` is empty; with `alongsideDefault`, of the default schema
    /// and `schemas`. `currentSchema`, when the caller has it (`currentSchema()`), spares a query.
    public func read(schemas: [String] = [], alongsideDefault: Bool = false, currentSchema known: String? = nil)
        throws(IntrospectError) -> Schema
    {
        let defaultSchema: String
        if let known { defaultSchema = known } else { defaultSchema = try currentSchema() }
        var names = schemas.isEmpty ? [defaultSchema] : schemas
        if alongsideDefault && !names.contains(defaultSchema) { names.insert(defaultSchema, at: 0) }
        let parameter = [Optional(Self.textArrayLiteral(names))]
        func local(_ name: String?) -> String? { name == defaultSchema ? nil : name }

        // Every query reads one snapshot: a read-only REPEATABLE READ transaction, unless the
        // caller's connection is inside a transaction of its own (whose uncommitted changes only
        // this connection sees, so no second one is taken either).
        var snapshot: String?
        var settings: [String] = []
        let ownTransaction = connection.isIdle
        if ownTransaction {
            try connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            do throws(IntrospectError) {
                let exported = try connection.query(
                    "SELECT pg_catalog.pg_export_snapshot(), "
                        + PostgresSideQueries.sessionSettings.map { "pg_catalog.current_setting('\($0)')" }
                        .joined(separator: ", "))
                snapshot = exported.optionalString(0, 0)
                settings = (1..<exported.columnCount).map { exported.string(0, $0) }
            } catch {
                // A server that exports no snapshot (a standby of an old version): one connection.
                try connection.execute("ROLLBACK")
                try connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            }
        }
        // Read-only: ending it either way loses nothing.
        defer { if ownTransaction { try? connection.execute("COMMIT") } }

        let tableRows = try connection.query(PostgresCatalogQueries.tables, parameter)
        let version = connection.serverVersion()
        var later = LaterQueries(
            queries: [
                .init(sql: PostgresCatalogQueries.constraints(serverVersion: version), parameters: parameter),
                .init(sql: PostgresCatalogQueries.indexes(serverVersion: version), parameters: parameter),
                .init(sql: PostgresCatalogQueries.nonDefaultOperatorClasses, parameters: []),
                .init(sql: PostgresCatalogQueries.enums, parameters: parameter),
                .init(sql: PostgresCatalogQueries.domains, parameters: parameter),
                .init(sql: PostgresCatalogQueries.compositeTypes, parameters: parameter),
                .init(sql: PostgresCatalogQueries.extensions, parameters: []),
                .init(sql: PostgresCatalogQueries.views, parameters: parameter),
                .init(sql: PostgresCatalogQueries.functions(serverVersion: version), parameters: parameter),
                .init(sql: PostgresCatalogQueries.triggers(serverVersion: version), parameters: parameter),
                .init(sql: PostgresCatalogQueries.policies, parameters: parameter),
            ])
        if let snapshot, tableRows.rowCount >= secondConnectionFromTables {
            later.side = PostgresSideQueries(
                url: connection.url, snapshot: snapshot, settings: settings, queries: later.queries)
        }
        // The tables' parts in an array, found by table oid through `position`: parts are
        // changed in place (a dictionary's getter copies the whole value each time).
        var parts: [TableParts] = []
        var position: [Int: Int] = [:]
        parts.reserveCapacity(tableRows.rowCount)
        position.reserveCapacity(tableRows.rowCount)
        for row in 0..<tableRows.rowCount {
            guard let oid = tableRows.int(row, 0) else { continue }
            var table = TableParts(
                schema: local(tableRows.string(row, 1)), name: tableRows.string(row, 2),
                comment: tableRows.optionalString(row, 3))
            table.unlogged = tableRows.isTrue(row, 4)
            table.rowLevelSecurity = RowLevelSecurity(
                enabled: tableRows.isTrue(row, 10), forced: tableRows.isTrue(row, 11))
            table.partitionKey = tableRows.optionalString(row, 5)
            if !tableRows.isNull(row, 9) {
                table.storage = Self.storageParameters(tableRows.textArray(row, 9))
            }
            if let bound = tableRows.optionalString(row, 8) {
                // The parent's schema only when it is not the partition's own.
                let parentSchema = tableRows.optionalString(row, 6)
                table.partitionOf = PartitionOf(
                    table: tableRows.string(row, 7),
                    schema: parentSchema == tableRows.string(row, 1) ? nil : parentSchema, bound: bound)
            }
            position[oid] = parts.count
            parts.append(table)
        }

        // Collation and operator class names, looked up once for columns and index keys.
        var keyNames = IndexKeyNames()
        let columnRows = try connection.query(PostgresCatalogQueries.columns, parameter)
        var cache = ColumnCache()
        for row in 0..<columnRows.rowCount {
            guard let oid = columnRows.int(row, 0), let t = position[oid] else { continue }
            let number = columnRows.int(row, 11) ?? 0
            parts[t].add(Self.column(columnRows, row, cache: &cache, local: local), number: number)
            // Only a collation other than the database default is kept (most are the default).
            if let collation = columnRows.int(row, 14), collation != 0, collation != Self.defaultCollation {
                parts[t].setCollation(collation, number: number)
            }
            if let own = columnRows.int(row, 13) { keyNames.pendingCollations.insert(own) }
        }

        let sequenceRows = try connection.query(PostgresCatalogQueries.sequences, parameter)

        let constraintRows = try later.result(0, on: connection)
        for row in 0..<constraintRows.rowCount {
            guard let oid = constraintRows.int(row, 0), let t = position[oid] else { continue }
            Self.addConstraint(constraintRows, row, to: t, in: &parts, position: position, local: local)
        }

        let indexRows = try later.result(1, on: connection)
        if indexRows.rowCount > 0 {
            let opclasses = try later.result(2, on: connection)
            for row in 0..<opclasses.rowCount {
                if let oid = opclasses.int(row, 0) { keyNames.operatorClasses[oid] = opclasses.string(row, 1) }
            }
        }
        // Views before the indexes: a materialized view's are read with the tables'.
        let viewRows = try later.result(7, on: connection)
        var views: [View] = []
        var viewPosition: [Int: Int] = [:]
        var viewColumns: [(names: [String], collations: [Int])] = []
        for row in 0..<viewRows.rowCount {
            guard let oid = viewRows.int(row, 0) else { continue }
            var view = View(
                viewRows.string(row, 2), schema: local(viewRows.string(row, 1)), viewRows.string(row, 4),
                comment: viewRows.optionalString(row, 6))
            if viewRows.isTrue(row, 3) {
                view.materialized = true
                view.withData = viewRows.isTrue(row, 5)
            }
            viewPosition[oid] = views.count
            views.append(view)
            viewColumns.append(([""] + viewRows.textArray(row, 7).map { $0 ?? "" }, [0] + viewRows.intArray(row, 8)))
        }
        for row in 0..<indexRows.rowCount {
            if let oid = indexRows.int(row, 0), let v = viewPosition[oid] {
                views[v].indexes.append(
                    Self.index(
                        indexRows, row, columnNames: viewColumns[v].names, columnCollations: viewColumns[v].collations,
                        names: &keyNames))
                continue
            }
            guard let oid = indexRows.int(row, 0), let t = position[oid] else { continue }
            let index = Self.index(
                indexRows, row, columnNames: parts[t].columnNames, columnCollations: parts[t].columnCollations,
                names: &keyNames)
            parts[t].indexes.append(index)
        }
        // Collations of their own on columns and index keys: named in one more query, only when
        // there are any.
        if !keyNames.pendingCollations.isEmpty {
            let literal = "{" + keyNames.pendingCollations.sorted().map(String.init).joined(separator: ",") + "}"
            let names = try connection.query(PostgresCatalogQueries.collationNames, [literal])
            var byOid: [Int: String] = [:]
            for row in 0..<names.rowCount { if let oid = names.int(row, 0) { byOid[oid] = names.string(row, 1) } }
            func named(_ placeholder: String?) -> String? {
                guard let placeholder, placeholder.hasPrefix(IndexKeyNames.marker),
                    let oid = Int(placeholder.dropFirst(IndexKeyNames.marker.count))
                else { return placeholder }
                return byOid[oid] ?? "\(oid)"
            }
            for v in views.indices { Self.nameKeyCollations(&views[v].indexes, named) }
            for t in parts.indices {
                for c in parts[t].columns.indices where parts[t].columns[c].collation != nil {
                    parts[t].columns[c].collation = named(parts[t].columns[c].collation)
                }
                Self.nameKeyCollations(&parts[t].indexes, named)
            }
        }

        let enumRows = try later.result(3, on: connection)
        var enums: [EnumType] = []
        for row in 0..<enumRows.rowCount {
            enums.append(
                EnumType(
                    enumRows.string(row, 1), enumRows.textArray(row, 2).map { $0 ?? "" },
                    schema: local(enumRows.string(row, 0))))
        }

        // A sequence owned by an identity or serial column is that column's; an owned one of a
        // table not read here is not the model's; the others stand alone.
        var sequences: [DatabaseSequence] = []
        for row in 0..<sequenceRows.rowCount {
            let type = PostgresDialect.columnType(formatType: sequenceRows.string(row, 2), isEnum: false)
            let options = SequenceOptions(
                type: type, start: sequenceRows.int(row, 3), increment: sequenceRows.int(row, 4),
                minValue: sequenceRows.int(row, 5), maxValue: sequenceRows.int(row, 6), cache: sequenceRows.int(row, 7),
                cycle: sequenceRows.isTrue(row, 8))
            if let owner = sequenceRows.int(row, 9), let number = sequenceRows.int(row, 10) {
                if let t = position[owner] { parts[t].setSequence(options, number: number) }
                continue
            }
            sequences.append(
                DatabaseSequence(
                    sequenceRows.string(row, 1), schema: local(sequenceRows.string(row, 0)), options: options))
        }

        let domainRows = try later.result(4, on: connection)
        var domains: [Domain] = []
        for row in 0..<domainRows.rowCount {
            let base = PostgresDialect.columnType(formatType: domainRows.string(row, 2), isEnum: false)
            let checks = zip(domainRows.textArray(row, 6), domainRows.textArray(row, 7)).map { name, definition in
                Check(name: name, expression: PostgresDialect.checkExpression(fromDefinition: definition ?? ""))
            }
            domains.append(
                Domain(
                    domainRows.string(row, 1), base, schema: local(domainRows.string(row, 0)),
                    nullable: !domainRows.isTrue(row, 3),
                    default: domainRows.optionalString(row, 4).map { PostgresDialect.parseDefault($0, for: base) },
                    checks: checks, collation: domainRows.optionalString(row, 5)))
        }

        let compositeRows = try later.result(5, on: connection)
        var composites: [CompositeType] = []
        for row in 0..<compositeRows.rowCount {
            let names = compositeRows.textArray(row, 2)
            let types = compositeRows.textArray(row, 3)
            let collations = compositeRows.textArray(row, 4)
            let enumSchemas = compositeRows.textArray(row, 5)
            let enumNames = compositeRows.textArray(row, 6)
            var attributes: [Column] = []
            for k in names.indices {
                let enumName = k < enumNames.count ? enumNames[k] : nil
                var attribute = Column(
                    names[k] ?? "",
                    PostgresDialect.columnType(
                        formatType: k < types.count ? types[k] ?? "" : "", isEnum: enumName != nil,
                        typeName: enumName ?? "", typeSchema: local(k < enumSchemas.count ? enumSchemas[k] : nil)))
                attribute.collation = k < collations.count ? collations[k] : nil
                attributes.append(attribute)
            }
            composites.append(
                CompositeType(
                    compositeRows.string(row, 1), schema: local(compositeRows.string(row, 0)), attributes: attributes))
        }

        let extensionRows = try later.result(6, on: connection)
        let extensions = (0..<extensionRows.rowCount).map {
            Extension(extensionRows.string($0, 0), schema: local(extensionRows.string($0, 1)))
        }

        let tables = parts.map { part in
            var table = Table(
                // A partition's columns are its parent's (read only to name its keys).
                name: part.name, schema: part.schema, columns: part.partitionOf == nil ? part.orderedColumns : [],
                primaryKey: part.primaryKey, uniques: part.uniques, foreignKeys: part.foreignKeys,
                checks: part.checks, indexes: part.indexes, comment: part.comment
            ).unlogged(part.unlogged)
            table.exclusions = part.exclusions.sorted { $0.name < $1.name }
            table.partitionKey = part.partitionKey
            table.storage = part.storage
            table.partitionOf = part.partitionOf
            table.rowLevelSecurity = part.rowLevelSecurity
            return table
        }
        let functions = Self.functions(try later.result(8, on: connection), local: local)
        let triggers = Self.triggers(try later.result(9, on: connection), local: local)
        let policies = Self.policies(try later.result(10, on: connection), local: local)
        return Schema(
            tables: tables, enums: enums, extensions: extensions, sequences: sequences, domains: domains,
            compositeTypes: composites,
            views: views.map { view in
                var sorted = view
                sorted.indexes.sort { ($0.name ?? "") < ($1.name ?? "") }
                return sorted
            }, functions: functions, triggers: triggers, policies: policies)
    }

    /// The connection's current schema, the one the reader reports as `nil`.
    public func currentSchema() throws(IntrospectError) -> String {
        try connection.query(PostgresCatalogQueries.currentSchema).optionalString(0, 0)
            ?? PostgresDialect.defaultSchemaName
    }

    /// Which of `names` exist as schemas (namespaces) in the database: one query.
    public func existingSchemas(_ names: [String]) throws(IntrospectError) -> Set<String> {
        guard !names.isEmpty else { return [] }
        let rows = try connection.query(PostgresCatalogQueries.existingSchemas, [Self.textArrayLiteral(names)])
        return Set((0..<rows.rowCount).map { rows.string($0, 0) })
    }

    /// The queries run after the tables', on a second connection when there is one
    /// (`PostgresSideQueries`), else one by one on the reader's own as their results are needed.
    private struct LaterQueries {
        let queries: [PostgresSideQueries.Query]
        var side: PostgresSideQueries?
        private var results: [PostgresResult]?

        init(queries: [PostgresSideQueries.Query]) {
            self.queries = queries
        }

        mutating func result(_ i: Int, on connection: PostgresConnection) throws(IntrospectError) -> PostgresResult {
            if let side {
                self.side = nil
                let (outcome, statements) = side.wait()
                connection.count(statements: statements)
                // Otherwise (no second connection, an error on it, or no answer in time) the
                // queries run here, in the same snapshot.
                if case .success(let all) = outcome { results = all }
            }
            if let results { return results[i] }
            return try connection.query(queries[i].sql, queries[i].parameters)
        }
    }

    /// A table's parts while the reader collects them.
    private struct TableParts {
        var schema: String?
        var name = ""
        var comment: String?
        var unlogged = false
        var partitionKey: String?
        var partitionOf: PartitionOf?
        var storage: [String: String] = [:]
        var rowLevelSecurity = RowLevelSecurity.off
        var columns: [Column] = []
        var primaryKey: PrimaryKey?
        var uniques: [Unique] = []
        var foreignKeys: [ForeignKey] = []
        var checks: [Check] = []
        var exclusions: [Exclusion] = []
        var indexes: [Index] = []
        /// Column names by attnum ("" for dropped ones), to name key columns.
        var columnNames: [String] = []
        /// Column collation oids by attnum, for index keys.
        var columnCollations: [Int] = []

        /// Records column `number`'s collation (one other than the database default).
        mutating func setCollation(_ oid: Int, number: Int) {
            if number >= columnCollations.count {
                columnCollations += Array(
                    repeating: PostgresCatalogReader.defaultCollation, count: number - columnCollations.count + 1)
            }
            columnCollations[number] = oid
        }
        private var numbers: [Int] = []

        init(schema: String?, name: String, comment: String?) {
            self.schema = schema
            self.name = name
            self.comment = comment
        }

        /// Adds the column with attnum `number`.
        mutating func add(_ column: Column, number: Int) {
            columns.append(column)
            numbers.append(number)
            if number >= columnNames.count {
                columnNames += Array(repeating: "", count: number - columnNames.count + 1)
            }
            columnNames[number] = column.name
        }

        /// The options of the sequence behind column `number`, when it is an identity or
        /// serial column (else the sequence is left out: it is no object the model declares).
        mutating func setSequence(_ options: SequenceOptions, number: Int) {
            guard let i = numbers.firstIndex(of: number), columns[i].identity != nil else { return }
            let normalized = options.normalized(defaultType: columns[i].type)
            columns[i].sequence = normalized.isDefault ? nil : normalized
        }

        /// The columns in attnum order.
        var orderedColumns: [Column] {
            if zip(numbers, numbers.dropFirst()).allSatisfy({ $0 < $1 }) { return columns }
            return zip(numbers, columns).sorted { $0.0 < $1.0 }.map(\.1)
        }

        /// The names of columns given by attnum, in order.
        func names(_ numbers: [Int]) -> [String] {
            numbers.map { $0 > 0 && $0 < columnNames.count ? columnNames[$0] : "" }
        }
    }

    /// Types and defaults already worked out: a catalog repeats a few spellings many times.
    private struct ColumnCache {
        var types: [String: ColumnType] = [:]
        var defaults: [String: [ColumnType: DefaultValue]] = [:]
    }

    private static func column(
        _ rows: PostgresResult, _ row: Int, cache: inout ColumnCache, local: (String?) -> String?
    ) -> Column {
        let type: ColumnType
        if rows.isTrue(row, 7) {
            type = PostgresDialect.columnType(
                formatType: rows.string(row, 2), isEnum: true, typeName: rows.string(row, 9),
                typeSchema: local(rows.string(row, 8)))
        } else {
            let spelling = rows.string(row, 2)
            if let known = cache.types[spelling] {
                type = known
            } else {
                type = PostgresDialect.columnType(formatType: spelling, isEnum: false)
                cache.types[spelling] = type
            }
        }
        let defaultText = rows.optionalString(row, 4)
        var identity: Identity?
        switch rows.character(row, 5) {
        case "a": identity = .always
        case "d": identity = .byDefault
        default:
            if rows.isTrue(row, 10), defaultText?.hasPrefix("nextval(") == true { identity = .serial }
        }
        var defaultValue: DefaultValue?
        var generated: Generated?
        if rows.character(row, 12) == "s", let text = defaultText {
            // A generated column's expression is not a default.
            generated = Generated(PostgresDialect.stripOuterParentheses(text), stored: true)
        } else if identity == nil, let text = defaultText {
            if let known = cache.defaults[text]?[type] {
                defaultValue = known
            } else {
                let parsed = PostgresDialect.parseDefault(text, for: type)
                cache.defaults[text, default: [:]][type] = parsed
                defaultValue = parsed
            }
        }
        var column = Column(
            rows.string(row, 1), type, nullable: !rows.isTrue(row, 3), default: defaultValue, identity: identity,
            comment: rows.optionalString(row, 6))
        column.generated = generated
        column.statistics = rows.int(row, 15)
        if let oid = rows.int(row, 13) { column.collation = IndexKeyNames.marker + String(oid) }
        return column
    }

    private static func addConstraint(
        _ rows: PostgresResult, _ row: Int, to t: Int, in parts: inout [TableParts], position: [Int: Int],
        local: (String?) -> String?
    ) {
        let name = rows.string(row, 1)
        let columns = parts[t].names(rows.intArray(row, 3))
        switch rows.character(row, 2) {
        case "p": parts[t].primaryKey = PrimaryKey(columns: columns, name: name)
        case "u":
            parts[t].uniques.append(
                Unique(name: name, columns: columns).nullsNotDistinct(rows.isTrue(row, 14)))
        case "c":
            parts[t].checks.append(
                Check(name: name, expression: rows.string(row, 11)).notValid(!rows.isTrue(row, 16)))
        case "f":
            // Referenced column names: read with the query when the table is out of scope,
            // otherwise from the referenced table's columns.
            let referredColumns: [String]
            if !rows.isNull(row, 12) {
                referredColumns = rows.textArray(row, 12).map { $0 ?? "" }
            } else {
                if let referred = rows.int(row, 13).flatMap({ position[$0] }) {
                    referredColumns = parts[referred].names(rows.intArray(row, 6))
                } else {
                    referredColumns = []
                }
            }
            parts[t].foreignKeys.append(
                ForeignKey(
                    columns, references: rows.string(row, 5), referredColumns,
                    schema: local(rows.string(row, 4)), onDelete: action(rows.character(row, 8)),
                    onUpdate: action(rows.character(row, 7)), deferrable: rows.isTrue(row, 9),
                    initiallyDeferred: rows.isTrue(row, 10), name: name
                ).matchFull(rows.character(row, 15) == "f").notValid(!rows.isTrue(row, 16)))
        case "x":
            var definition = Substring(rows.string(row, 17))
            if definition.hasPrefix("EXCLUDE ") { definition = definition.dropFirst(8) }
            parts[t].exclusions.append(Exclusion(name, String(definition)))
        default: break
        }
    }

    /// `confupdtype` / `confdeltype` codes: a no action, r restrict, c cascade, n set null,
    /// d set default.
    private static func action(_ code: Character?) -> ReferentialAction {
        switch code {
        case "r": return .restrict
        case "c": return .cascade
        case "n": return .setNull
        case "d": return .setDefault
        default: return .noAction
        }
    }

    /// Operator class names by oid (the non-default ones), and the collation oids met on index
    /// keys that are to be named.
    private struct IndexKeyNames {
        static let marker = "\u{0}collation:"
        var operatorClasses: [Int: String] = [:]
        var pendingCollations = Set<Int>()
    }

    /// `{fillfactor=70,autovacuum_enabled=false}` (`reloptions`) as a dictionary.
    static func storageParameters(_ options: [String?]) -> [String: String] {
        var out: [String: String] = [:]
        for option in options {
            guard let option, let equals = option.firstIndex(of: "=") else { continue }
            out[String(option[..<equals])] = String(option[option.index(after: equals)...])
        }
        return out
    }

    /// Index key collations read as placeholders (`IndexKeyNames.marker` and an oid) given
    /// their names.
    private static func nameKeyCollations(_ indexes: inout [Index], _ named: (String?) -> String?) {
        for i in indexes.indices {
            for key in indexes[i].elements.indices {
                var options = indexes[i].keyOptions(at: key)
                guard let placeholder = options.collation, placeholder.hasPrefix(IndexKeyNames.marker) else { continue }
                options.collation = named(placeholder)
                indexes[i].setKeyOptions(options, at: key)
            }
        }
    }

    /// The oid of the database's default collation (`"default"`).
    static let defaultCollation = 100

    private static func index(
        _ rows: PostgresResult, _ row: Int, columnNames: [String], columnCollations: [Int], names: inout IndexKeyNames
    )
        -> Index
    {
        let keyCount = rows.int(row, 5) ?? 0
        var expressions = SQLText.splitTopLevel(rows.string(row, 6))[...]
        var elements: [IndexElement] = []
        let keys = rows.intArray(row, 4)
        for number in keys.prefix(keyCount) {
            if number == 0 {
                elements.append(.expression(expressions.popFirst() ?? ""))
            } else {
                elements.append(.column(number < columnNames.count ? columnNames[number] : ""))
            }
        }
        let method = rows.string(row, 3)
        var index = Index(
            name: rows.string(row, 1), elements: elements, unique: rows.isTrue(row, 2),
            method: method == "btree" ? nil : method, predicate: rows.optionalString(row, 7))
        index.include = keys.dropFirst(keyCount).map {
            $0 > 0 && $0 < columnNames.count ? columnNames[$0] : ""
        }
        let options = rows.intArray(row, 8)
        let opclasses = rows.intArray(row, 9)
        let collations = rows.intArray(row, 10)
        for position in elements.indices {
            let bits = position < options.count ? options[position] : 0
            // Only an ordered access method (btree) has an order to state.
            let ordered = index.method == nil
            let opclass = position < opclasses.count ? names.operatorClasses[opclasses[position]] : nil
            // A key's collation is its own when it is not its column's (an expression's: the
            // database default).
            var collation: String?
            let oid = position < collations.count ? collations[position] : 0
            let attnum = position < keys.count ? keys[position] : 0
            let usual =
                attnum > 0 && attnum < columnCollations.count ? columnCollations[attnum] : Self.defaultCollation
            if oid != 0 && oid != usual {
                names.pendingCollations.insert(oid)
                collation = IndexKeyNames.marker + String(oid)
            }
            guard bits != 0 || opclass != nil || collation != nil else { continue }
            index.setKeyOptions(
                IndexKeyOptions(
                    descending: ordered && bits & 1 != 0, nullsFirst: ordered ? bits & 2 != 0 : nil, opclass: opclass,
                    collation: collation), at: position)
        }
        index.nullsNotDistinct = rows.isTrue(row, 11)
        index.storage = storageParameters(rows.textArray(row, 12))
        return index
    }

    /// `["public", "a\"b"]` -> `{"public","a\"b"}`, a text array literal for a bound parameter.
    public static func textArrayLiteral(_ names: [String]) -> String {
        "{"
            + names.map { name in
                var out = "\""
                for ch in name {
                    if ch == "\"" || ch == "\\" { out.append("\\") }
                    out.append(ch)
                }
                return out + "\""
            }.joined(separator: ",") + "}"
    }
}
