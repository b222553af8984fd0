import ArgumentParser
import Foundation

extension AutogenCommand {
    /// Runs a plain command line (not one dispatched to the environment) and exits: usage
    /// errors and help as ArgumentParser prints them; a command's own error as one
    /// `error: ...` line on standard error and exit 1, as the environment commands print theirs.
    public static func run(_ arguments: [String]) -> Never {
        var command: any ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            exit(withError: error)
        }
        do {
            try command.run()
        } catch let error where error is ExitCode || exitCode(for: error) != .failure {
            // Help, a clean exit, a usage error found while running: ArgumentParser's own text.
            exit(withError: error)
        } catch {
            FileHandle.standardError.write(Data("error: \(EnvironmentError.oneLine(error))\n".utf8))
            Foundation.exit(1)
        }
        Foundation.exit(0)
    }
}
