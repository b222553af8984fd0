import ArgumentParser
import Foundation
import ModelDSL

/// What a migration environment's `main` calls: it parses the same command line as `autogen`
/// (the commands that need the model or the compiled revision bodies) and runs it against the
/// environment's target schema and revisions.
///
/// ```swift
/// @main
/// struct Env {
///     static func main() async {
///         await AutogenEnvironment.main(schema: schema, revisions: AutogenRevisionIndex.revisions)
///     }
/// }
/// ```
public enum AutogenEnvironment {
    /// Runs the process's command line and exits with its status.
    public static func main(schema: Schema, revisions: [any Revision.Type]) async -> Never {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let status = await run(arguments: arguments, schema: schema, revisions: revisions, output: .process)
        exit(status)
    }

    /// Runs one command line and returns its exit status: 0 on success, 1 when `check` finds
    /// differences or a command fails (one `error: ...` line on standard error), the argument
    /// parser's status for a usage error (64).
    public static func run(
        arguments: [String], schema: Schema, revisions: [any Revision.Type], output: EnvironmentOutput
    ) async -> Int32 {
        let parsed = parse(arguments, output: output)
        guard case .command(let subcommand) = parsed else { return parsed.status }
        let context = EnvironmentContext(schema: schema, revisions: revisions, output: output)
        do {
            return try await subcommand.run(in: context)
        } catch {
            output.err("error: \(EnvironmentError.oneLine(error))")
            return 1
        }
    }

    /// A parsed command line: a command to run, or the exit status after ArgumentParser has
    /// printed a usage error, help or the version.
    enum Parsed {
        case command(any EnvironmentSubcommand)
        case done(Int32)

        var status: Int32 {
            if case .done(let status) = self { return status }
            return 0
        }
    }

    /// Parses `arguments`; prints the usage error, help or version text when that is all there is to do.
    static func parse(_ arguments: [String], output: EnvironmentOutput) -> Parsed {
        do {
            var command = try EnvironmentCommand.parseAsRoot(relativeTargetsLast(arguments))
            if let parsed = command as? any EnvironmentSubcommand { return .command(parsed) }
            // `help`, or no subcommand: ArgumentParser's own run throws the clean exit that
            // prints the text.
            try command.run()
            return .done(0)
        } catch {
            let code = EnvironmentCommand.exitCode(for: error)
            let message = EnvironmentCommand.fullMessage(for: error)
            if code.isSuccess { output.out(message) } else { output.err(message) }
            return .done(code.rawValue)
        }
    }

    /// Alembic's relative targets (`downgrade -1`) look like options to the argument parser:
    /// the first `-N` after `upgrade`, `downgrade` or `stamp` moves to the end, behind `--`.
    static func relativeTargetsLast(_ arguments: [String]) -> [String] {
        guard let command = arguments.first, ["upgrade", "downgrade", "stamp"].contains(command),
            !arguments.contains("--"),
            let i = arguments.indices.dropFirst().first(where: { isRelativeTarget(arguments[$0]) })
        else { return arguments }
        var out = arguments
        let target = out.remove(at: i)
        return out + ["--", target]
    }

    private static func isRelativeTarget(_ text: String) -> Bool {
        text.count > 1 && text.hasPrefix("-") && text.dropFirst().allSatisfy(\.isNumber)
    }
}
