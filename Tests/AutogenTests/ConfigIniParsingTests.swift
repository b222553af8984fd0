import Testing

@testable import Autogen

@Suite("ConfigIniParsing")
struct ConfigIniParsingTests {
    @Test func sectionsKeysAndBothDelimiters() throws {
        let ini = try ConfigFixtures.ini(
            """
            [autogen]
            Script_Location = migrations
            url: postgresql://u:p@host/db
            version_table   =   versions  \t
            [other]
            a = b: c
            """)
        #expect(ini.sectionNames == ["autogen", "other"])
        #expect(ini.section("autogen")?.keys == ["script_location", "url", "version_table"])
        #expect(ini.entry("SCRIPT_LOCATION", in: "autogen")?.rawValue == "migrations")
        #expect(ini.entry("url", in: "autogen")?.rawValue == "postgresql://u:p@host/db")
        #expect(ini.entry("version_table", in: "autogen")?.rawValue == "versions")
        #expect(ini.entry("version_table", in: "autogen")?.line == 4)
        #expect(ini.entry("a", in: "other")?.rawValue == "b: c")
        #expect(ini.entry("a", in: "autogen") == nil)
    }

    @Test func firstDelimiterSplitsKeyFromValue() throws {
        let ini = try ConfigFixtures.ini("[s]\nsqlalchemy.url = sqlite:///a.db\nk: v = w\nempty =\n")
        #expect(ini.entry("sqlalchemy.url", in: "s")?.rawValue == "sqlite:///a.db")
        #expect(ini.entry("k", in: "s")?.rawValue == "v = w")
        #expect(ini.entry("empty", in: "s")?.rawValue == "")
    }

    @Test func continuationLinesJoinWithNewlines() throws {
        let ini = try ConfigFixtures.ini(
            """
            [s]
            hooks = a
                b
              c
            next = x
              # a comment inside the value is dropped
              y

              z


            last = 1
            """)
        #expect(ini.entry("hooks", in: "s")?.rawValue == "a\nb\nc")
        #expect(ini.entry("next", in: "s")?.rawValue == "x\ny\n\nz")
        #expect(ini.entry("last", in: "s")?.rawValue == "1")
        #expect(ini.entry("last", in: "s")?.line == 12)
    }

    @Test func anIndentedKeyLineContinuesTheValueAbove() throws {
        // As in ConfigParser: indentation deeper than the key above makes a continuation line.
        let ini = try ConfigFixtures.ini("[s]\nurl = a\n  other = b\n")
        #expect(ini.section("s")?.keys == ["url"])
        #expect(ini.entry("url", in: "s")?.rawValue == "a\nother = b")
    }

    @Test func emptyFirstLineKeepsItsLineBreak() throws {
        let ini = try ConfigFixtures.ini("[s]\nversion_locations =\n    one\n    two\n")
        #expect(ini.entry("version_locations", in: "s")?.rawValue == "\none\ntwo")
    }

    @Test func indentedKeysAtTheSameDepthAreSeparateKeys() throws {
        let ini = try ConfigFixtures.ini("[s]\n  a = 1\n  b = 2\n    c\n")
        #expect(ini.entry("a", in: "s")?.rawValue == "1")
        #expect(ini.entry("b", in: "s")?.rawValue == "2\nc")
    }

    @Test func commentsAreWholeLinesOnly() throws {
        let ini = try ConfigFixtures.ini(
            """
            # leading comment
            ; another
            [s] ; comment after the header
               # indented comment
            url = sqlite:///a.db # not a comment
            pct = 50 ; also not a comment
            """)
        #expect(ini.sectionNames == ["s"])
        #expect(ini.section("s")?.keys == ["url", "pct"])
        #expect(ini.entry("url", in: "s")?.rawValue == "sqlite:///a.db # not a comment")
        #expect(ini.entry("pct", in: "s")?.rawValue == "50 ; also not a comment")
    }

