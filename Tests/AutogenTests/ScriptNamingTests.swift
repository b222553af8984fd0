import Foundation
import Testing

@testable import Autogen

@Suite("Script naming: ids, slugs, file templates, create dates")
struct ScriptNamingTests {
    @Test("generated ids are 12 lowercase hex digits and differ")
    func generatedIDs() throws {
        var seen = Set<String>()
        for _ in 0..<200 {
            let id = RevisionID.generate()
            #expect(id.count == 12)
            #expect(id.allSatisfy { "0123456789abcdef".contains($0) })
            try RevisionID.validate(id)
            seen.insert(id)
        }
        #expect(seen.count == 200)
    }

    @Test("a small random value is zero-padded to 12 digits")
    func paddedID() {
        struct Fixed: RandomNumberGenerator {
            mutating func next() -> UInt64 { 0xFFFF_0000_0000_00AB }
        }
        var generator = Fixed()
        #expect(RevisionID.generate(using: &generator) == "0000000000ab")
    }

    @Test(
        "user-given ids are validated with a clear message",
        arguments: [
            ("", "invalid revision id '': it is empty (an id may not be empty or contain @ - + : / \\ or whitespace)"),
            (
                "a-b",
                "invalid revision id 'a-b': it may not contain '-' (an id may not be empty or contain @ - + : / \\ or whitespace)"
            ),
            (
                "a@b",
                "invalid revision id 'a@b': it may not contain '@' (an id may not be empty or contain @ - + : / \\ or whitespace)"
            ),
            (
                "v+1",
                "invalid revision id 'v+1': it may not contain '+' (an id may not be empty or contain @ - + : / \\ or whitespace)"
            ),
            (
                "a:b",
                "invalid revision id 'a:b': it may not contain ':' (an id may not be empty or contain @ - + : / \\ or whitespace)"
            ),
            (
                "a/b",
                "invalid revision id 'a/b': it may not contain '/' (an id may not be empty or contain @ - + : / \\ or whitespace)"
            ),
            (
                "a b",
                "invalid revision id 'a b': it may not contain whitespace or control characters (an id may not be empty or contain @ - + : / \\ or whitespace)"
            ),
            (
                "a\tb",
                "invalid revision id 'a\tb': it may not contain whitespace or control characters (an id may not be empty or contain @ - + : / \\ or whitespace)"
            ),
        ])
    func invalidIDs(id: String, message: String) {
        #expect(throws: RevisionIDError.self) { try RevisionID.validate(id) }
        do {
            try RevisionID.validate(id)
        } catch {
            #expect("\(error)" == message)
        }
    }

    @Test("custom ids that are fine")
    func validIDs() throws {
        for id in ["0001", "add_users", "v2.1", "Release_3", "ünïcode"] { try RevisionID.validate(id) }
    }

    @Test("type names replace everything but ASCII letters, digits and _")
    func typeNames() {
        #expect(RevisionID.typeName(for: "3512b954651e") == "Revision_3512b954651e")
        #expect(RevisionID.typeName(for: "v2.1") == "Revision_v2_1")
        #expect(RevisionID.typeName(for: "add_users") == "Revision_add_users")
        #expect(RevisionID.typeName(for: "é!x") == "Revision___x")
    }

    @Test(
        "slugs follow Alembic: words joined by _, lowercased, cut on a word boundary",
        arguments: [
            ("Add account table", 40, "add_account_table"),
            ("  add  --  Account__Table!! ", 40, "add_account__table"),
            (
                "this is a very long message that goes on and on past forty", 40,
                "this_is_a_very_long_message_that_goes_"
            ),
            ("Supercalifragilisticexpialidocious_and_more_words_here", 40, "supercalifragilisticexpialidocious_and_"),
            ("Café crème: ÉTÉ", 40, "café_crème_été"),
            ("", 40, ""),
            ("!!!", 40, ""),
            ("abcdefghij", 5, "abcde_"),
            ("add a b", 7, "add_a_b"),
            ("add ab cd", 7, "add_ab_"),
        ])
    func slugs(message: String, limit: Int, expected: String) {
        #expect(Slug.make(from: message, truncateAt: limit) == expected)
    }

    @Test("file templates render every token like Python's % formatting")
    func fileTemplates() throws {
        // 2026-03-07 09:05:05.5 UTC
        let date = try CreateDate(Date(timeIntervalSince1970: 1_772_874_305.5), timeZone: "UTC")
        #expect(date.text == "2026-03-07 09:05:05.500000")
        let cases: [(String, String)] = [
            ("%(rev)s_%(slug)s", "ab12_add_x"),
            ("%(year)d_%(month).2d_%(day).2d_%(hour).2d%(minute).2d-%(rev)s_%(slug)s", "2026_03_07_0905-ab12_add_x"),
            ("%(epoch)s_%(rev)s", "1772874305_ab12"),
            ("%(second).2d%(second)d", "055"),
            ("%(year)d/%(month).2d/%(rev)s", "2026/03/ab12"),
            ("100%%_%(rev)s", "100%_ab12"),
            (
                "[%(rev)5s|%(rev)-5s|%(month)03d|%(month)-3d|%(month)+d|%(rev).1s|%(second)5.3d]",
                "[ ab12|ab12 |003|3  |+3|a|  005]"
            ),
        ]
        for (source, expected) in cases {
            let template = try FileTemplate(source)
            #expect(template.render(revisionID: "ab12", slug: "add_x", date: date) == expected, "\(source)")
        }
    }

