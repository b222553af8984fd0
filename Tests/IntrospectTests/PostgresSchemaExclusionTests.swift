import Introspect
import ModelDSL
import TestSupport
import Testing

/// `Introspector.read(url:schemas:excludeSchemas:)`: every user schema but the excluded ones.
@Suite(.enabled(if: TestPostgres.isConfigured))
struct PostgresSchemaExclusionTests {
    @Test func excludedSchemasAreLeftOut() throws {
        try TestPostgres.withTemporaryDatabase { url, connection in
            try connection.execute(
                """
                CREATE TABLE kept (id integer);
                CREATE SCHEMA audit; CREATE TABLE audit.log (id integer);
                CREATE SCHEMA scratch; CREATE TABLE scratch.tmp (id integer);
                """)
            let everythingButScratch = try Introspector.read(url: .postgresql(url), excludeSchemas: ["scratch"])
            // The default schema (nil) sorts first.
            #expect(everythingButScratch.schema.tables.map(\.qualifiedName) == ["kept", "audit.log"])
            let onlyPublic = try Introspector.read(url: .postgresql(url), excludeSchemas: ["scratch", "audit"])
            #expect(onlyPublic.schema.tables.map(\.qualifiedName) == ["kept"])
            // The schema list, the current schema, the reader's transaction (begin, snapshot export,
            // commit) and twelve catalog queries (no index, so no operator classes).
            #expect(onlyPublic.queryCount == 18)
            let included = try Introspector.read(
                url: .postgresql(url), schemas: ["audit", "scratch"], excludeSchemas: ["scratch"])
            #expect(included.schema.tables.map(\.qualifiedName) == ["audit.log"])
        }
    }
}
