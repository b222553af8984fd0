import TestSupport
import Testing

@testable import Autogen

/// Seeded random source text never crashes the engine: it either renders or throws a
/// `TemplateError` whose position lies inside the source.
@Suite struct TemplateFuzzTests {
    static let fragments = [
        "${", "}", "${x}", "% if x:\n", "% elif y:\n", "% else:\n", "% endif\n", "% for a in xs:\n", "% endfor\n",
        "## c\n", "<%text>", "</%text>", "<%doc>", "</%doc>", "<%", "\\\n", "%%", "\n", "  ", "'", "\"", "\\",
        "(", ")", "[", "]", ",", ".", ":", "|", " | comma,n", " | h", "+", "-", "==", "<", " in ", " not ", " and ",
        " or ", " if ", " else ", "repr(", "len(", "indent(", "lines(", "xs[0]", "loop.index", "1", "-3", "2.5e3",
        "True", "None", "é", "\u{0}", "\r\n", "\t",
    ]

    @Test func mutationsOfTheRevisionTemplateRenderOrFailWithAPosition() throws {
        let source = try #require(BuiltinTemplates.files["generic/script.swift.mako"])
        let scalars = Array(source.unicodeScalars)
        var random = SeededRandom(seed: 0x7E3A_11CE)
        var outcomes = (rendered: 0, failed: 0)
        for _ in 0..<1000 {
            var mutated = scalars
            for _ in 0..<random.int(1...4) { mutate(&mutated, &random) }
            var text = String.UnicodeScalarView()
            text.append(contentsOf: mutated)
            check(String(text), &outcomes)
        }
        // Both outcomes occur, so the test exercises the renderer as well as the errors.
        #expect(outcomes.rendered > 100)
        #expect(outcomes.failed > 100)
    }

    @Test func fragmentSoupRendersOrFailsWithAPosition() {
        var random = SeededRandom(seed: 42)
        var outcomes = (rendered: 0, failed: 0)
        for _ in 0..<1500 {
            let text = (0..<random.int(0...30)).map { _ in random.pick(Self.fragments) }.joined()
            check(text, &outcomes)
        }
        #expect(outcomes.rendered > 50)
        #expect(outcomes.failed > 50)
    }

    @Test func randomBytesRenderOrFailWithAPosition() {
        var random = SeededRandom(seed: 7)
        var outcomes = (rendered: 0, failed: 0)
        for _ in 0..<1000 {
            let bytes = (0..<random.int(0...120)).map { _ in
                random.chance(0.5) ? random.pick(Array("${}%#\n\\<>/'\"()[]:|, x".utf8)) : UInt8(random.int(0...255))
            }
            check(String(decoding: bytes, as: UTF8.self), &outcomes)
        }
        #expect(outcomes.rendered > 0)
        #expect(outcomes.failed > 0)
    }

    private func mutate(_ scalars: inout [Unicode.Scalar], _ random: inout SeededRandom) {
        let count = scalars.count
        let at = random.int(0...count)
        switch random.int(0...3) {
        case 0 where count > 0:
            let end = min(count, at + random.int(1...8))
            scalars.removeSubrange(min(at, end)..<end)
        case 1 where count > 0:
            let start = random.int(0...(count - 1))
            let end = min(count, start + random.int(1...40))
            scalars.insert(contentsOf: scalars[start..<end], at: at)
        case 2:
            scalars.insert(contentsOf: random.pick(Self.fragments).unicodeScalars, at: at)
        default:
            if at < count, let scalar = random.pick(Self.fragments).unicodeScalars.first { scalars[at] = scalar }
        }
    }

    private func check(_ source: String, _ outcomes: inout (rendered: Int, failed: Int)) {
        let context = TemplateTesting.revisionContext(
            id: "3512b954651e", downRevisions: ["27c6a30d7c24"], message: "fuzz",
            upgrades: "try op.dropTable(\"a\")", downgrades: ""
        )
        .merging(["x": true, "y": [1], "xs": ["a", "b"]]) { old, _ in old }
        do {
            let template = try Template(source: source, name: "fuzz.mako")
            let rendered = try template.render(context)
            outcomes.rendered += 1
            // Rendering is deterministic, and text with no template syntax is its own output.
            #expect(try template.render(context) == rendered)
            if !source.contains(where: { "$%#<\\".contains($0) }) {
                #expect(rendered == source, "plain text changed: \(source.debugDescription)")
            }
        } catch {
            outcomes.failed += 1
            let lines = source.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
            let inside =
                (1...lines.count).contains(error.line) && error.column >= 1
                && error.column <= lines[error.line - 1].count + 1
            #expect(inside, "position \(error.line):\(error.column) outside the source \(source.debugDescription)")
            #expect(error.description.hasPrefix("fuzz.mako:\(error.line):\(error.column): "))
            #expect(!error.description.contains("\n"), "\(error.description.debugDescription)")
        }
    }
}