    @Test(
        "bad file templates name the column",
        arguments: [
            (
                "%(rev)s_%(foo)s",
                "file_template '%(rev)s_%(foo)s', column 9: unknown token 'foo' (known: rev, slug, day, epoch, hour, minute, month, second, year)"
            ),
            ("%(rev)d", "file_template '%(rev)d', column 1: '%(rev)d' needs a number, but 'rev' is text (use s)"),
            ("x%(rev)", "file_template 'x%(rev)', column 2: token '%(rev)' has no conversion such as 's' or 'd'"),
            ("%(rev)x", "file_template '%(rev)x', column 7: unsupported conversion 'x' for '%(rev)' (use s or d)"),
            ("50%", "file_template '50%', column 3: '%' at the end; write '%%' for a percent sign"),
            (
                "%s",
                "file_template '%s', column 1: '%' must be followed by '(name)', e.g. '%(rev)s', or be doubled as '%%'"
            ),
            ("%(rev", "file_template '%(rev', column 1: unclosed '%('"),
        ])
    func badTemplates(source: String, message: String) {
        do {
            _ = try FileTemplate(source)
            Issue.record("\(source) parsed")
        } catch {
            #expect("\(error)" == message)
        }
    }

    @Test("create dates are in the configured zone, with microseconds")
    func createDates() throws {
        let instant = Date(timeIntervalSince1970: 1_795_722_000.123456)  // 2026-11-26 19:40:00.123456 UTC
        #expect(try CreateDate(instant, timeZone: "UTC").text == "2026-11-26 19:40:00.123456")
        #expect(try CreateDate(instant, timeZone: "utc").text == "2026-11-26 19:40:00.123456")
        #expect(try CreateDate(instant, timeZone: "Europe/Paris").text == "2026-11-26 20:40:00.123456")
        let kolkata = try CreateDate(instant, timeZone: "Asia/Kolkata")
        #expect(kolkata.text == "2026-11-27 01:10:00.123456")
        #expect(kolkata.epoch == 1_795_722_000)
        let parts: [Int] = [kolkata.year, kolkata.month, kolkata.day, kolkata.hour, kolkata.minute, kolkata.second]
        #expect(parts == [2026, 11, 27, 1, 10, 0])
        #expect(throws: UnknownTimeZoneError(name: "Mars/Olympus")) {
            try CreateDate(instant, timeZone: "Mars/Olympus")
        }
        #expect(
            "\(UnknownTimeZoneError(name: "Mars/Olympus"))"
                == "unknown timezone 'Mars/Olympus': use an IANA time zone name such as 'UTC' or 'Europe/Paris'")
    }

    @Test("naming puts it together, with the .swift extension")
    func naming() throws {
        let naming = try RevisionFileNaming(
            fileTemplate: "%(year)d_%(month).2d_%(rev)s_%(slug)s", truncateSlugLength: 10, timeZone: "UTC")
        let date = try naming.createDate(at: Date(timeIntervalSince1970: 1_795_722_000))
        #expect(
            naming.fileName(revisionID: "3512b954651e", message: "Add account table", createDate: date)
                == "2026_11_3512b954651e_add_.swift")
        let defaults = RevisionFileNaming()
        #expect(defaults.fileTemplate == (try FileTemplate()))
        #expect(
            defaults.fileName(revisionID: "3512b954651e", message: "Add account table", createDate: date)
                == "3512b954651e_add_account_table.swift")
        #expect(throws: UnknownTimeZoneError(name: "Nowhere")) { try RevisionFileNaming(timeZone: "Nowhere") }
    }

    @Test("string literals use the contract's escapes")
    func literals() {
        #expect(RevisionLiteral.string("plain") == "\"plain\"")
        #expect(
            RevisionLiteral.string("a\\b \"q\"\n\tz\r\u{1}\u{7f}é") == "\"a\\\\b \\\"q\\\"\\n\\tz\\u{d}\\u{1}\\u{7f}é\""
        )
        #expect(RevisionLiteral.array([]) == "[]")
        #expect(RevisionLiteral.array(["a", "b\""]) == "[\"a\", \"b\\\"\"]")
    }

    @Test("atomic writes replace the file whole and leave no temporary behind")
    func atomicFile() throws {
        let folder = try ScriptTempFolder()
        let path = folder.path + "/rev.swift"
        try AtomicFile.write("one\n", to: path)
        try AtomicFile.write("two\n", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "two\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["rev.swift"])
        do {
            try AtomicFile.write("x", to: folder.path + "/missing/rev.swift")
            Issue.record("wrote into a missing folder")
        } catch {
            #expect(
                "\(error)"
                    == "cannot create a temporary file \(folder.path)/missing/rev.swift: No such file or directory")
        }
    }
}
