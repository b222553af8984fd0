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

    /// `-x` takes key=value: anything else is a usage error (exit 64), as a misspelt option is.
    public func validate() throws {
        for argument in xArguments {
            guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
                throw ValidationError("-x \"\(argument)\" is not key=value")
            }
        }
    }

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
