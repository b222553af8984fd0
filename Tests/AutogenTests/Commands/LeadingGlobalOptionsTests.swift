import Testing

@testable import Autogen

/// Global options before the command, as Alembic spells them, reach the command.
@Suite struct LeadingGlobalOptionsTests {
    @Test func leadingOptionsMoveBehindTheCommand() {
        #expect(LeadingGlobalOptions.moved(["-c", "prod.ini", "upgrade", "head"]) == ["upgrade", "-c", "prod.ini", "head"])
        #expect(LeadingGlobalOptions.moved(["--quiet", "-n", "db2", "current"]) == ["current", "--quiet", "-n", "db2"])
        #expect(LeadingGlobalOptions.moved(["--config=a.ini", "-x", "k=v", "downgrade", "-1"]) == [
            "downgrade", "--config=a.ini", "-x", "k=v", "-1",
        ])
    }

    @Test func otherCommandLinesAreUnchanged() {
        for line in [["upgrade", "head", "-c", "a.ini"], ["--help"], ["-c", "a.ini"], ["-q", "--version"], []] {
            #expect(LeadingGlobalOptions.moved(line) == line, "\(line)")
        }
    }

    @Test func theMovedLineParses() throws {
        let parsed = try AutogenCommand.parseAsRoot(LeadingGlobalOptions.moved(["-c", "x.ini", "--quiet", "heads"]))
        let heads = try #require(parsed as? HeadsCommand)
        #expect(heads.global.config == "x.ini")
        #expect(heads.global.quiet)
    }
}
