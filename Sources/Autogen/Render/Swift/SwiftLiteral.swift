import ModelDSL

/// Swift source spellings of values, for rendered revision code.
enum SwiftLiteral {
    /// A Swift string literal with the revision-file contract's escapes (one implementation
    /// for revision declarations, template `repr` and rendered bodies).
    static func string(_ text: String) -> String { RevisionLiteral.string(text) }

    /// `["a", "b"]`.
    static func strings(_ items: [String]) -> String { "[" + items.map(string).joined(separator: ", ") + "]" }

    /// A `ColumnType` as DSL source: `.varchar(100)`, `.numeric(10, 2)`, `.array(.integer)`.
    static func type(_ type: ColumnType) -> String {
        switch type {
        case .smallint: return ".smallint"
        case .integer: return ".integer"
        case .bigint: return ".bigint"
        case .numeric(let p, let s):
            switch (p, s) {
            case (let p?, let s?): return ".numeric(\(p), \(s))"
            case (let p?, nil): return ".numeric(\(p))"
            case (nil, let s?): return ".numeric(nil, \(s))"
            case (nil, nil): return ".numeric()"
            }
        case .real: return ".real"
        case .double: return ".double"
        case .boolean: return ".boolean"
        case .text: return ".text"
        case .varchar(let n): return n.map { ".varchar(\($0))" } ?? ".varchar()"
        case .char(let n): return n.map { ".char(\($0))" } ?? ".char()"
        case .date: return ".date"
        case .time(let tz): return tz ? ".time(withTimeZone: true)" : ".time()"
        case .timestamp(let tz): return tz ? ".timestamp(withTimeZone: true)" : ".timestamp()"
        case .interval: return ".interval"
        case .json: return ".json"
        case .jsonb: return ".jsonb"
        case .uuid: return ".uuid"
        case .binary: return ".binary"
        case .enumeration(let name, let schema):
            return ".enumeration(\(string(name))" + (schema.map { ", schema: \(string($0))" } ?? "") + ")"
        case .array(let element): return ".array(\(self.type(element)))"
        case .raw(let name): return ".raw(\(string(name)))"
        }
    }

    /// A `DefaultValue` as DSL source: `"active"`, `0`, `true`, `.decimal("1.50")`, `.sql("now()")`.
    static func defaultValue(_ value: DefaultValue) -> String {
        switch value {
        case .string(let s): return string(s)
        case .integer(let i): return String(i)
        case .decimal(let d): return ".decimal(\(string(d)))"
        case .boolean(let b): return b ? "true" : "false"
        case .sql(let s): return ".sql(\(string(s)))"
        }
    }

    /// An optional `DefaultValue` as a value of `DefaultValue?`: `nil` or `.some(...)`-free form.
    static func optionalDefault(_ value: DefaultValue?) -> String {
        guard let value else { return "nil" }
        switch value {
        case .string(let s): return ".string(\(string(s)))"
        case .integer(let i): return ".integer(\(i))"
        case .decimal(let d): return ".decimal(\(string(d)))"
        case .boolean(let b): return ".boolean(\(b))"
        case .sql(let s): return ".sql(\(string(s)))"
        }
    }

    /// `.cascade`, `.setNull`, ...
    static func action(_ action: ReferentialAction) -> String { "." + action.rawValue }

    /// `.always`, `.byDefault`, `.serial`, `.autoincrement`.
    static func identity(_ identity: Identity) -> String { "." + identity.rawValue }
}
