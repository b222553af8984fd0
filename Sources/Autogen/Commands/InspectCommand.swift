import ArgumentParser

/// `autogen inspect`: prints the live schema of a database.
public struct InspectCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Print the live schema of a database as JSON."
    )

    public init() {}

    public func run() throws {}
}
