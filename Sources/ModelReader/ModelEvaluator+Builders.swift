import ModelDSL

extension ModelEvaluator {
    /// The statements of `Table { ... }`, each taken as `TableBuilder.buildExpression` takes it:
    /// a column, a constraint, an index, or an array of columns.
    mutating func tableElements(_ statements: [SourceExpression]) throws(ModelUnreadable) -> [TableElement] {
        var elements: [TableElement] = []
        elements.reserveCapacity(statements.count)
        for statement in statements {
            let typed = try evaluate(statement, expecting: nil)
            switch typed.value {
            case .column(let c): elements.append(.column(c))
            case .primaryKey(let k): elements.append(.primaryKey(k))
            case .unique(let u): elements.append(.unique(u))
            case .foreignKey(let k): elements.append(.foreignKey(k))
            case .check(let c): elements.append(.check(c))
            case .exclusion(let e): elements.append(.exclusion(e))
            case .index(let i): elements.append(.index(i))
            case .array(let items) where typed.type == .array(.column):
                for item in items { if case .column(let c) = item { elements.append(.column(c)) } }
            default:
                throw ModelUnreadable(statement.position, "a \(typed.type) in a table")
            }
        }
        return elements
    }

    /// The statements of `Schema { ... }`: tables, enum types, extensions, or arrays of tables.
    mutating func schemaElements(_ statements: [SourceExpression]) throws(ModelUnreadable) -> [SchemaElement] {
        var elements: [SchemaElement] = []
        elements.reserveCapacity(statements.count)
        for statement in statements {
            let typed = try evaluate(statement, expecting: nil)
            switch typed.value {
            case .table(let t): elements.append(.table(t))
            case .enumType(let e): elements.append(.enumType(e))
            case .databaseExtension(let e): elements.append(.databaseExtension(e))
            case .sequence(let s): elements.append(.sequence(s))
            case .domain(let d): elements.append(.domain(d))
            case .compositeType(let c): elements.append(.compositeType(c))
            case .view(let v): elements.append(.view(v))
            case .function(let f): elements.append(.function(f))
            case .trigger(let t): elements.append(.trigger(t))
            case .policy(let p): elements.append(.policy(p))
            case .array(let items) where typed.type == .array(.table):
                for item in items { if case .table(let t) = item { elements.append(.table(t)) } }
            default:
                throw ModelUnreadable(statement.position, "a \(typed.type) in a schema")
            }
        }
        return elements
    }
}
