import Testing

@testable import Autogen

/// Every syntax and evaluation error, with its exact `name:line:column: message`.
@Suite struct TemplateErrorTests {
    static let context: [String: TemplateValue] = ["xs": ["a", "b", "c"], "n": 3, "d": ["k": "v"], "x": 1]

    @Test(arguments: [
        // Names, evaluated when rendered.
        ("line one\n  ${down_revisoin}\n", "t.mako:2:5: unknown name 'down_revisoin'"),
        ("a\n${ x +\n  y }", "t.mako:3:3: unknown name 'y'"),
        ("é ${nope}", "t.mako:1:5: unknown name 'nope'"),
        ("a\r\n${nope}", "t.mako:2:3: unknown name 'nope'"),
        ("% for x in xs:\n% endfor\n${x + loop}", "t.mako:3:7: unknown name 'loop'"),
        // Blocks.
        ("a\nb\n% endfor\n", "t.mako:3:1: '% endfor' without '% for'"),
        ("% endif\n", "t.mako:1:1: '% endif' without '% if'"),
        ("  % elif x:\n", "t.mako:1:3: '% elif' without '% if'"),
        ("% else:\n", "t.mako:1:1: '% else' without '% if'"),
        ("x\n% if x:\ny\n", "t.mako:4:1: '% if' at line 2 is never closed"),
        ("% for a in xs:\n% if x:\n% endif", "t.mako:3:8: '% for' at line 1 is never closed"),
        ("% if x:\n% else:\n% else:\n% endif\n", "t.mako:3:1: '% else' after '% else' at line 2"),
        ("% if x:\n% else:\n% elif x:\n% endif\n", "t.mako:3:1: '% elif' after '% else' at line 2"),
        ("% for a in xs:\n% endif\n", "t.mako:2:1: '% endif' found while '% for' at line 1 is open"),
        ("% for a in xs:\n% else:\n", "t.mako:2:1: '% else' found while '% for' at line 1 is open"),
        ("% if x:\n  % endfor\n", "t.mako:2:3: '% endfor' found while '% if' at line 1 is open"),
        // Control lines.
        ("% if x\n% endif\n", "t.mako:1:7: expected ':' at the end of '% if', found end of line"),
        ("% else\n", "t.mako:1:7: expected ':' at the end of '% else', found end of line"),
        ("% for a in xs\n", "t.mako:1:14: expected ':' at the end of '% for', found end of line"),
        ("% if x | y:\n", "t.mako:1:8: expected ':' at the end of '% if', found '|'"),
        ("% if x: y\n", "t.mako:1:9: expected end of line, found 'y'"),
        ("% endif x\n", "t.mako:1:9: expected end of line, found 'x'"),
        ("  % while x:\n", "t.mako:1:5: unknown control line '% while'"),
        ("%\n", "t.mako:1:2: expected if, elif, else, endif, for or endfor after '%'"),
        ("% (x)\n", "t.mako:1:3: expected if, elif, else, endif, for or endfor, found '('"),
        ("% for 1 in xs:\n", "t.mako:1:7: expected a loop variable name, found number 1"),
        ("% for a, b in xs:\n", "t.mako:1:8: expected 'in', found ','"),
        // Substitutions.
        ("ab ${x\n", "t.mako:1:4: '${' is never closed"),
        ("${}", "t.mako:1:3: expected an expression, found '}'"),
        ("${a b}", "t.mako:1:5: expected '}', found 'b'"),
        ("${x | upper}", "t.mako:1:7: unknown filter 'upper'"),
        ("${x | }", "t.mako:1:7: expected a filter name, found '}'"),
        ("${x | n,}", "t.mako:1:9: expected a filter name, found '}'"),
        ("${x if x}", "t.mako:1:9: expected 'else', found '}'"),
        ("${(x}", "t.mako:1:5: expected ')', found '}'"),
        ("${[1, 2}", "t.mako:1:8: expected ']', found '}'"),
        ("${d.}", "t.mako:1:5: expected an attribute name, found '}'"),
        // Functions.
        ("${foo(1)}", "t.mako:1:3: unknown function 'foo'"),
        ("${xs(1)}", "t.mako:1:3: unknown function 'xs'"),
        ("${d.k(1)}", "t.mako:1:6: only repr, len, indent and lines can be called"),
        ("${len(1, 2)}", "t.mako:1:3: len() takes 1 argument (2 given)"),
        ("${indent('a')}", "t.mako:1:3: indent() takes 2 arguments (1 given)"),
        ("${repr()}", "t.mako:1:3: repr() takes 1 argument (0 given)"),
        ("${len(n)}", "t.mako:1:3: object of type 'int' has no len()"),
        ("${indent(xs, 2)}", "t.mako:1:3: indent() needs a str to indent, not 'list'"),
        ("${indent('a', -1)}", "t.mako:1:3: indent() needs a width from 0 to 1000 or a str prefix, not -1"),
        ("${indent('a', 1001)}", "t.mako:1:3: indent() needs a width from 0 to 1000 or a str prefix, not 1001"),
        ("${lines(None)}", "t.mako:1:3: lines() needs a str, not 'NoneType'"),
        // Lexing.
        ("${'abc}", "t.mako:1:3: string literal is never closed"),
        ("${'ab\nc'}", "t.mako:1:3: string literal is never closed"),
        ("${\"a\\q\"}", "t.mako:1:5: unknown escape '\\q'"),
        ("${'\\x4'}", "t.mako:1:4: expected 2 hex digits in escape"),
        ("${'\\ud800'}", "t.mako:1:4: escape names no Unicode character"),
        ("${a = 1}", "t.mako:1:5: unexpected character '='"),
        ("${a\u{7}}", "t.mako:1:4: unexpected character '\\x07'"),
        ("${ {} }", "t.mako:1:4: unexpected character '{'"),
        ("${99999999999999999999}", "t.mako:1:3: integer literal 99999999999999999999 is too large"),
        // Tags.
        ("<%def name='x()'>", "t.mako:1:1: unsupported tag '<%def': only <%doc> and <%text> are supported"),
        ("a <% x = 1 %>", "t.mako:1:3: unsupported tag '<%': only <%doc> and <%text> are supported"),
        ("a</%text>", "t.mako:1:2: '</%text>' without '<%text>'"),
        ("\n </%doc>", "t.mako:2:2: '</%doc>' without '<%doc>'"),
        ("x\n<%doc>\nabc", "t.mako:2:1: '<%doc>' is never closed"),
        ("<%text>${x}", "t.mako:1:1: '<%text>' is never closed"),
        // Values.
        ("${xs[5]}", "t.mako:1:5: list index 5 out of range (length 3)"),
        ("${xs[-4]}", "t.mako:1:5: list index -4 out of range (length 3)"),
        ("${xs['a']}", "t.mako:1:5: list index must be an int, not 'str'"),
        ("${d[0]}", "t.mako:1:4: dict key must be a str, not 'int'"),
        ("${d['z']}", "t.mako:1:4: dict has no key 'z'"),
        ("${n[0]}", "t.mako:1:4: 'int' cannot be indexed"),
        ("${d.missing}", "t.mako:1:5: dict has no key 'missing'"),
        ("${n.real}", "t.mako:1:5: 'int' has no attribute 'real'"),
        ("${1 + 'a'}", "t.mako:1:5: cannot add 'int' and 'str'"),
        ("${'a' - 1}", "t.mako:1:7: cannot subtract 'int' from 'str'"),
        ("${True + 1}", "t.mako:1:8: cannot add 'bool' and 'int'"),
        ("${-'a'}", "t.mako:1:3: cannot negate 'str'"),
        ("${n + 9223372036854775807}", "t.mako:1:5: integer overflow in 3 + 9223372036854775807"),
        ("${-9223372036854775807 - n}", "t.mako:1:24: integer overflow in -9223372036854775807 - 3"),
        ("${1 < 'a'}", "t.mako:1:5: cannot compare 'int' and 'str' with '<'"),
        ("${[1] < ['a']}", "t.mako:1:7: cannot compare 'int' and 'str' with '<'"),
        ("${1 in 2}", "t.mako:1:5: 'in' needs a str, list or dict on the right, not 'int'"),
        ("${1 in 'abc'}", "t.mako:1:5: 'in <str>' needs a str on the left, not 'int'"),
        ("% for a in n:\n% endfor\n", "t.mako:1:12: cannot loop over 'int'"),
        ("% if True:\n% for a in None:\n% endfor\n% endif\n", "t.mako:2:12: cannot loop over 'NoneType'"),
    ])
    func errorNamesTheTemplateLineAndColumn(source: String, expected: String) {
        #expect(TemplateTesting.failure(source, Self.context) == expected)
    }

