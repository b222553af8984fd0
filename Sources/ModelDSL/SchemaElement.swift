/// Anything that can be declared inside `Schema { ... }`.
public enum SchemaElement: Sendable, Hashable {
    case table(Table)
    case enumType(EnumType)
    case databaseExtension(Extension)
    case sequence(DatabaseSequence)
    case domain(Domain)
    case compositeType(CompositeType)
    case view(View)
    case function(Function)
    case trigger(Trigger)
    case policy(Policy)
}

/// Builds a schema from tables, enum types and extensions, with `if`, `if/else` and `for` allowed.
@resultBuilder
public enum SchemaBuilder {
    public static func buildExpression(_ table: Table) -> [SchemaElement] { [.table(table)] }
    public static func buildExpression(_ enumType: EnumType) -> [SchemaElement] { [.enumType(enumType)] }
    public static func buildExpression(_ domain: Domain) -> [SchemaElement] { [.domain(domain)] }
    public static func buildExpression(_ type: CompositeType) -> [SchemaElement] { [.compositeType(type)] }
    public static func buildExpression(_ view: View) -> [SchemaElement] { [.view(view)] }
    public static func buildExpression(_ function: Function) -> [SchemaElement] { [.function(function)] }
    public static func buildExpression(_ trigger: Trigger) -> [SchemaElement] { [.trigger(trigger)] }
    public static func buildExpression(_ policy: Policy) -> [SchemaElement] { [.policy(policy)] }
    public static func buildExpression(_ sequence: DatabaseSequence) -> [SchemaElement] { [.sequence(sequence)] }
    public static func buildExpression(_ extension: Extension) -> [SchemaElement] { [.databaseExtension(`extension`)] }
    public static func buildExpression(_ tables: [Table]) -> [SchemaElement] { tables.map(SchemaElement.table) }
    public static func buildExpression(_ elements: [SchemaElement]) -> [SchemaElement] { elements }
    public static func buildBlock(_ parts: [SchemaElement]...) -> [SchemaElement] { parts.flatMap { $0 } }
    public static func buildOptional(_ part: [SchemaElement]?) -> [SchemaElement] { part ?? [] }
    public static func buildEither(first part: [SchemaElement]) -> [SchemaElement] { part }
    public static func buildEither(second part: [SchemaElement]) -> [SchemaElement] { part }
    public static func buildArray(_ parts: [[SchemaElement]]) -> [SchemaElement] { parts.flatMap { $0 } }
    public static func buildLimitedAvailability(_ part: [SchemaElement]) -> [SchemaElement] { part }
}
