import ModelDSL

extension PostgresCatalogReader {
    /// The functions of `schema`, in creation order, with `schema` named.
    public func functions(in schema: String) throws(IntrospectError) -> [Function] {
        let rows = try connection.query(
            PostgresCatalogQueries.functions(serverVersion: connection.serverVersion()),
            [Self.textArrayLiteral([schema])])
        return Self.functions(rows, local: { $0 })
    }

    /// The functions of a `PostgresCatalogQueries.functions` result, in its order.
    static func functions(_ rows: PostgresResult, local: (String?) -> String?) -> [Function] {
        (0..<rows.rowCount).map { row in
            var f = Function(
                rows.string(row, 1), schema: local(rows.string(row, 0)), arguments: rows.string(row, 3),
                returns: rows.optionalString(row, 4) ?? "", language: rows.string(row, 5),
                comment: rows.optionalString(row, 17), body: rows.optionalString(row, 16) ?? rows.string(row, 15))
            switch rows.optionalString(row, 2) {
            case "p":
                f.kind = .procedure
                f.returns = nil
            case "a":
                // Its options say all: the rest is the catalog's defaults for an aggregate.
                var aggregate = Aggregate(
                    f.name, schema: f.schema, arguments: f.arguments, options: f.body, comment: f.comment)
                aggregate.kind = .aggregate
                return aggregate
            default: break
            }
            f.standardBody = !rows.isNull(row, 16)
            switch rows.optionalString(row, 6) {
            case "i": f.volatility = .immutable
            case "s": f.volatility = .stable
            default: f.volatility = .volatile
            }
            f.strict = rows.isTrue(row, 7)
            f.securityDefiner = rows.isTrue(row, 8)
            f.leakproof = rows.isTrue(row, 9)
            switch rows.optionalString(row, 10) {
            case "s": f.parallel = .safe
            case "r": f.parallel = .restricted
            default: f.parallel = .unsafe
            }
            // Estimates at the defaults CREATE FUNCTION gives are left out.
            if let cost = Double(rows.optionalString(row, 11) ?? ""), cost != 100 { f.cost = cost }
            if let estimate = Double(rows.optionalString(row, 12) ?? ""),
                estimate != (rows.isTrue(row, 13) ? 1000 : 0)
            {
                f.rows = estimate
            }
            if !rows.isNull(row, 14) { f.settings = rows.textArray(row, 14).compactMap { $0 } }
            return f
        }
    }

    /// The triggers of a `PostgresCatalogQueries.triggers` result.
    static func triggers(_ rows: PostgresResult, local: (String?) -> String?) -> [Trigger] {
        (0..<rows.rowCount).map { row in
            let type = rows.int(row, 3) ?? 0
            let timing: Trigger.Timing = type & 64 != 0 ? .insteadOf : type & 2 != 0 ? .before : .after
            var events: [Trigger.Event] = []
            if type & 4 != 0 { events.append(.insert) }
            if type & 16 != 0 { events.append(.update) }
            if type & 8 != 0 { events.append(.delete) }
            if type & 32 != 0 { events.append(.truncate) }
            let parts = triggerDefinitionParts(rows.string(row, 5))
            let firing: Trigger.Firing
            switch rows.optionalString(row, 7) {
            case "D": firing = .disabled
            case "R": firing = .replica
            case "A": firing = .always
            default: firing = .origin
            }
            return Trigger(
                rows.string(row, 2), on: rows.string(row, 1), schema: local(rows.string(row, 0)), timing, events,
                updateOf: rows.textArray(row, 4).compactMap { $0 }, referencing: parts.referencing,
                forEachRow: type & 1 != 0, when: parts.when, execute: parts.function, firing: firing,
                comment: rows.optionalString(row, 6))
        }
    }

    /// The reader's policy query (one parameter, the schema names), for asking about others.
    public static var policyQuery: String { PostgresCatalogQueries.policies }

    /// The policies of a `PostgresCatalogQueries.policies` result (or one row of the same shape).
    public static func policies(_ rows: PostgresResult, local: (String?) -> String?) -> [Policy] {
        (0..<rows.rowCount).map { row in
            let command: Policy.Command
            switch rows.optionalString(row, 3) {
            case "r": command = .select
            case "a": command = .insert
            case "w": command = .update
            case "d": command = .delete
            default: command = .all
            }
            return Policy(
                rows.string(row, 2), on: rows.string(row, 1), schema: local(rows.string(row, 0)), for: command,
                permissive: rows.isTrue(row, 4), to: rows.textArray(row, 5).compactMap { $0 },
                using: rows.optionalString(row, 6).map(PostgresDialect.stripOuterParentheses),
                withCheck: rows.optionalString(row, 7).map(PostgresDialect.stripOuterParentheses))
        }
    }

    /// The `WHEN` condition (without its parentheses) and the function call of a
    /// `pg_get_triggerdef` text: `... FOR EACH ROW WHEN ((old.a IS DISTINCT FROM new.a))
    /// EXECUTE FUNCTION f()`.
    public static func triggerDefinitionParts(_ definition: String) -> (
        when: String?, function: String, referencing: String?
    ) {
        let markers = [" EXECUTE FUNCTION ", " EXECUTE PROCEDURE "]
        guard let execute = markers.compactMap({ definition.ranges(of: $0).last }).first else {
            return (nil, definition, nil)
        }
        let function = String(definition[execute.upperBound...])
        let head = definition[..<execute.lowerBound]
        var referencing: String?
        if let start = head.firstRange(of: " REFERENCING "),
            let end = head[start.upperBound...].firstRange(of: " FOR EACH ")
        {
            referencing = String(head[start.upperBound..<end.lowerBound])
        }
        guard let when = head.firstRange(of: " WHEN ("), head.hasSuffix(")") else {
            return (nil, function, referencing)
        }
        return (String(head[when.upperBound..<head.index(before: head.endIndex)]), function, referencing)
    }
}
