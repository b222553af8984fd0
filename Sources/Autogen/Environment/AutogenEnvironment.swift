import ArgumentParser
import Foundation
import ModelDSL

/// What a migration environment's `main` calls: it parses the same command line as `autogen`
/// (the commands that need the model or the compiled revision bodies) and runs it against the
/// environment's target schema and revisions, with env.swift's hooks.
///
/// ```swift
/// @main
/// struct Env {
///     static func main() async {
///         await AutogenEnvironment.main(schema: schema, revisions: AutogenRevisionIndex.revisions, hooks: hooks)
///     }
///
///     static let hooks = EnvironmentHooks(compare: { options in options.excludeTables = ["legacy_*"] })
/// }
/// ```
public enum AutogenEnvironment {
    /// Runs the process's command line and exits with its status. Without `hooks`, every
    /// command runs as autogen.ini says.
    public static func main(
        schema: Schema, revisions: [any Revision.Type], hooks: EnvironmentHooks = .none
    ) async -> Never {
        let read = readModel([ModelBinding.single: schema])
        var context = EnvironmentContext(
            schema: read[ModelBinding.single] ?? schema, revisions: revisions, output: .process, hooks: hooks)
        context.watchdog = ProcessInfo.processInfo.environment[EnvironmentRebuild.dispatcherVariable]
        context.handBack = EnvironmentRebuild.takeHandBack()
        CrashReport.install()
        exit(await run(arguments: Array(CommandLine.arguments.dropFirst()), context: context))
    }

    /// Runs the process's command line on several databases (the `multidb` template), each
    /// with its model here under the name autogen.ini's `databases` gives it; every command runs
    /// once per database, in the ini's order.
    ///
    /// ```swift
    /// await AutogenEnvironment.main(
    ///     databases: ["main": mainSchema, "audit": auditSchema], revisions: AutogenRevisionIndex.revisions)
    /// ```
    public static func main(
        databases: [String: Schema], revisions: [any Revision.Type], hooks: EnvironmentHooks = .none
    ) async -> Never {
        var context = EnvironmentContext(
            schema: Schema(tables: []), revisions: revisions, output: .process, hooks: hooks,
            databases: readModel(databases))
        context.watchdog = ProcessInfo.processInfo.environment[EnvironmentRebuild.dispatcherVariable]
        context.handBack = EnvironmentRebuild.takeHandBack()
        CrashReport.install()
        exit(await run(arguments: Array(CommandLine.arguments.dropFirst()), context: context))
    }

    /// The schemas to run with: the compiled ones, or model.swift as autogen asked the
    /// environment to read it (`ModelHandoff`).
    /// (Also for an env.swift that calls `run(arguments:...)` itself: the variables never reach
    /// its hooks.)
    private static func readModel(
        _ compiled: [String: Schema], arguments: [String] = Array(CommandLine.arguments.dropFirst())
    ) -> [String: Schema] {
        let dispatcher = EnvironmentRebuild.dispatcher(ProcessInfo.processInfo.environment)
        let handoff = ModelHandoff.take()
        // Only `check` and `revision --autogenerate` look at the model: the others skip reading it.
        if case .read = handoff, !ModelHandoff.usesModel(arguments) { return compiled }
        return ModelHandoff.resolve(compiled, handoff: handoff, dispatcher: dispatcher, arguments: arguments)
    }

    /// The database a multi-database command is working on while env.swift's hooks run (its
    /// name in autogen.ini's `databases`); nil in a single-database environment.
    @TaskLocal public static var database: String?

    /// The command line's `-x key=value` arguments, for env.swift's hooks (`url`, `compare`)
    /// and revision bodies, as Alembic's `context.get_x_argument(as_dictionary=True)`; empty
    /// when none were given.
    @TaskLocal public static var xArguments: [String: String] = [:]

    /// `--tag` of upgrade, downgrade or stamp, for env.swift's hooks and revision bodies
    /// (Alembic's `context.get_tag_argument()`); nil when not given.
    @TaskLocal public static var tag: String?

    /// Runs one command line and returns its exit status: 0 on success, 1 when `check` finds
    /// differences or a command fails (one `error: ...` line on standard error), the argument
    /// parser's status for a usage error (64).
    public static func run(
        arguments: [String], schema: Schema, revisions: [any Revision.Type], output: EnvironmentOutput,
        hooks: EnvironmentHooks = .none
    ) async -> Int32 {
        let read = readModel([ModelBinding.single: schema], arguments: arguments)
        return await run(
            arguments: arguments,
            context: EnvironmentContext(
                schema: read[ModelBinding.single] ?? schema, revisions: revisions, output: output, hooks: hooks))
    }

    /// Runs one command line on several databases (see `main(databases:revisions:hooks:)`) and
    /// returns its exit status, as `run(arguments:schema:revisions:output:hooks:)`.
    public static func run(
        arguments: [String], databases: [String: Schema], revisions: [any Revision.Type], output: EnvironmentOutput,
        hooks: EnvironmentHooks = .none
    ) async -> Int32 {
        let context = EnvironmentContext(
            schema: Schema(tables: []), revisions: revisions, output: output, hooks: hooks,
            databases: readModel(databases, arguments: arguments))
        return await run(arguments: arguments, context: context)
    }

    /// Runs one command line in `context`. When the compiled revisions do not match the
    /// revision files and autogen started the environment, it is handed back to autogen to be
    /// rebuilt before anything is printed (the check comes before any database is changed).
    static func run(arguments: [String], context: EnvironmentContext) async -> Int32 {
        let output = context.output
        let parsed = parse(arguments, output: output)
        guard case .command(let subcommand) = parsed else { return parsed.status }
        do {
            // Validated while parsing: a malformed one never gets here.
            let x = (try? XArguments.parse(subcommand.globalOptions.xArguments)) ?? [:]
            return try await $xArguments.withValue(x) {
                try await $tag.withValue(subcommand.tag) { try await subcommand.run(in: context) }
            }
        } catch {
            if let handBack = context.handBack, EnvironmentRebuild.isStale(error) { handBack(arguments) }
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
