import ArgumentParser
import Foundation

/// `autogen init DIR`: writes autogen.ini in the current folder and a new migration
/// environment (Package.swift, env.swift, model.swift, script.swift.mako, README, versions/)
/// under DIR.
public struct InitCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Lay out a new migration environment and its autogen.ini.")

    @Argument(help: "The folder of the migration environment (new or empty).")
    public var directory: String

    @Option(name: [.customShort("t"), .long], help: "The template (see list-templates).")
    public var template: String = "generic"

    @Option(
        help: """
            The autogen checkout the environment's Package.swift depends on \
            (default: the checkout that built this binary).
            """)
    public var packagePath: String?

    public init() {}

    public func run() throws {
        for path in try write(in: FileManager.default.currentDirectoryPath) { emit("Generating \(path) ... done") }
    }

    /// Writes the project with `folder` as the current folder; returns the paths written.
    public func write(in folder: String) throws -> [String] {
        let templates = InitTemplate.all
        guard let chosen = templates.first(where: { $0.name == template }) else {
            throw InitError.unknownTemplate(template, available: templates.map(\.name))
        }
        let manager = FileManager.default
        let iniPath = (folder as NSString).appendingPathComponent("autogen.ini")
        let target = absolute(directory, in: folder)
        if manager.fileExists(atPath: iniPath) { throw InitError.configExists(iniPath) }
        if let entries = try? manager.contentsOfDirectory(atPath: target), !entries.isEmpty {
            throw InitError.folderNotEmpty(target)
        }
        let values: [String: TemplateValue] = [
            "script_location": .string(directory.hasPrefix("/") ? target : "%(here)s/" + trimmed(directory)),
            "package_path": .string(packagePath.map { absolute($0, in: folder) } ?? AutogenCheckout.path),
        ]
        var written: [String] = []
        try manager.createDirectory(atPath: target, withIntermediateDirectories: true)
        for (relative, text) in chosen.files.sorted(by: { $0.key < $1.key }) {
            var content = text
            var name = relative
            if InitTemplate.isRenderedAtInit(relative) {
                content = try Template(source: text, name: "\(template)/\(relative)").render(values)
                name.removeLast(".mako".count)
            }
            let path = name == "autogen.ini" ? iniPath : (target as NSString).appendingPathComponent(name)
            try manager.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try AtomicFile.write(content, to: path)
            written.append(path)
        }
        return written
    }

    private func absolute(_ path: String, in folder: String) -> String {
        let joined = path.hasPrefix("/") ? path : (folder as NSString).appendingPathComponent(path)
        return URL(fileURLWithPath: joined).standardizedFileURL.path
    }

    private func trimmed(_ path: String) -> String {
        var text = path
        while text.hasPrefix("./") { text.removeFirst(2) }
        while text.count > 1, text.hasSuffix("/") { text.removeLast() }
        return text
    }
}
