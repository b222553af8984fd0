import Foundation
import ModelDSL
import TestSupport
import Testing

@testable import Autogen

/// `inspect --format json` writes its JSON with `SortedJSONEncoder`, which must print the
/// bytes Foundation's `JSONEncoder` prints (sorted keys, pretty, unescaped slashes), for every
/// kind of value a schema holds. The real-world schemas get the same check through the binary
/// in `RealSchemaRoundTripTests`.
@Suite struct SchemaJSONTests {
    /// Doubles of every spelling, a string-keyed dictionary, every escape, empty lists, and
    /// the PostgreSQL objects beyond tables.
    static let awkward: Schema = {
        var account = Table("account", schema: "app/x") {
            Column("id", .bigint).primaryKey().identity(.always)
            Column("note", .text).default(.string("q\"\\/\n\t\r\u{08}\u{0C}\u{01}\u{1F}\u{7F}é😀\u{2028}"))
            Column("ratio", .numeric(10, 2)).default(-1.5e3)
            Index("ix_note", "note").where("note <> ''")
        }
        account.storage = ["fillfactor": "70", "autovacuum_enabled": "false", "Zeta": "1", "a10": "x", "a2": "y"]
        let functions = [
            Function("f", arguments: "a int", returns: "int", language: "sql", cost: 100, rows: 0.5, body: "SELECT a"),
            Function("g", returns: "int", language: "sql", cost: 1e20, rows: 1e-7, body: "SELECT 1"),
            Function(
                "h", returns: "int", language: "sql", cost: 123_456_789.125, rows: 12_345_678_901_234_567_168,
                body: "SELECT 2"),
        ]
        return Schema(
            tables: [account, Table("empty") { Column("x", .integer) }], enums: [EnumType("mood", ["ok", "it's"])],
            views: [View("v", columns: ["a"], "SELECT 1 AS a")], functions: functions,
            triggers: [Trigger("t", on: "account", schema: "app/x", .after, [.update, .insert], execute: "f()")],
            policies: [Policy("p", on: "account", for: .update, permissive: false, to: ["b", "a"], using: "true")])
    }()

    @Test func awkwardValuesPrintAsFoundationPrintsThem() throws {
        let ours = try SchemaJSON.encode(Self.awkward)
        let foundation = try SchemaJSON.encodeWithFoundation(Self.awkward)
        #expect(ours == foundation, "\(Self.firstDifference(ours, foundation))")
        #expect(ours.contains(#""cost" : 1e+20"#) && ours.contains(#""rows" : 0.5"#), "\(ours)")
        #expect(ours.contains(#"q\"\\/\n\t\r\b\f\u0001\u001f"#), "\(ours)")
    }

    @Test func randomSchemasPrintAsFoundationPrintsThem() throws {
        for seed in UInt64(1)...40 {
            for dialect in [RandomSchema.Dialect.sqlite, .postgresql] {
                let a = RandomSchema.make(seed: seed, tables: 6, dialect: dialect)
                for schema in [a, RandomSchema.mutate(a, seed: seed, dialect: dialect)] {
                    let ours = try SchemaJSON.encode(schema)
                    let foundation = try SchemaJSON.encodeWithFoundation(schema)
                    if ours != foundation {
                        Issue.record(
                            "seed \(seed) \(dialect): first difference at \(Self.firstDifference(ours, foundation))")
                        return
                    }
                }
            }
        }
    }

    @Test func nonFiniteNumbersAreRefusedAsFoundationRefusesThem() {
        var schema = Schema(tables: [])
        schema.functions = [Function("f", returns: "int", language: "sql", cost: .infinity, body: "SELECT 1")]
        #expect(throws: EncodingError.self) { try SchemaJSON.encodeWithFoundation(schema) }
        #expect(throws: EncodingError.self) { try SchemaJSON.encode(schema) }
    }

    /// Encodable shapes synthesized code does not make: the stream either writes what
    /// JSONEncoder writes or refuses (and SchemaJSON then uses JSONEncoder).
    struct Hand: Encodable {
        enum Shape { case twice, nestedInOrder, nestedOutOfOrder, superEncoder, nothing, arrays }
        let shape: Shape
        enum Keys: String, CodingKey { case b, a, c }

        func encode(to encoder: any Encoder) throws {
            switch shape {
            case .twice:
                var c = encoder.container(keyedBy: Keys.self)
                try c.encode("first", forKey: .b)
                try c.encode(1, forKey: .a)
                try c.encode("second", forKey: .b)
            case .nestedInOrder:
                var c = encoder.container(keyedBy: Keys.self)
                var n = c.nestedContainer(keyedBy: Keys.self, forKey: .c)
                try n.encode(true, forKey: .b)
                try n.encode(2.5, forKey: .a)
                try c.encode([Int](), forKey: .b)
                var u = c.nestedUnkeyedContainer(forKey: .a)
                try u.encode(Float(0.1))
                var inner = u.nestedContainer(keyedBy: Keys.self)
                try inner.encodeNil(forKey: .c)
            case .nestedOutOfOrder:
                var c = encoder.container(keyedBy: Keys.self)
                var n = c.nestedContainer(keyedBy: Keys.self, forKey: .c)
                try c.encode(1, forKey: .a)
                try n.encode(2, forKey: .b)
            case .superEncoder:
                var c = encoder.container(keyedBy: Keys.self)
                try "x".encode(to: c.superEncoder())
            case .nothing:
                break
            case .arrays:
                var u = encoder.unkeyedContainer()
                try u.encode(UInt8(7))
                try u.encode([[String: Int]]())
                try u.encode(["z": 1, "y": 2])
            }
        }
    }

    @Test func handWrittenShapesPrintAsFoundationOrAreRefused() throws {
        let foundation = JSONEncoder()
        foundation.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        for shape in [Hand.Shape.twice, .nestedInOrder, .nothing, .arrays] {
            let ours = String(decoding: try SortedJSONEncoder.encode([Hand(shape: shape)]), as: UTF8.self)
            #expect(ours == String(decoding: try foundation.encode([Hand(shape: shape)]), as: UTF8.self), "\(shape)")
        }
        for shape in [Hand.Shape.nestedOutOfOrder, .superEncoder] {
            #expect(throws: JSONStreamError.outOfOrder, "\(shape)") { try SortedJSONEncoder.encode(Hand(shape: shape)) }
        }
    }

    /// The text around the first character where `a` and `b` differ.
    static func firstDifference(_ a: String, _ b: String) -> String {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        let index = (0..<min(x.count, y.count)).first { x[$0] != y[$0] } ?? min(x.count, y.count)
        func around(_ bytes: [UInt8]) -> String {
            String(decoding: bytes[max(0, index - 60)..<min(bytes.count, index + 60)], as: UTF8.self)
        }
        return "byte \(index):\n\(around(x))\n---\n\(around(y))"
    }
}
