/// Anything that can be declared inside `Table { ... }`.
public enum TableElement: Sendable, Hashable {
    case column(Column)
    case primaryKey(PrimaryKey)
    case unique(Unique)
    case foreignKey(ForeignKey)
    case check(Check)
    case index(Index)
    case exclusion(Exclusion)
}

/// Builds the contents of a table from columns, constraints and indexes, with `if`, `if/else`
/// and `for` allowed.
@resultBuilder
public enum TableBuilder {
    public static func buildExpression(_ column: Column) -> [TableElement] { [.column(column)] }
    public static func buildExpression(_ key: PrimaryKey) -> [TableElement] { [.primaryKey(key)] }
    public static func buildExpression(_ unique: Unique) -> [TableElement] { [.unique(unique)] }
    public static func buildExpression(_ key: ForeignKey) -> [TableElement] { [.foreignKey(key)] }
    public static func buildExpression(_ check: Check) -> [TableElement] { [.check(check)] }
    public static func buildExpression(_ index: Index) -> [TableElement] { [.index(index)] }
    public static func buildExpression(_ exclusion: Exclusion) -> [TableElement] { [.exclusion(exclusion)] }
    public static func buildExpression(_ elements: [TableElement]) -> [TableElement] { elements }
    public static func buildExpression(_ columns: [Column]) -> [TableElement] { columns.map(TableElement.column) }
    public static func buildBlock(_ parts: [TableElement]...) -> [TableElement] { parts.flatMap { $0 } }
    public static func buildOptional(_ part: [TableElement]?) -> [TableElement] { part ?? [] }
    public static func buildEither(first part: [TableElement]) -> [TableElement] { part }
    public static func buildEither(second part: [TableElement]) -> [TableElement] { part }
    public static func buildArray(_ parts: [[TableElement]]) -> [TableElement] { parts.flatMap { $0 } }
    public static func buildLimitedAvailability(_ part: [TableElement]) -> [TableElement] { part }
}
