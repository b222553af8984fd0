import Foundation
import Testing

@testable import Autogen

/// The templates embedded in the binary are the files under `templates/`, byte for byte.
///
/// With `AUTOGEN_RECORD_SNAPSHOTS=1` the test rewrites `BuiltinTemplates.swift` from the files
/// (and fails, so that a recording run is never mistaken for a passing one).
@Suite struct TemplateBuiltinTests {
    static let templatesFolder = TemplateTesting.repositoryRoot.appendingPathComponent("templates")

    /// Every file under `templates/`, by its path there.
    static func shippedFiles() throws -> [String: String] {
        var files: [String: String] = [:]
        let root = templatesFolder.standardizedFileURL.path
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let relative = enumerator?.nextObject() as? String {
            let path = root + "/" + relative
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else {
                continue
            }
            files[relative] = try String(contentsOfFile: path, encoding: .utf8)
        }
        return files
    }

    @Test func embeddedTemplatesEqualTheFiles() throws {
        let files = try Self.shippedFiles()
        if ProcessInfo.processInfo.environment["AUTOGEN_RECORD_SNAPSHOTS"] == "1" {
            let path = TemplateTesting.repositoryRoot.appendingPathComponent(
                "Sources/Autogen/Template/BuiltinTemplates.swift"
            ).path
            try AtomicFile.write(Self.swiftSource(embedding: files), to: path)
            Issue.record("rewrote BuiltinTemplates.swift; rebuild and run without AUTOGEN_RECORD_SNAPSHOTS")
            return
        }
        #expect(files.keys.contains("generic/script.swift.mako"))
        #expect(files.keys.contains("async/script.swift.mako"))
        #expect(
            Set(BuiltinTemplates.files.keys) == Set(files.keys),
            "templates/ and BuiltinTemplates.swift differ; run with AUTOGEN_RECORD_SNAPSHOTS=1")
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            #expect(
                BuiltinTemplates.files[path].map { Array($0.utf8) } == Array(text.utf8),
                "\(path) differs from its embedded copy; run with AUTOGEN_RECORD_SNAPSHOTS=1")
        }
    }

    @Test func everyShippedTemplateParses() throws {
        for (path, text) in BuiltinTemplates.files where path.hasSuffix(".mako") {
            #expect(throws: Never.self, "\(path)") { try Template(source: text, name: path) }
        }
    }

    /// `BuiltinTemplates.swift` embedding `files` as raw multi-line string literals, in the
    /// layout swift-format keeps.
    static func swiftSource(embedding files: [String: String]) -> String {
        var lines = [
            "/// The shipped templates' files, embedded so that a copied `autogen` binary can still lay out",
            "/// a project and write revisions.",
            "///",
            "/// Generated from the files under `templates/`: after editing one, run",
            "/// `AUTOGEN_RECORD_SNAPSHOTS=1 swift test --filter TemplateBuiltinTests` to rewrite this file;",
            "/// a test checks that the two agree byte for byte.",
            "public enum BuiltinTemplates {",
            "    /// Each file's text by its path under `templates/`, e.g. `generic/script.swift.mako`.",
            "    public static let files: [String: String] = [",
        ]
        for path in files.keys.sorted() {
            let text = files[path] ?? ""
            var hashes = "#"
            while text.contains("\"\"\"" + hashes) || text.contains("\\" + hashes) { hashes += "#" }
            // Indented as swift-format indents it: the literal's value does not change.
            let body = text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? "" : "        " + $0 }.joined(separator: "\n")
            lines.append("        \"\(path)\": \(hashes)\"\"\"\n\(body)\n        \"\"\"\(hashes),")
        }
        lines.append("    ]\n}\n")
        return lines.joined(separator: "\n")
    }

    @Test func generatedSourceIsTheCheckedInFile() throws {
        let path = TemplateTesting.repositoryRoot.appendingPathComponent(
            "Sources/Autogen/Template/BuiltinTemplates.swift")
        let checkedIn = try String(contentsOf: path, encoding: .utf8)
        #expect(Self.swiftSource(embedding: BuiltinTemplates.files) == checkedIn)
    }
}
