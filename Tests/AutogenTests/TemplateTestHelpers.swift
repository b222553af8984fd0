import Foundation
import Testing

@testable import Autogen

/// Shared helpers for the template engine's tests.
enum TemplateTesting {
    /// Parses and renders `source` as a template named `t.mako`.
    static func render(_ source: String, _ context: [String: TemplateValue] = [:]) throws(TemplateError) -> String {
        try Template(source: source, name: "t.mako").render(context)
    }

    /// The description of the error that parsing or rendering `source` throws, or nil.
    static func failure(_ source: String, _ context: [String: TemplateValue] = [:]) -> String? {
        do {
            _ = try render(source, context)
            return nil
        } catch {
            return error.description
        }
    }

    /// The repository's root folder, found from this file's path.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The text of a file under `templates/`.
    static func shippedTemplate(_ path: String) throws -> String {
        let url = repositoryRoot.appendingPathComponent("templates").appendingPathComponent(path)
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// The variables of a revision, as the revision command passes them to the template.
    static func revisionContext(
        id: String,
        downRevisions: [String],
        branchLabels: [String] = [],
        dependsOn: [String] = [],
        message: String,
        createDate: String = "2026-11-26 19:40:00.123456",
        imports: String = "",
        upgrades: String,
        downgrades: String
    ) -> [String: TemplateValue] {
        let typeName =
            "Revision_"
            + String(
                id.unicodeScalars.map { scalar in
                    scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_")
                        ? Character(scalar) : "_"
                })
        return [
            "up_revision": .string(id),
            "down_revision": .strings(downRevisions),
            "branch_labels": .strings(branchLabels),
            "depends_on": .strings(dependsOn),
            "create_date": .string(createDate),
            "message": .string(message),
            "imports": .string(imports),
            "type_name": .string(typeName),
            "upgrades": .string(upgrades),
            "downgrades": .string(downgrades),
        ]
    }

    /// Runs a program found on PATH; returns its exit status and standard output.
    static func run(_ arguments: [String], currentDirectory: URL? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
