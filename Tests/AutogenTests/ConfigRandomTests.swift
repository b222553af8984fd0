import TestSupport
import Testing

@testable import Autogen

@Suite("ConfigRandom")
struct ConfigRandomTests {
    private static let fragments = [
        "[", "]", "[autogen]", "[DEFAULT]", "[post_write_hooks]", "=", ":", " = ", "%", "%%", "%(", ")s", "%(here)s",
        "%(url)s", "%(a)s", "${", "}", "${HOME}", "${NOPE}", "$${", "$", "#", ";", " ", "  ", "\t", "\n", "\n", "\n",
        "\r\n", "\r",
        "url", "a", "b", "script_location", "hooks", "fmt.type", "exec", "fmt.executable", "fmt.options", "'", "\"",
        "\\",
        "true", "maybe", "é", "\u{FEFF}", "x", "1",
    ]

    /// A random line: mostly well-formed (headers, keys, continuations, comments) with random
    /// fragments inside, sometimes pure noise.
    private static func line(_ random: inout SeededRandom) -> String {
        func noise(_ count: ClosedRange<Int>) -> String {
            (0..<random.int(count)).map { _ in random.pick(fragments) }.joined()
        }
        let keys = [
            "url", "a", "b", "script_location", "hooks", "fmt.type", "fmt.executable", "fmt.options", "compare_type",
            "A",
        ]
        switch random.int(0...9) {
        case 0: return "[" + random.pick(["autogen", "DEFAULT", "post_write_hooks", "other", ""]) + "]"
        case 1, 2, 3, 4:
            let value =
                random.chance(0.5)
                ? noise(0...4) : random.pick(["m", "%(here)s/m", "sqlite:///a.db", "${HOME}", "true", "exec"])
            return random.pick(keys) + random.pick([" = ", "=", ": ", " =  "]) + value
        case 5: return random.pick(["  ", "\t", "    "]) + noise(1...3)
        case 6: return random.pick(["#", ";", "  #"]) + noise(0...3)
        case 7, 8: return ""
        default: return noise(0...6)
        }
    }

    /// Random ini text either parses or reports a line inside the text; every value of every
    /// section either resolves or reports a line; the typed config either loads or reports an error.
    @Test func randomTextNeverCrashes() {
        var random = SeededRandom(seed: 0x1A7E_C0F1)
        var parsed = 0
        var resolved = 0
        for _ in 0..<3000 {
            let header = random.chance(0.8) ? ["[autogen]"] : []
            let lines = header + (0..<random.int(0...12)).map { _ in Self.line(&random) }
            let text = lines.joined(separator: random.pick(["\n", "\n", "\r\n"]))
            let lineCount = text.split(
                omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
            ).count
            do {
                let ini = try IniFile(parsing: text, path: "autogen.ini", folder: "/srv")
                parsed += 1
                let textLines = text.split(
                    omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
                for section in ["DEFAULT"] + ini.sectionNames {
                    for key in ini.keys(in: section) {
                        // Each key comes from a line of the text that names it.
                        if let line = ini.entry(key, in: section)?.line {
                            #expect(
                                (1...lineCount).contains(line)
                                    && textLines[line - 1].lowercased().contains(key.lowercased()),
                                "key \(key) at line \(line) of \(text.debugDescription)")
                        }
                        do {
                            _ = try ini.value(key, in: section, environment: ["HOME": "/home/u"])
                            resolved += 1
                        } catch {
                            #expect(
                                Self.reportedLine(error)?.isWithin(1...lineCount) == true,
                                "\(error) for \(text.debugDescription)")
                        }
                    }
                }
                do {
                    _ = try AutogenConfig(ini: ini, environment: ["HOME": "/home/u"])
                } catch {
                    #expect(error.description.hasPrefix("autogen.ini"), "\(error)")
                }
            } catch {
                #expect(
                    Self.reportedLine(error)?.isWithin(1...lineCount) == true, "\(error) for \(text.debugDescription)")
            }
        }
        // Both paths are exercised: about 900 texts parse (about 880 values resolve), the rest report a line.
        #expect(parsed > 600 && parsed < 2400, "\(parsed) of 3000 parsed")
        #expect(resolved > 600, "only \(resolved) values resolved")
    }

    /// The line a located error reports.
    private static func reportedLine(_ error: ConfigError) -> Int? {
        switch error {
        case .syntax(_, let line, _), .duplicateSection(_, let line, _, _), .duplicateKey(_, let line, _, _, _),
            .interpolation(_, let line, _, _, _), .environment(_, let line, _, _, _):
            return line
        default:
            return nil
        }
    }
}

extension Int {
    fileprivate func isWithin(_ range: ClosedRange<Int>) -> Bool { range.contains(self) }
}