    @Test func defaultSectionIsInherited() throws {
        let ini = try ConfigFixtures.ini(
            """
            [DEFAULT]
            shared = from default
            url = sqlite:///default.db
            [autogen]
            url = sqlite:///own.db
            mine = 1
            """)
        #expect(ini.sectionNames == ["autogen"])
        #expect(ini.defaults?.keys == ["shared", "url"])
        #expect(ini.keys(in: "autogen") == ["url", "mine", "shared"])
        #expect(ini.entry("url", in: "autogen")?.rawValue == "sqlite:///own.db")
        #expect(ini.entry("shared", in: "autogen")?.rawValue == "from default")
        #expect(ini.entry("shared", in: "missing")?.rawValue == "from default")
        #expect(ini.section("DEFAULT")?.line == 1)
    }

    @Test func sectionNamesAreCaseSensitiveAndTrimmed() throws {
        let ini = try ConfigFixtures.ini("[ autogen ]\na = 1\n[Autogen]\na = 2\n")
        #expect(ini.sectionNames == ["autogen", "Autogen"])
        #expect(ini.entry("a", in: "Autogen")?.rawValue == "2")
    }

    @Test func windowsLineEndingsAndByteOrderMark() throws {
        let ini = try ConfigFixtures.ini("\u{FEFF}[s]\r\na = 1\r\n  more\r\nb = 2\r")
        #expect(ini.entry("a", in: "s")?.rawValue == "1\nmore")
        #expect(ini.entry("b", in: "s")?.rawValue == "2")
        #expect(ini.entry("b", in: "s")?.line == 4)
    }

    @Test(arguments: [
        ("[a]\nx = 1\n\n[a]\n", "autogen.ini:4: duplicate section [a] (first at line 1)"),
        ("[DEFAULT]\n[s]\n[DEFAULT]\n", "autogen.ini:3: duplicate section [DEFAULT] (first at line 1)"),
        ("[a]\nurl = 1\nURL = 2\n", "autogen.ini:3: duplicate key \"url\" in [a] (first at line 2)"),
        (
            "[a]\nurl = 1\nb = 1\n[c]\nurl = 3\nurl: 4\n",
            "autogen.ini:6: duplicate key \"url\" in [c] (first at line 5)"
        ),
        (
            "[a]\njust words\n",
            "autogen.ini:2: expected \"key = value\", \"[section]\" or a comment, found \"just words\""
        ),
        ("url = sqlite://\n[a]\n", "autogen.ini:1: \"url\" comes before any [section]"),
        ("[a]\n= value\n", "autogen.ini:2: missing key before \"=\" in \"= value\""),
        ("[a]\n  : value\n", "autogen.ini:2: missing key before \":\" in \": value\""),
        ("[abc\n", "autogen.ini:1: malformed section header \"[abc\"; expected [name]"),
        ("[]\n", "autogen.ini:1: malformed section header \"[]\"; expected [name]"),
        ("[a] trailing\n", "autogen.ini:1: malformed section header \"[a] trailing\"; expected [name]"),
        (
            "[a]\n" + String(repeating: "x", count: 80) + "\n",
            "autogen.ini:2: expected \"key = value\", \"[section]\" or a comment, found \""
                + String(repeating: "x", count: 57) + "...\""
        ),
    ])
    func errorsNameFileAndLine(text: String, message: String) {
        #expect(ConfigFixtures.parseError(text)?.description == message)
    }

    @Test func continuationNeedsAKeyAbove() {
        // Right after a header there is no open value, so an indented line is a key line.
        #expect(
            ConfigFixtures.parseError("[a]\n    indented words\n")?.description
                == "autogen.ini:2: expected \"key = value\", \"[section]\" or a comment, found \"indented words\"")
    }

    @Test func emptyTextHasNoSections() throws {
        let ini = try ConfigFixtures.ini("\n# only comments\n\n")
        #expect(ini.sections.isEmpty)
        #expect(ini.defaults == nil)
    }
}
