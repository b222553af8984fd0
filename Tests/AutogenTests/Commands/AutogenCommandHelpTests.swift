import ArgumentParser
import Testing

@testable import Autogen

/// `autogen --help` lists every command, the ones that run in the environment too.
@Suite struct AutogenCommandHelpTests {
    @Test func helpListsTheEnvironmentCommands() {
        let help = AutogenCommand.helpMessage()
        for name in ["upgrade", "downgrade", "current", "check", "stamp", "revision", "history", "merge", "init"] {
            #expect(help.contains("\n  \(name) "), "\(name)")
        }
        #expect(AutogenCommand.helpMessage(for: AutogenerateCommand.self).contains("--autogenerate"))
    }

    @Test func plainRevisionParsesWithoutTheEnvironment() throws {
        let parsed = try AutogenCommand.parseAsRoot(["revision", "-m", "x"])
        let revision = try #require(parsed as? AutogenerateCommand)
        #expect(!revision.autogenerate && revision.plain.message == "x")
        #expect(try AutogenCommand.parseAsRoot(["upgrade", "head"]) is UpgradeCommand)
    }
}
