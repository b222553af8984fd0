import Testing

@testable import Autogen

/// The template syntax: substitutions, filters, control lines, comments, `<%doc>`, `<%text>`,
/// line joining.
@Suite struct TemplateSyntaxTests {
    let render = TemplateTesting.render

    @Test func textWithoutMarkupIsCopiedAsItIs() throws {
        let text = "struct A {\n    let cost = \"$5 {x}\" // 100% sure, a < b, #hash\n}\n"
        #expect(try render(text, [:]) == text)
        #expect(try render("", [:]) == "")
        #expect(try render("no newline at the end", [:]) == "no newline at the end")
    }

    @Test func substitutionPrintsValuesAsPythonsStr() throws {
        let context: [String: TemplateValue] = [
            "name": "Ann", "n": 42, "f": 1.5, "yes": true, "nothing": nil, "xs": ["a", "b"], "d": ["k": 1, "a": "x"],
        ]
        #expect(try render("Hi ${name}!", context) == "Hi Ann!")
        #expect(
            try render("${n} ${f} ${yes} ${nothing} ${xs} ${d} ${[]} ${1e20}", context)
                == "42 1.5 True None ['a', 'b'] {'a': 'x', 'k': 1} [] 1e+20")
        #expect(try render("${ 1 +\n   2 }|", context) == "3|")
        #expect(try render("${'}'}${\"${x}\"}", context) == "}${x}")
    }

    @Test func commaJoinsAListAndLeavesOtherValues() throws {
        #expect(try render("${xs | comma}", ["xs": ["a", "b", "c"]]) == "a, b, c")
        #expect(try render("[${xs | comma}]", ["xs": []]) == "[]")
        #expect(try render("[${x | comma}]", ["x": nil]) == "[]")
        #expect(try render("${x | comma}", ["x": "<base>"]) == "<base>")
        #expect(try render("${xs | comma}", ["xs": [1, nil, ["z"]]]) == "1, None, ['z']")
    }

    @Test func hEscapesHTML() throws {
        let s: TemplateValue = "<a href=\"x\">Tom & 'Jerry'</a>"
        #expect(try render("${s | h}", ["s": s]) == "&lt;a href=&#34;x&#34;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;")
        #expect(try render("${s}", ["s": s]) == "<a href=\"x\">Tom & 'Jerry'</a>")
    }

    @Test func trimStripsWhitespaceAtBothEnds() throws {
        #expect(try render("[${s | trim}]", ["s": "  \t x  y \n\r\n"]) == "[x  y]")
        #expect(try render("[${s | trim}]", ["s": " \n "]) == "[]")
        #expect(try render("[${n | trim}]", ["n": 7]) == "[7]")
    }

    @Test func nChangesNothingBecauseOutputIsNeverEscaped() throws {
        #expect(try render("${s | n}", ["s": "<b>&"]) == "<b>&")
    }

    @Test func filtersApplyLeftToRight() throws {
        let xs: TemplateValue = ["<a>", "b&"]
        #expect(try render("${xs | comma,n}", ["xs": xs]) == "<a>, b&")
        #expect(try render("${xs | comma, h}", ["xs": xs]) == "&lt;a&gt;, b&amp;")
        // h first turns the list into its str, which comma then leaves alone.
        #expect(try render("${xs | h,comma}", ["xs": xs]) == "[&#39;&lt;a&gt;&#39;, &#39;b&amp;&#39;]")
        #expect(try render("${'  <a>  ' | trim,h}", [:]) == "&lt;a&gt;")
        #expect(try render("${x if x else '<base>' | comma}", ["x": []]) == "<base>")
    }

    @Test(arguments: [(1, "one\n"), (2, "two\n"), (3, "many\n"), (0, "many\n")])
    func ifElifElseChoosesTheFirstTrueBranch(n: Int, expected: String) throws {
        let source = "% if n == 1:\none\n% elif n == 2:\ntwo\n% else:\nmany\n% endif\n"
        #expect(try render(source, ["n": .int(n)]) == expected)
    }

    @Test func ifWithoutElseRendersNothingWhenFalse() throws {
        let source = "a\n% if flag:\nb\n% endif\nc\n"
        #expect(try render(source, ["flag": false]) == "a\nc\n")
        #expect(try render(source, ["flag": true]) == "a\nb\nc\n")
        #expect(try render("% if False:\n${never_evaluated}\n% endif\n", [:]) == "")
    }

    @Test func forLoopsOverListsDictKeysAndCharacters() throws {
        let source = "% for x in xs:\n- ${x}\n% endfor\n"
        #expect(try render(source, ["xs": ["a", "b"]]) == "- a\n- b\n")
        #expect(try render(source, ["xs": []]) == "")
        #expect(try render(source, ["xs": ["z": 1, "a": 2]]) == "- a\n- z\n")
        #expect(try render(source, ["xs": "hé"]) == "- h\n- é\n")
    }

    @Test func loopVariableDescribesThePosition() throws {
        let source = """
            % for x in xs:
            ${loop.index}/${loop.reverse_index} ${x}${"," if not loop.last else "."}\
            ${" first" if loop.first else ""}${" even" if loop.even else ""}${" odd" if loop.odd else ""}
            % endfor

            """
        #expect(try render(source, ["xs": ["a", "b", "c"]]) == "0/2 a, first even\n1/1 b, odd\n2/0 c. even\n")
    }

    @Test func loopVariablesShadowTheContextOnlyInsideTheLoop() throws {
        let source = "% for x in xs:\n% for x in [x + '1', x + '2']:\n${x} \\\n% endfor\n% endfor\n${x}\n"
        #expect(try render(source, ["xs": ["a", "b"], "x": "outer"]) == "a1 a2 b1 b2 outer\n")
    }

    @Test func blocksNestAndControlLinesMayBeIndented() throws {
        let source = """
            % for t in tables:
            table ${t.name}
            %   for c in t.columns:
            	%   if c.pk:
              * ${c.name}
                % elif c.nullable:
              ? ${c.name}
                %else:
              - ${c.name}
                %endif
            %   endfor
            % endfor

            """
        let tables: TemplateValue = [
            [
                "name": "account",
                "columns": [["name": "id", "pk": true], ["name": "email", "pk": false, "nullable": true]],
            ],
            ["name": "empty", "columns": []],
            ["name": "tag", "columns": [["name": "label", "pk": false, "nullable": false]]],
        ]
        #expect(
            try render(source, ["tables": tables])
                == "table account\n  * id\n  ? email\ntable empty\ntable tag\n  - label\n")
    }

    @Test func controlLinesMayContinueAndCarryComments() throws {
        let source = "% if a and \\\n     b:  # both\nyes\n% endif  # done\n"
        #expect(try render(source, ["a": true, "b": 1]) == "yes\n")
        #expect(try render(source, ["a": true, "b": 0]) == "")
    }

    @Test func commentLinesDisappear() throws {
        let source = "## a comment\na\n    ## indented comment\nb ## not a comment\n## last"
        #expect(try render(source, [:]) == "a\nb ## not a comment\n")
    }

    @Test func docBlocksDisappear() throws {
        let source = "a<%doc>\n  ${not_evaluated}\n  % if\n</%doc>b\n"
        #expect(try render(source, [:]) == "ab\n")
    }

    @Test func textBlocksAreCopiedVerbatim() throws {
        let source = "<%text>${x}\n% if x:\n## kept\nline \\\n<%doc></%text> ${x}\n"
        #expect(try render(source, ["x": 1]) == "${x}\n% if x:\n## kept\nline \\\n<%doc> 1\n")
    }

    @Test func backslashNewlineJoinsLines() throws {
        #expect(try render("a \\\nb\n", [:]) == "a b\n")
        #expect(try render("a \\\r\nb\r\n", [:]) == "a b\r\n")
        #expect(try render("a\\\\\nb", [:]) == "a\\b")
        #expect(try render("end\\", [:]) == "end\\")
        // The joined line still starts a source line, so a control line there is one.
        #expect(try render("a\\\n% if True:\nb\n% endif\n", [:]) == "ab\n")
    }

    @Test func doublePercentEscapesAControlLine() throws {
        #expect(try render("%% done\n  %%x\n50%\n", [:]) == "% done\n  %x\n50%\n")
    }

    @Test func windowsLineBreaksWork() throws {
        #expect(try render("a\r\n% if True:\r\nb ${1}\r\n% endif\r\n", [:]) == "a\r\nb 1\r\n")
    }

    @Test func lastControlLineNeedsNoLineBreak() throws {
        #expect(try render("% if True:\nx\n% endif", [:]) == "x\n")
    }
}