    @Test func expressionsNestAtMost64Deep() {
        let deep = "${" + String(repeating: "(", count: 100) + "1" + String(repeating: ")", count: 100) + "}"
        #expect(TemplateTesting.failure(deep) == "t.mako:1:67: expression nested too deeply")
        let fine = "${" + String(repeating: "[", count: 63) + "1" + String(repeating: "]", count: 63) + "}"
        #expect(TemplateTesting.failure(fine) == nil)
    }

    @Test func longChainsDoNotNest() throws {
        let sum = "${" + Array(repeating: "1", count: 5000).joined(separator: " + ") + "}"
        #expect(try TemplateTesting.render(sum) == "5000")
        let nots = "${" + String(repeating: "not ", count: 5001) + "0}"
        #expect(try TemplateTesting.render(nots) == "True")
    }

    @Test func blocksNestAtMost64Deep() {
        let open = String(repeating: "% if True:\n", count: 65)
        #expect(TemplateTesting.failure(open) == "t.mako:65:1: blocks nested more than 64 deep")
        let fine = String(repeating: "% if True:\n", count: 64) + "x\n" + String(repeating: "% endif\n", count: 64)
        #expect(TemplateTesting.failure(fine) == nil)
    }

    @Test func runawayLoopsStop() throws {
        let source = "% for a in xs:\n% for b in xs:\n${b}\n% endfor\n% endfor\n"
        let template = try Template(source: source, name: "t.mako")
        let xs: TemplateValue = .list((0..<100).map(TemplateValue.int))
        #expect(
            throws: TemplateError(
                templateName: "t.mako", position: .init(line: 2, column: 12), message: "more than 1000 loop iterations")
        ) {
            try template.render(["xs": xs], maximumIterations: 1000)
        }
        #expect(try template.render(["xs": [1, 2]], maximumIterations: 6) == "1\n2\n1\n2\n")
        #expect(TemplateRenderer.maximumIterations == 1_000_000)
    }

    @Test func errorsAreValuesWithTheirParts() throws {
        let error = try #require(throws: TemplateError.self) {
            try Template(source: "ok\n${a b}", name: "script.swift.mako")
        }
        #expect(error.templateName == "script.swift.mako")
        #expect(error.line == 2)
        #expect(error.column == 5)
        #expect(error.message == "expected '}', found 'b'")
    }
}
