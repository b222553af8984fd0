import ArgumentParser

/// `autogen list-templates`: the project templates `init` can lay out.
public struct ListTemplatesCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "list-templates", abstract: "List the templates `autogen init` can use.",
        // Alembic's spelling.
        aliases: ["list_templates"])

    public init() {}

    public func run() throws {
        emit("Available templates:\n")
        for template in InitTemplate.all { emit("\(template.name) - \(template.summary)") }
        emit("\nTemplates are used via the 'init' command, e.g.:\n\n  autogen init --template generic ./migrations")
    }
}
