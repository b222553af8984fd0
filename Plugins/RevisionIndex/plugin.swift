import Foundation
import PackagePlugin

/// Lists a migration environment's compiled revisions: for the target it is applied to, it
/// runs RevisionIndexGenerator over the Swift files under `versions/` and adds the generated
/// `AutogenRevisionIndex.swift` (`AutogenRevisionIndex.revisions`) to the target.
@main
struct RevisionIndex: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        // `versions/` inside the target's folder: a folder named `versions` above the package
        // (say /home/me/versions/app) must not turn env.swift into a revision file.
        let root = target.directoryURL.standardizedFileURL.pathComponents
        let files = target.sourceFiles(withSuffix: "swift").map(\.url)
            .filter { url in
                let components = url.standardizedFileURL.pathComponents
                return components.count > root.count + 1 && components.starts(with: root)
                    && components[root.count] == "versions"
            }
            .sorted { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("AutogenRevisionIndex.swift")
        return [
            .buildCommand(
                displayName: "Indexing \(files.count) revision file(s) of \(target.name)",
                executable: try context.tool(named: "RevisionIndexGenerator").url,
                arguments: [output.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output])
        ]
    }
}
