import ModelDSL
import Testing

@testable import ModelReader

/// What the reader leaves to the compiler, and where it says it stopped: every construct here
/// is valid Swift (or a Swift error) that the reader cannot type exactly, so the file is compiled.
@Suite struct ModelReaderUnreadableTests {
    static func reason(_ body: String, header: String = "import ModelDSL\n") -> ModelUnreadable? {
        do {
            _ = try ModelReader(source: header + body)
            return nil
        } catch { return error }
    }

    @Test(arguments: [
        ("let schema = Schema { for name in [\"a\"] { Table(name) {} } }", "`for` loop"),
        ("let schema = Schema { if true { Table(\"a\") {} } }", "`if`"),
        ("func make() -> Table { Table(\"a\") {} }", "a function at the top level"),
        ("var schema = Schema {}", "`var` at the top level"),
        ("let schema = Schema { Table(\"t_\\(1)\") {} }", "string interpolation"),
        (
            "let schema = Schema { Table(\"\"\"x\n\"\"\") {} }",
            "text after the opening \"\"\" of a multi-line string literal"
        ),
        (
            "let schema = Schema { Table(\"\"\"\n x\n  \"\"\") {} }",
            "a line of a multi-line string literal indented less than its closing \"\"\""
        ),
        ("let schema = Schema { Table(\"\"\"\nx\n", "an unterminated multi-line string literal"),
        ("let schema = Schema { Table(#\"a\"#) {} }", "`#`"),
        ("let schema = Schema { helper }", "`helper`, which this file does not declare"),
        (
            "let schema = Schema { Table(\"a\") { Column(\"id\", .integer).frobnicate() } }",
            "the Column method `frobnicate`"
        ),
        ("let schema = Schema { Table(\"a\") { Column(\"id\", .money) } }", "`.money` of ColumnType"),
        ("let schema = Schema { Table(\"a\") { Column(\"id\", .varchar) } }", "`.varchar` of ColumnType"),
        ("let schema = Schema { Table(\"a\") { Column(\"id\", .text()) } }", "`.text(...)` of ColumnType"),
        ("let schema = Schema { Table(\"a\") { Column(\"id\", .integer).default(1 + 2) } }", "`+`"),
        ("let schema = Schema { Table(\"a\") { Column(\"id\", .integer).default(- 2) } }", "the `-` operator"),
        (
            "let schema = Schema { Table(\"a\") { Column(\"id\", .integer).default(0x10) } }",
            "a number in another base than 10"
        ),
        (
            "let schema = Schema { Table(\"a\") { Column(\"id\", .integer).default(99999999999999999999) } }",
            "a number out of range"
        ),
        ("let schema = Schema { Table(\"a\") { Column(\"id\", .integer).comment(nil).nullable()! } }", "`!`"),
        (
            "let schema = Schema { Table(\"a\") { Column(id: \"id\", .integer) } }",
            "`Column(...)` with these argument labels"
        ),
        (
            "let schema = Schema { Table(\"a\") { Column(\"id\", .integer, comment: \"c\", nullable: true) } }",
            "`Column(...)` with these argument labels"
        ),
        ("let schema = Schema { Table(\"a\") { Column(\"id\", .integer,) } }", "a trailing comma in arguments"),
        (
            "let n = 5\nlet schema = Schema { Table(\"a\") { Column(\"id\", .integer).default(n) } }",
            "a Int where a DefaultValue is expected"
        ),
        (
            "let schema = Schema { Table(\"a\") { Column(\"id\", .integer).nullable() Column(\"b\", .text) } }",
            "two statements on one line"
        ),
        ("let schema = Schema { Table(\"a\") { [] } }", "an empty array of no known type"),
        (
            "let schema = Schema { Table(\"a\") { Column(\"id\", .integer) } }\nlet schema = Schema {}",
            "`schema` declared twice"
        ),
        ("let a = b\nlet b = a", "`a` refers to itself"),
        ("let Table = 1", "a capitalized constant name, `Table`"),
        ("let t: Money = 1", "the type `Money`"),
        ("let schema = Schema { Table(\"a\") { x in Column(\"id\", .integer) } }", "two statements on one line"),
        ("let schema = Schema { Table(\"a\") { Column(\"id\", .integer) }.columns }", "the property `columns`"),
        ("let schema = Schema { Table(\"a\")\n{ Column(\"id\", .integer) } }", "`{` where an expression was expected"),
        ("let schema = Schema { Table(\"a\") { Column(\"é\", .integer) } }\nlet café = 1", "a non-ASCII character"),
        (
            "let schema = Schema { Table(\"a\") { .column(Column(\"id\", .integer)) } }",
            "`.column(...)` without a type to look it up in"
        ),
        (
            "let schema = Schema { Table(\"a\") { Column(\"id\", .integer) }; Column(\"b\", .text) }",
            "a Column in a schema"
        ),
        // Found in review, each checked against swiftc.
        ("let default = Schema {}", "the reserved word `default` as a name"),
        ("let _ = Schema {}", "the reserved word `_` as a name"),
        ("let Environment = Schema {}", "a capitalized constant name, `Environment`"),
        ("let schema = Schema { Table(\"a\") { Column(\"b\", .boolean).default(`true`) } }", "`\u{60}`"),
        ("let n =1", "`=` spaced differently on its two sides"),
        ("let n= 1", "`=` spaced differently on its two sides"),
        ("let n =-1", "`=` spaced differently on its two sides"),
        ("let c = Column(\"a\", .text). notNull()", "a `.` with a space beside it"),
        ("let c = Column(\"a\", .text) .notNull()", "a `.` with a space beside it"),
        ("let c = Column(\"a\", . text)", "a `.` with a space beside it"),
        ("let n = 1;;", "`;` where a declaration was expected"),
        ("let schema = Schema { ; Table(\"t\") {} }", "`;` where an expression was expected"),
        ("let s = \"\\u{+41}\"", "a malformed \\u escape"),
        ("let s = \"a\u{01}b\"", "a control character in a string literal"),
        ("let s = \"a\rb\"", "an unterminated string literal"),
        ("let c = Column(\"a\", .numeric()).default(1.00000000000000011104)", "a decimal literal rounded twice"),
    ])
    func leavesToTheCompiler(_ body: String, _ expected: String) {
        let found = Self.reason(body)
        #expect(found?.reason == expected, "\(body)")
    }

