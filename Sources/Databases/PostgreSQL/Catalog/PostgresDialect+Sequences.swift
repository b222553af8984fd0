import ModelDSL

/// The DDL of sequences: standalone ones (`CREATE SEQUENCE`), an identity column's options
/// inline (`GENERATED ... AS IDENTITY (START WITH 10)`), and a serial's through
/// `pg_get_serial_sequence`, which finds the sequence PostgreSQL named for the column.
extension PostgresDialect {
    /// `AS integer INCREMENT BY 5 START WITH 10`: the options that are set (`full`: every
    /// option, defaults spelled out, for `ALTER SEQUENCE`); `withType: false` leaves out the
    /// type (an identity's follows its column).
    public static func sequenceOptionsSQL(
        _ options: SequenceOptions, defaultType: ColumnType, full: Bool = false, withType: Bool = true
    ) -> String {
        var parts: [String] = []
        if full {
            let r = options.resolved(defaultType: defaultType)
            if withType { parts.append("AS " + typeSQL(r.type)) }
            parts += [
                "INCREMENT BY \(r.increment)", "MINVALUE \(r.minValue)", "MAXVALUE \(r.maxValue)",
                "START WITH \(r.start)", "CACHE \(r.cache)", r.cycle ? "CYCLE" : "NO CYCLE",
            ]
            return parts.joined(separator: " ")
        }
        if withType, let type = options.type { parts.append("AS " + typeSQL(type)) }
        if let increment = options.increment { parts.append("INCREMENT BY \(increment)") }
        if let minValue = options.minValue { parts.append("MINVALUE \(minValue)") }
        if let maxValue = options.maxValue { parts.append("MAXVALUE \(maxValue)") }
        if let start = options.start { parts.append("START WITH \(start)") }
        if let cache = options.cache { parts.append("CACHE \(cache)") }
        if options.cycle == true { parts.append("CYCLE") }
        return parts.joined(separator: " ")
    }

    /// `CREATE SEQUENCE "invoice_number_seq" START WITH 1000`.
    public static func createSequenceSQL(_ sequence: DatabaseSequence) -> String {
        let options = sequenceOptionsSQL(sequence.options, defaultType: .bigint)
        return "CREATE SEQUENCE " + qualifiedName(sequence.name, schema: sequence.schema)
            + (options.isEmpty ? "" : " " + options)
    }

    /// `ALTER SEQUENCE` with every option of `options` spelled out (the current value stays).
    public static func alterSequenceSQL(_ sequence: DatabaseSequence, to options: SequenceOptions) -> String {
        "ALTER SEQUENCE " + qualifiedName(sequence.name, schema: sequence.schema) + " "
            + sequenceOptionsSQL(options, defaultType: .bigint, full: true)
    }

    /// The statement that gives the sequence of serial or identity column `column` of `table`
    /// the options `column.sequence` (all of them, defaults spelled out); `restart` also moves
    /// its next value to the start, for a column created just now.
    public static func columnSequenceSQL(_ column: Column, table: String, schema: String?, restart: Bool) -> String {
        let options =
            sequenceOptionsSQL(column.sequence ?? SequenceOptions(), defaultType: column.type, full: true)
            + (restart ? " RESTART" : "")
        let lookup =
            "pg_catalog.pg_get_serial_sequence(" + quoteLiteral(qualifiedName(table, schema: schema)) + ", "
            + quoteLiteral(column.name) + ")"
        return "DO $autogen$BEGIN EXECUTE 'ALTER SEQUENCE ' || " + lookup + " || " + quoteLiteral(" " + options)
            + "; END$autogen$"
    }

    /// For a table just created: the statements that set its serial columns' sequence options.
    public static func serialSequenceStatements(for table: Table) -> [String] {
        table.columns.filter { $0.identity == .serial && $0.sequence != nil }.map {
            columnSequenceSQL($0, table: table.name, schema: table.schema, restart: true)
        }
    }
}
