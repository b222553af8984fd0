import Testing

@testable import Autogen

/// Expressions inside `${...}`: literals, operators with Python's meaning, and the functions.
@Suite struct TemplateExpressionTests {
    static let context: [String: TemplateValue] = [
        "s": "abc", "e": "", "n": 3, "f": 2.5, "t": true, "none": nil,
        "xs": ["a", "b", "c"], "empty": [], "d": ["k": "v", "n": [1, 2]], "nodict": [:],
    ]

    /// `${expression}` rendered with `context`.
    static func value(_ expression: String) throws(TemplateError) -> String {
        try TemplateTesting.render("${" + expression + "}", context)
    }

    @Test(arguments: [
        ("'single'", "single"), ("\"double\"", "double"), ("'it\\'s'", "it's"), ("\"a\" 'b'", "ab"),
        ("'\\x41\\u00e9\\U0001F600\\\\'", "Aé😀\\"), ("'tab\\tnl\\n'", "tab\tnl\n"), ("42", "42"), ("-7", "-7"),
        ("1.5e3", "1500.0"), ("0.25", "0.25"), ("True", "True"), ("False", "False"), ("None", "None"),
        ("[1, 'a', None,]", "[1, 'a', None]"), ("[]", "[]"), ("[[1], ['x']]", "[[1], ['x']]"),
    ])
    func literals(expression: String, expected: String) throws {
        #expect(try Self.value(expression) == expected)
    }

    @Test(arguments: [
        ("1 + 2", "3"), ("1 + 2.5", "3.5"), ("'a' + s + 'd'", "aabcd"), ("[1] + [2] + []", "[1, 2]"),
        ("xs + ['d']", "['a', 'b', 'c', 'd']"), ("-n", "-3"), ("--n", "3"), ("-f + 1", "-1.5"), ("(1 + 2)", "3"),
        ("n - 1 - 1", "1"), ("f - 1", "1.5"), ("1 - -n", "4"), ("len(xs) - 1 + 10", "12"),
    ])
    func arithmetic(expression: String, expected: String) throws {
        #expect(try Self.value(expression) == expected)
    }

    @Test(arguments: [
        ("xs[0]", "a"), ("xs[-1]", "c"), ("xs[n - 1]", "c"), ("d['k']", "v"), ("d.k", "v"), ("d.n[1]", "2"),
        ("s[1]", "b"), ("(xs)[1]", "b"), ("[xs, [d]][1][0].n[-2]", "1"),
    ])
    func attributesAndIndexes(expression: String, expected: String) throws {
        #expect(try Self.value(expression) == expected)
    }

    @Test(arguments: [
        ("'y' if t else 'n'", "y"), ("'y' if empty else 'n'", "n"), ("'a' if e else 'b' if n else 'c'", "b"),
        ("not e", "True"), ("not not s", "True"), ("not xs", "False"), ("s and n", "3"), ("e and n", ""),
        ("e or 'default'", "default"), ("none or empty or 0", "0"), ("s or unknown_name", "abc"),
        ("e and unknown_name", ""), ("t and s and xs", "['a', 'b', 'c']"),
        ("'t' if 0.0 else 'f'", "f"), ("'t' if nodict else 'f'", "f"), ("'t' if d else 'f'", "t"),
        ("'t' if ' ' else 'f'", "t"), ("'t' if -1 else 'f'", "t"),
    ])
    func conditionsAndTruthiness(expression: String, expected: String) throws {
        #expect(try Self.value(expression) == expected)
    }

    @Test(arguments: [
        ("n == 3", "True"), ("n == 3.0", "True"), ("n != 3", "False"), ("1 < 2 < 3", "True"), ("1 < 3 < 2", "False"),
        ("'a' < 'b'", "True"), ("'b' <= 'a'", "False"), ("'Z' < 'a'", "True"), ("[1, 2] < [1, 3]", "True"),
        ("[1] < [1, 0]", "True"), ("n >= 3", "True"), ("f <= 2", "False"), ("f > n", "False"),
        ("xs == ['a', 'b', 'c']", "True"), ("[1, 2] == [1.0, 2]", "True"), ("none == None", "True"),
        ("s == 'abc' == s", "True"), ("True == 1", "False"), ("'b' in xs", "True"), ("'z' not in xs", "True"),
        ("'bc' in s", "True"), ("'' in e", "True"), ("'k' in d", "True"), ("'x' in d", "False"), ("1 in d", "False"),
        ("1 in [1.0]", "True"), ("not 'b' in xs", "False"), ("'x' not in s and 'a' in s", "True"),
    ])
    func comparisons(expression: String, expected: String) throws {
        #expect(try Self.value(expression) == expected)
    }

    @Test(arguments: [
        ("repr(s)", "\"abc\""), ("repr(xs)", "[\"a\", \"b\", \"c\"]"), ("repr(empty)", "[]"), ("repr(none)", "nil"),
        ("repr(n)", "3"), ("repr(f)", "2.5"), ("repr(t)", "true"), ("repr(d)", "[\"k\": \"v\", \"n\": [1, 2]]"),
        ("repr(nodict)", "[:]"),
        ("repr('q\"\\\\\\n\\t\\r\\x07\\x7f\\x85é')", "\"q\\\"\\\\\\n\\t\\u{d}\\u{7}\\u{7f}\\u{85}é\""),
        ("repr(repr('a'))", "\"\\\"a\\\"\""),
        ("len(xs)", "3"), ("len(s)", "3"), ("len(d)", "2"), ("len('héllo')", "5"), ("len([])", "0"),
        ("indent('a\\n\\n  b\\n', 2)", "  a\n\n    b\n"), ("indent('x', '// ')", "// x"),
        ("indent('a\\r\\nb', 1)", " a\r\n b"),
        ("indent('', 4)", ""), ("indent(' \\nx', 0)", " \nx"),
        ("lines('a\\nb\\r\\nc\\rd')", "['a', 'b', 'c', 'd']"), ("lines('')", "[]"), ("lines('a\\n')", "['a']"),
        ("lines('a\\n\\nb')", "['a', '', 'b']"), ("lines('a\\u2028b\\x0cc')", "['a', 'b', 'c']"),
    ])
    func functions(expression: String, expected: String) throws {
        #expect(try Self.value(expression) == expected)
    }

    @Test func pythonReprOfStringsStaysOnOneLine() {
        #expect(TemplateValue.string("it's").pythonRepr == "\"it's\"")
        #expect(TemplateValue.string("a'\"b").pythonRepr == "'a\\'\"b'")
        #expect(
            TemplateValue.string("\n\r\t\\\u{0}\u{A0}\u{2028}\u{1F600}").pythonRepr
                == "'\\n\\r\\t\\\\\\x00\\xa0\\u2028\u{1F600}'")
    }

    @Test func swiftLiteralsOfSpecialFloats() {
        #expect(TemplateValue.double(.infinity).swiftLiteral == "Double.infinity")
        #expect(TemplateValue.double(-.infinity).swiftLiteral == "-Double.infinity")
        #expect(TemplateValue.double(.nan).swiftLiteral == "Double.nan")
        #expect(TemplateValue.double(.nan).text == "nan")
    }

    @Test func literalSyntaxBuildsValues() {
        let value: TemplateValue = ["a": [1, 2.5, "x", nil, true]]
        #expect(value == .dict(["a": .list([.int(1), .double(2.5), .string("x"), .none, .bool(true)])]))
        #expect(TemplateValue.strings(["a", "b"]) == .list([.string("a"), .string("b")]))
    }
}
