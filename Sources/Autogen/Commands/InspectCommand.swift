import ArgumentParser
import Foundation
import Introspect
import ModelDSL

/// `autogen inspect`: prints the live schema of a database, the way autogen sees it.
public struct InspectCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Print the live schema of a database.",
        discussion: """
            Reads the database's catalog and prints the schema as JSON (the schema values' \
            Codable form, keys sorted), which is exactly what autogenerate compares the model with.
            """
    )

    /// The output formats of `inspect`.
    public enum Format: String, ExpressibleByArgument, CaseIterable, Sendable {
        case json
    }

    @Option(name: .long, help: "The database URL: postgresql://user:pass@host:port/db or sqlite:///file.db.")
    var url: String

    @Option(name: .customLong("schema"), help: "A PostgreSQL schema to read (repeatable); default: the default schema.")
    var schemas: [String] = []

    @Option(name: .long, help: "Output format.")
    var format: Format = .json

    public init() {}

    public func run() throws {
        let databaseURL = try DatabaseURL(url)
        let result = try Introspector.read(url: databaseURL, schemas: schemas)
        switch format {
        case .json:
            var text = try SchemaJSON.encode(result.schema)
            text.append("\n")
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
