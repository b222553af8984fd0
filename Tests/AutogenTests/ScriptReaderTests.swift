import Foundation
import Testing

@testable import Autogen

@Suite("Script reader: revision headers read as text")
struct ScriptReaderTests {
    @Test("the template's shape reads back, with the line of each declaration")
    func templateShape() throws {
        let text = revisionFileText(
            id: "3512b954651e", downRevisions: ["27c6a30d7c24"], branchLabels: ["accounts"],
            dependsOn: ["ffee00112233"],
            message: "add account")
        let header = try #require(try RevisionFileReader.parse(text, path: "versions/3512b954651e_add_account.swift"))
        #expect(header.id == "3512b954651e")
        #expect(header.downRevisions == ["27c6a30d7c24"])
        #expect(header.branchLabels == ["accounts"])
        #expect(header.dependsOn == ["ffee00112233"])
        #expect(header.message == "add account")
        #expect(header.createDate == "2026-11-26 19:40:00.123456")
        #expect(header.path == "versions/3512b954651e_add_account.swift")
        #expect(
            header.lines
                == .init(id: 10, downRevisions: 11, branchLabels: 12, dependsOn: 13, message: 14, createDate: 15))
    }

    @Test("escapes round-trip through RevisionLiteral")
    func escapes() throws {
        let messages = [
            "quote \" and backslash \\", "line\nbreak\ttab", "cr\r nul\0 bell\u{7} del\u{7f}", "émoji 🎉 中文", "",
            "\\n is not a newline",
        ]
        for message in messages {
            let text = revisionFileText(id: "ab", message: message, createDate: message)
            let header = try #require(try RevisionFileReader.parse(text, path: "x.swift"))
            #expect(header.message == message)
            #expect(header.createDate == message)
        }
    }

    @Test("Swift's other escapes are read too")
    func otherEscapes() throws {
        let text = #"""
            static let id = "a\u{62}\u{1F389}\'\0"
            static let downRevisions: [String] = []
            """#
        let header = try #require(try RevisionFileReader.parse(text, path: "x.swift"))
        #expect(header.id == "ab🎉'\0")
    }

    @Test("any order, odd spacing, modifiers, annotations, comments, CRLF")
    func oddSpacing() throws {
        let text =
            "struct R: Revision {\r\n"
            + "\tpublic   static let message: String=\"m\"  // what it does\r\n"
            + "  static  let  downRevisions  :  [ String ]  =  [ \"a\" ,\"b\",  ]\r\n"
            + "static let branchLabels = []; // none\r\n"
            + "    nonisolated static let id = \"c\"\r\n"
            + "    static let unrelated = 42\r\n"
            + "    static let idea = \"not the id\"\r\n"
            + "}\r\n"
        let header = try #require(try RevisionFileReader.parse(text, path: "x.swift"))
        #expect(header.id == "c")
        #expect(header.downRevisions == ["a", "b"])
        #expect(header.branchLabels == [])
        #expect(header.dependsOn == [])
        #expect(header.message == "m")
        #expect(header.createDate == "")
        #expect(
            header.lines == .init(id: 5, downRevisions: 3, branchLabels: 4, dependsOn: 0, message: 2, createDate: 0))
    }

    @Test("a file without 'static let id' is not a revision")
    func notARevision() throws {
        #expect(
            try RevisionFileReader.parse(
                "import Autogen\n\nenum Helpers { static let downRevisions = 3 }\n", path: "h.swift") == nil)
        #expect(try RevisionFileReader.parse("", path: "empty.swift") == nil)
        #expect(try RevisionFileReader.parse("// static let id = \"x\"\n", path: "c.swift") == nil)
    }

    @Test(
        "malformed declarations name the file, line and column",
        arguments: [
            (
                "static let id = abc\nstatic let downRevisions: [String] = []",
                "v/x.swift:1:17: malformed 'static let id': expected a string literal"
            ),
            (
                "static let id = \"a\"\nstatic let downRevisions: [String] = \"b\"",
                "v/x.swift:2:38: malformed 'static let downRevisions': expected a list of string literals such as [\"ab12\"]"
            ),
            (
                "static let id = \"a\"\nstatic let downRevisions: [String] = [\"b\"",
                "v/x.swift:2:42: malformed 'static let downRevisions': the list has no closing ']'"
            ),
            (
                "static let id = \"a\"\nstatic let downRevisions: [String] = [\"b\" \"c\"]",
                "v/x.swift:2:43: malformed 'static let downRevisions': expected ',' or ']'"
            ),
            (
                "static let id = \"a\"\nstatic let downRevisions: [String] = [b]",
                "v/x.swift:2:39: malformed 'static let downRevisions': expected a string literal in the list"
            ),
            (
                "static let id = \"a\nstatic let downRevisions: [String] = []",
                "v/x.swift:1:17: malformed 'static let id': unterminated string literal"
            ),
            (
                "static let id = \"a\\q\"\nstatic let downRevisions: [String] = []",
                "v/x.swift:1:19: malformed 'static let id': unknown escape"
            ),
            (
                "static let id = \"a\\u{zz}\"\nstatic let downRevisions: [String] = []",
                "v/x.swift:1:19: malformed 'static let id': bad \\u{...} escape"
            ),
            (
                "static let id = \"a\" + \"b\"\nstatic let downRevisions: [String] = []",
                "v/x.swift:1:21: malformed 'static let id': unexpected text after the value"
            ),
            (
                "static let id\nstatic let downRevisions: [String] = []",
                "v/x.swift:1:14: malformed 'static let id': expected '='"
            ),
            (
                "static let id = \"a\"\nstatic let id = \"b\"\nstatic let downRevisions: [String] = []",
                "v/x.swift:2: 'static let id' is declared twice (first on line 1)"
            ),
            ("\n\nstatic let id = \"a\"\n", "v/x.swift:3: revision 'a' has no 'static let downRevisions' declaration"),
        ])
    func malformed(text: String, message: String) {
        do {
            _ = try RevisionFileReader.parse(text, path: "v/x.swift")
            Issue.record("parsed: \(text)")
        } catch {
            #expect(error is RevisionFileError)
            #expect("\(error)" == message)
        }
    }

    @Test("reading from disk, and a missing file names its path")
    func fromDisk() throws {
        let folder = try ScriptTempFolder()
        let path = try folder.write("v/ab_x.swift", revisionFileText(id: "ab", downRevisions: ["aa"]))
        #expect(try RevisionFileReader.read(path: path)?.downRevisions == ["aa"])
        do {
            _ = try RevisionFileReader.read(path: folder.path + "/v/none.swift")
            Issue.record("read a missing file")
        } catch {
            #expect("\(error)" == "\(folder.path)/v/none.swift: cannot open: No such file or directory")
        }
    }
}
