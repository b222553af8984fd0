import Introspect
import Testing

@testable import Autogen

/// The registry of backends: one per database, each serving the URLs of its dialect, with its
/// dialect, runtime and name agreeing.
@Suite struct DatabaseBackendsTests {
    static let urls = ["postgresql://u@localhost/db", "sqlite:///app.db", "sqlite://"]

    @Test func eachBackendIsListedOnceAndAgreesWithItself() {
        let names = DatabaseBackends.all.map(\.name)
        #expect(Set(names).count == names.count, "\(names)")
        for backend in DatabaseBackends.all {
            #expect(backend.dialect.name == backend.name)
            #expect(backend.runtime.compiler.name == backend.name)
        }
    }

    @Test(arguments: urls) func everyURLFindsTheBackendOfItsDialect(_ text: String) throws {
        let url = try DatabaseURL(text)
        let backend = DatabaseBackends.backend(for: url)
        #expect(backend.name == url.dialectName)
        #expect(RuntimeDialect(url).compiler.name == url.dialectName)
    }

    @Test func runSettingsBelongToTheirDatabase() {
        #expect(SQLiteBackend.runtime.begin == "BEGIN IMMEDIATE")
        #expect(SQLiteBackend.runtime.runStart == "PRAGMA foreign_keys = OFF")
        #expect(SQLiteBackend.runtime.runEnd == "PRAGMA foreign_keys = ON")
        #expect(PostgresBackend.runtime.begin == "BEGIN")
        #expect(PostgresBackend.runtime.runStart == nil && PostgresBackend.runtime.runEnd == nil)
        #expect(PostgresBackend.runtime.qualified("t", schema: "billing") == "\"billing\".\"t\"")
        #expect(SQLiteBackend.runtime.literal("it's") == "'it''s'")
    }

    /// Only a SQLite file that does not exist is absent; a server database and an in-memory
    /// one never are.
    @Test func absenceIsTheBackendsToTell() throws {
        #expect(
            DatabaseBackends.backend(for: try DatabaseURL("sqlite:///no/such/file.db")).isAbsent(
                try DatabaseURL("sqlite:///no/such/file.db")))
        #expect(!SQLiteBackend().isAbsent(try DatabaseURL("sqlite://")))
        #expect(!PostgresBackend().isAbsent(try DatabaseURL("postgresql://u@localhost/db")))
    }
}
