import Foundation

/// A migration project as the commands see it: its configuration and its revision files.
public struct Project: Sendable {
    public let config: AutogenConfig
    public let scripts: ScriptDirectory

    /// Loads the config that `options` name and reads every revision file it points at.
    public init(_ options: ConfigOptions) throws {
        config = try AutogenConfig.load(options)
        scripts = try ScriptDirectory(versionLocations: config.versionLocations)
    }

    /// The graph of the project's revisions.
    public var graph: RevisionGraph { scripts.graph }
}

extension GlobalOptions {
    /// The project, with the config's warnings printed to standard error unless `--quiet`.
    func loadProject() throws -> Project {
        let project = try Project(configOptions)
        if !quiet {
            for warning in project.config.warnings {
                FileHandle.standardError.write(Data("warning: \(warning)\n".utf8))
            }
        }
        return project
    }
}

/// Writes text to standard output.
func emit(_ text: String) {
    guard !text.isEmpty else { return }
    FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
}
