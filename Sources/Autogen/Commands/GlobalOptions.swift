import ArgumentParser
import Foundation

/// The options every command takes: which config file and section, `-x` arguments, quiet.
public struct GlobalOptions: ParsableArguments, Sendable {
    @Option(name: [.customShort("c"), .long], help: "The config file (default: $AUTOGEN_CONFIG or ./autogen.ini).")
    public var config: String?

    @Option(name: [.customShort("n"), .long], help: "The config section to use (several databases in one file).")
    public var name: String = ConfigOptions.defaultSection

    @Option(name: .customShort("x"), help: "key=value passed to the migration environment (repeatable).")
    public var xArguments: [String] = []

    @Flag(name: [.customShort("q"), .long], help: "Print only errors.")
    public var quiet = false

    public init() {}

    /// The config options these flags mean, with the process's environment and folder.
    public var configOptions: ConfigOptions {
        ConfigOptions(
            file: config, section: name, xArguments: xArguments, environment: ProcessInfo.processInfo.environment,
            currentDirectory: FileManager.default.currentDirectoryPath)
    }
}
