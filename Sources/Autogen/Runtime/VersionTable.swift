/// The version table's SQL, with Alembic's semantics: one row per current head.
///
/// ```sql
/// CREATE TABLE IF NOT EXISTS "autogen_version" (
///     version_num VARCHAR(32) NOT NULL,
///     CONSTRAINT "autogen_version_pkc" PRIMARY KEY (version_num)
/// )
/// SELECT version_num FROM "autogen_version"
/// INSERT INTO "autogen_version" (version_num) VALUES ('ab12')
/// DELETE FROM "autogen_version" WHERE version_num = 'ab12'
/// UPDATE "autogen_version" SET version_num = 'cd34' WHERE version_num = 'ab12'
/// ```
struct VersionTable: Sendable {
    let dialect: RuntimeDialect
    let name: String
    let schema: String?

    var qualifiedName: String { dialect.qualified(name, schema: schema) }

    var createSQL: String {
        "CREATE TABLE IF NOT EXISTS \(qualifiedName) (\n    version_num VARCHAR(32) NOT NULL,\n"
            + "    CONSTRAINT \(dialect.quote(name + "_pkc")) PRIMARY KEY (version_num)\n)"
    }

    var selectSQL: String { "SELECT version_num FROM \(qualifiedName)" }

    var deleteAllSQL: String { "DELETE FROM \(qualifiedName)" }

    /// The statement for one change of a step.
    func sql(for change: VersionChange) -> String {
        switch change {
        case .insert(let id): return "INSERT INTO \(qualifiedName) (version_num) VALUES (\(dialect.literal(id)))"
        case .delete(let id): return "DELETE FROM \(qualifiedName) WHERE version_num = \(dialect.literal(id))"
        case .update(let from, let to):
            return
                "UPDATE \(qualifiedName) SET version_num = \(dialect.literal(to)) WHERE version_num = \(dialect.literal(from))"
        }
    }
}