    @Test func saysWhereItStopped() {
        let found = Self.reason("let schema = Schema {\n    Table(\"a\") {\n        for i in 0..<3 {}\n    }\n}")
        #expect(found?.position == SourcePosition(line: 4, column: 9))
        #expect(found?.description == "4:9: `for` loop")
        // A wrong method is placed at its name, as the compiler places it.
        let typo = Self.reason("let c = Column(\"a\", .text).notNul()")
        #expect(typo?.description == "2:28: the Column method `notNul`")
    }

    @Test func importsItDoesNotKnowAreLeftToTheCompiler() {
        #expect(
            Self.reason("let schema = Schema {}", header: "import MyApp\nimport ModelDSL\n")?.reason
                == "an import of `MyApp`")
        #expect(Self.reason("let schema = Schema {}", header: "")?.reason == "no `import ModelDSL` or `import Autogen`")
        #expect(Self.reason("let schema = Schema {}", header: "import Autogen\n") == nil)
    }

    @Test func ambiguousCallsAreLeftToTheCompiler() {
        // `Index("a")` fits only the named initializer; `Unique("a")` only `Unique(_:_:...)`.
        #expect(Self.reason("let schema = Schema { Table(\"t\") { Index(\"ix\"); Unique(\"u\") } }") == nil)
    }

    @Test func lineBreaksAreSwiftsOwn() throws {
        // A lone CR ends a `//` comment and a line, as in Swift: `.notNull()` applies.
        let text =
            "import ModelDSL\rlet schema = Schema { Table(\"t\") {\r Column(\"a\", .text) // note\r.notNull()\r\n} }"
        let schema = try #require(try ModelReader(source: text).schemas["schema"])
        #expect(schema.table("t")?.column("a")?.isNullable == false)
        #expect(Self.reason("let x = 1\rlet y = z")?.position == SourcePosition(line: 3, column: 9))
    }
}
