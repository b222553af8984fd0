import ArgumentParser
import Foundation

/// `autogen init DIR`: writes autogen.ini in the current folder and a new migration
/// environment (Package.swift, env.swift, model.swift, script.swift.mako, README, versions/)
/// under DIR.
///
/// With `-t package` the current folder is the root of the user's own SwiftPM package and DIR
/// (such as `Sources/Migrations`) becomes an executable target folder of it: the code settings
/// go to `Package.autogen.ini` next to Package.swift, the deployment settings (the URL) to
/// autogen.ini, and an existing Package.swift is left as it was, with the lines to add to it
/// printed.
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

    @Option(help: "Depend on autogen by this Git URL instead of a path (with --package-version).")
    public var packageURL: String?

    @Option(help: "With --package-url: the first version X.Y.Z the environment accepts (`from:`).")
    public var packageVersion: String?

    public init() {}

    /// What `init` wrote, and what it asks the user to do.
    public struct Outcome: Sendable, Hashable {
        /// The paths written, in order.
        public var written: [String] = []
        /// Lines for the user after the paths: what to add to an existing Package.swift, what to edit.
        public var notes: String?
    }

    public func run() throws {
        let outcome = try layOut(in: FileManager.default.currentDirectoryPath)
        for path in outcome.written { emit("Generating \(path) ... done") }
        if let notes = outcome.notes { emit(notes) }
    }

    /// Writes the project with `folder` as the current folder; returns the paths written.
    public func write(in folder: String) throws -> [String] { try layOut(in: folder).written }

    /// Writes the project with `folder` as the current folder.
    public func layOut(in folder: String) throws -> Outcome {
        let templates = InitTemplate.all
        guard let chosen = templates.first(where: { $0.name == template }) else {
            throw InitError.unknownTemplate(template, available: templates.map(\.name))
        }
        let dependency = try AutogenDependency.from(
            path: packagePath, url: packageURL, version: packageVersion, folder: folder)
        let manager = FileManager.default
        let root = absolute(".", in: folder)
        let target = absolute(directory, in: folder)
        var values: [String: TemplateValue] = [
            "script_location": .string(directory.hasPrefix("/") ? target : "%(here)s/" + trimmed(directory)),
            "package_dependency": .string(dependency.declaration),
            "autogen_package": .string(dependency.packageName),
        ]
        var environmentTarget: EnvironmentTarget?
        if chosen.isPackageTarget {
            let made = try EnvironmentTarget(directory: target, root: root, dependency: dependency)
            values["environment_product"] = .string(made.name)
            values["environment_target"] = .string(made.declaration)
            values["package_name"] = .string((root as NSString).lastPathComponent)
            environmentTarget = made
        }
        for name in chosen.files.keys.filter(chosen.isWrittenToCurrentFolder) where name != "Package.swift.mako" {
            let path = (root as NSString).appendingPathComponent(String(name.dropLast(".mako".count)))
            if manager.fileExists(atPath: path) { throw InitError.configExists(path) }
        }
        if let entries = try? manager.contentsOfDirectory(atPath: target), !entries.isEmpty {
            throw InitError.folderNotEmpty(target)
        }

        var outcome = Outcome()
        try manager.createDirectory(atPath: target, withIntermediateDirectories: true)
        for (relative, text) in chosen.files.sorted(by: { $0.key < $1.key }) {
            var content = text
            var name = relative
            if InitTemplate.isRenderedAtInit(relative) {
                content = try Template(source: text, name: "\(template)/\(relative)").render(values)
                name.removeLast(".mako".count)
            }
            let base = chosen.isWrittenToCurrentFolder(relative) ? root : target
            let path = (base as NSString).appendingPathComponent(name)
            if let environmentTarget, relative == "Package.swift.mako", manager.fileExists(atPath: path) {
                outcome.notes = environmentTarget.instructions(manifest: path)
                continue
            }
            try manager.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try AtomicFile.write(content, to: path)
            outcome.written.append(path)
        }
        // What git should not keep: the environment's build products, and autogen's lock files
        // (and the demo's SQLite database) beside autogen.ini. A .gitignore already there is
        // the user's: left alone, the lines to add printed instead.
        if environmentTarget == nil {
            let path = (target as NSString).appendingPathComponent(".gitignore")
            try AtomicFile.write(".build/\n.swiftpm/\nPackage.resolved\n", to: path)
            outcome.written.append(path)
        }
        let ignored = (environmentTarget == nil ? "" : ".build/\n") + "app.db\n*-autogen-lock\n"
        let rootIgnore = (root as NSString).appendingPathComponent(".gitignore")
        if manager.fileExists(atPath: rootIgnore) {
            let lines = ignored.split(separator: "\n").joined(separator: ", ")
            outcome.notes = [outcome.notes, "Add to \(rootIgnore): \(lines)"].compactMap { $0 }.joined(
                separator: "\n\n")
        } else {
            try AtomicFile.write(
                "# The SQLite database of autogen.ini's default url, and autogen's lock files.\n" + ignored,
                to: rootIgnore)
            outcome.written.append(rootIgnore)
        }
        if let environmentTarget {
            let edit = """
                Please edit the code settings in \(ConfigOptions.packageFileName) and the database URL in autogen.ini \
                before proceeding.
                Run autogen in \(root): the first command that needs the model builds the \(environmentTarget.name) \
                target (a minute or two).
                """
            outcome.notes = [outcome.notes, edit].compactMap { $0 }.joined(separator: "\n\n")
        } else {
            let next = """
                Next: declare your schema in \(trimmed(directory))/model.swift, set the database url in autogen.ini \
                (sqlite:///app.db by default), then run
                  autogen revision --autogenerate -m "create tables"
                  autogen upgrade head
                """
            outcome.notes = [outcome.notes, next].compactMap { $0 }.joined(separator: "\n\n")
        }
        return outcome
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
