import Foundation

/// A migration project as the commands see it: its configuration and its revision files.
public struct Project: Sendable {
    public let config: AutogenConfig
    public let scripts: ScriptDirectory

    /// Loads the config that `options` name and reads every revision file it points at.
    public init(_ options: ConfigOptions) throws {
        config = try AutogenConfig.load(options)
        try Self.requireScriptLocation(config)
        scripts = try ScriptDirectory(versionLocations: config.versionLocations)
    }

    /// Throws when `script_location` names no folder, naming the file and line that set it.
    static func requireScriptLocation(_ config: AutogenConfig) throws(ConfigError) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: config.scriptLocation, isDirectory: &isFolder), isFolder.boolValue
        else {
            // The file that sets it: autogen.ini's section, else Package.autogen.ini's.
            let layers =
                [(config.ini, config.section)] + (config.packageIni.map { [($0, AutogenConfig.packageSection)] } ?? [])
            let holder = layers.first { $0.0.entry("script_location", in: $0.1) != nil }
            let line = holder.flatMap { $0.0.entry("script_location", in: $0.1)?.line }
            throw ConfigError.missingFolder(
                file: holder?.0.path ?? config.ini.path, line: line, key: "script_location", path: config.scriptLocation
            )
        }
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
