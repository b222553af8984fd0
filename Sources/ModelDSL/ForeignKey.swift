/// A FOREIGN KEY constraint, declared with `ForeignKey(["org_id"], references: "organization",
/// ["id"], onDelete: .cascade)` or with `.references(...)` on a column.
public struct ForeignKey: Sendable, Hashable, Codable {
    public var name: String?
    public var columns: [String]
    /// The referenced table's schema (PostgreSQL namespace); `nil` is the default schema.
    public var referredSchema: String?
    public var referredTable: String
    public var referredColumns: [String]
    public var onDelete: ReferentialAction
    public var onUpdate: ReferentialAction
    public var deferrable: Bool
    public var initiallyDeferred: Bool

    public init(
        _ columns: [String], references referredTable: String, _ referredColumns: [String],
        schema referredSchema: String? = nil,
        onDelete: ReferentialAction = .noAction, onUpdate: ReferentialAction = .noAction,
        deferrable: Bool = false, initiallyDeferred: Bool = false, name: String? = nil
    ) {
        self.name = name
        self.columns = columns
        self.referredSchema = referredSchema
        self.referredTable = referredTable
        self.referredColumns = referredColumns
        self.onDelete = onDelete
        self.onUpdate = onUpdate
        self.deferrable = deferrable || initiallyDeferred
        self.initiallyDeferred = initiallyDeferred
    }
}
