// Builds the model for a database made by ../shared/bench/make_schema.py from its spec JSON,
// the same schema Alembic's SQLAlchemy MetaData declares (make_schema.build_metadata).
import Foundation
import ModelDSL

enum BenchSpecModel {
    struct Spec: Decodable {
        struct Column: Decodable {
            var name: String
            var type: String
            var nullable: Bool
            var pk: Bool?
            var autoinc: String?
            var comment: String?
            var `default`: [JSONScalar]?
        }
        struct Named: Decodable {
            var name: String
            var columns: [String]
            var unique: Bool?
        }
        struct ForeignKey: Decodable {
            var name: String
            var columns: [String]
            var ref_table: String
            var ref_columns: [String]
            var ondelete: String?
        }
        struct Check: Decodable {
            var name: String
            var sqltext: String
        }
        struct Table: Decodable {
            var name: String
            var comment: String?
            var columns: [Column]
            var uniques: [Named]
            var indexes: [Named]
            var fks: [ForeignKey]
            var checks: [Check]
        }
        var tables: [Table]
    }

    /// A JSON string, number or boolean.
    enum JSONScalar: Decodable {
        case string(String), number(Double), bool(Bool)
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let b = try? c.decode(Bool.self) {
                self = .bool(b)
            } else if let n = try? c.decode(Double.self) {
                self = .number(n)
            } else {
                self = .string(try c.decode(String.self))
            }
        }
        var text: String {
            switch self {
            case .string(let s): return s
            case .number(let n): return String(n)
            case .bool(let b): return b ? "true" : "false"
            }
        }
    }

    /// What a drift file holds besides the spec.
    struct Drift: Decodable {
        struct Change: Decodable {
            var kind: String
            var table: String
            var ops: [String]
        }
        var changes: [Change]
        var expected_ops: Int
        var spec: Spec
    }

    /// The spec and, for a drift file, its expected changes.
    static func load(_ path: String) throws -> (Spec, Drift?) {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        if let drift = try? JSONDecoder().decode(Drift.self, from: data) { return (drift.spec, drift) }
        return (try JSONDecoder().decode(Spec.self, from: data), nil)
    }

    static func schema(_ spec: Spec, postgres: Bool) -> Schema {
        Schema {
            for t in spec.tables {
                Table(t.name) {
                    for c in t.columns { column(c, postgres: postgres) }
                    for u in t.uniques { Unique(name: u.name, columns: u.columns) }
                    for i in t.indexes {
                        Index(name: i.name, elements: i.columns.map(IndexElement.column), unique: i.unique ?? false)
                    }
                    for k in t.fks {
                        ForeignKey(
                            k.columns, references: k.ref_table, k.ref_columns,
                            onDelete: k.ondelete.flatMap(ReferentialAction.init(sql:)) ?? .noAction, name: k.name)
                    }
                    for c in t.checks { Check(c.name, c.sqltext) }
                }
                .comment(postgres ? t.comment : nil)
            }
        }
    }

    static func column(_ c: Spec.Column, postgres: Bool) -> Column {
        var column = Column(c.name, type(c.type), nullable: c.nullable)
        if c.pk == true { column = column.primaryKey() }
        if postgres, c.pk == true {
            switch c.autoinc {
            case "serial": column = column.serial()
            case "identity": column = column.identity()
            default: break
            }
        }
        if postgres { column = column.comment(c.comment) }
        if let d = c.default, let kind = d.first?.text {
            let value = d.count > 1 ? d[1].text : ""
            switch kind {
            case "str", "strnum": column = column.default(.string(value))
            case "num": column = column.default(Int64(value).map(DefaultValue.integer) ?? .decimal(value))
            case "bool": column = column.default(.boolean(value == "true"))
            case "now": column = column.default(.sql(postgres ? "now()" : "CURRENT_TIMESTAMP"))
            case "json_empty": column = column.default(.string("{}"))
            case "uuid": if postgres { column = column.default(.sql("gen_random_uuid()")) }
            default: break
            }
        }
        return column
    }

    static func type(_ name: String) -> ColumnType {
        switch name {
        case "timestamptz": return .timestamp(withTimeZone: true)
        default: return ColumnType(parsing: name)
        }
    }
}
