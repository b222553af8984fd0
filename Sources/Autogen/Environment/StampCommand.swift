import ArgumentParser

/// `autogen stamp REV... [--purge] [--sql]`: sets the version table without running any
/// revision, or prints the SQL that does (assuming the database is at base).
struct StampCommand: EnvironmentSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "stamp", abstract: "Set the database's revision without running any migration.")

    @OptionGroup var global: GlobalOptions
    var globalOptions: GlobalOptions { global }

    @Argument(help: "The revision(s) to stamp: head, heads, base, a revision id.")
    var revisions: [String]

    @Flag(help: "Empty the version table first.")
    var purge = false

    @Flag(help: "Print the SQL instead of running it (offline mode; assumes the database is at base).")
    var sql = false

    func run(in context: EnvironmentContext) async throws -> Int32 {
        let (_, runner) = try context.runner(global)
        if sql {
            context.output.out(try runner.offlineStampSQL(revisions, purge: purge))
        } else {
            try await runner.stamp(revisions, purge: purge)
        }
        return 0
    }
}
