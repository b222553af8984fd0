import Foundation
import ModelDSL
import TestSupport
import Testing

@Suite struct ColumnTypeTests {
    @Test(arguments: [
        ("VARCHAR(50)", ColumnType.varchar(50)), ("character varying(50)", .varchar(50)),
        ("character varying", .varchar()), ("int4", .integer), ("INT8", .bigint), ("int2", .smallint),
        ("timestamptz", .timestamp(withTimeZone: true)), ("timestamp with time zone", .timestamp(withTimeZone: true)),
        ("timestamp without time zone", .timestamp()), ("TIME WITH TIME ZONE", .time(withTimeZone: true)),
        ("DECIMAL(10, 2)", .numeric(10, 2)), ("numeric", .numeric()), ("numeric(5)", .numeric(5)),
        ("bpchar(32)", .char(32)), ("character(32)", .char(32)), ("double precision", .double), ("float8", .double),
        ("FLOAT(10)", .real), ("BLOB", .binary), ("bytea", .binary), ("bool", .boolean), ("jsonb", .jsonb),
        ("integer[]", .array(.integer)), ("character varying(5)[]", .array(.varchar(5))),
        ("enum(account_status)", .enumeration("account_status")), ("enum(s.mood)", .enumeration("mood", schema: "s")),
        ("citext", .raw("citext")), ("timestamp(3) with time zone", .raw("timestamp(3) with time zone")),
    ])
    func parsesSynonyms(spelling: String, expected: ColumnType) {
        #expect(ColumnType(parsing: spelling) == expected)
    }

    @Test func canonicalSpellingRoundTrips() {
        let all: [ColumnType] = [
            .smallint, .integer, .bigint, .numeric(), .numeric(4), .numeric(10, 2), .real, .double, .boolean, .text,
            .varchar(), .varchar(3), .char(), .char(2), .date, .time(), .time(withTimeZone: true), .timestamp(),
            .timestamp(withTimeZone: true), .interval, .json, .jsonb, .uuid, .binary, .enumeration("e"),
            .enumeration("e", schema: "s"), .array(.array(.integer)), .raw("tsvector"),
        ]
        for type in all {
            #expect(ColumnType(parsing: type.description) == type, "\(type)")
        }
    }

    @Test func schemaRoundTripsThroughJSON() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(exampleSchema)
        let decoded = try JSONDecoder().decode(Schema.self, from: data)
        #expect(decoded == exampleSchema)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"type\":\"numeric(10,2)\""))
        #expect(text.contains("\"default\":{\"string\":\"active\"}"))
        #expect(!text.contains("inline"), "DSL bookkeeping is not part of the value's JSON")
    }
}
