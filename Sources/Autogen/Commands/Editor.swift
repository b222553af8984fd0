/// The user's editor, as `autogen edit` runs it: `$EDITOR`, else `$VISUAL`, split into words
/// like a shell would (`code --wait` is the program `code` and the argument `--wait`; nothing
/// is expanded), the program found as hooks find theirs (an absolute path, a path relative to
/// the current folder, or a name on `PATH`), and run on the user's terminal.
struct Editor: Sendable, Equatable {
    /// The program (absolute path) and the arguments before the file.
    let command: [String]
    /// The environment the editor runs with.
    let environment: [String: String]

    /// The editor `environment` names; `currentDirectory` is where a relative program path starts.
    init(environment: [String: String], currentDirectory: String) throws(EditError) {
        let chosen = ["EDITOR", "VISUAL"].lazy.compactMap { name -> (String, String)? in
            guard let value = environment[name], !value.allSatisfy(\.isWhitespace) else { return nil }
            return (name, value)
        }.first
        guard let (variable, value) = chosen else { throw .noEditor }
        let words: [String]
        do { words = try ShellWords.split(value) } catch {
            let problem: String
            switch error {
            case .unterminatedQuote(let quote): problem = "unterminated \(quote) quote"
            case .trailingBackslash: problem = "it ends with a backslash"
            }
            throw .badEditor(variable: variable, value: value, problem: problem)
        }
        guard let program = words.first else { throw .noEditor }
        guard let path = ExecutableLookup.find(program, environment: environment, baseFolder: currentDirectory) else {
            throw .editorNotFound(variable: variable, program: program)
        }
        command = [path] + words.dropFirst()
        self.environment = environment
    }

    /// Opens `path` and waits until the editor exits; a non-zero exit or a signal throws.
    func edit(_ path: String) throws(EditError) {
        let ending: HookProcess.Ending
        do {
            ending = try TerminalProcess.run(command[0], Array(command.dropFirst()) + [path], environment: environment)
        } catch { throw .launchFailed(error.reason) }
        guard ending == .exited(0) else {
            throw .editorFailed(command: command.joined(separator: " "), ending: ending, path: path)
        }
    }
}
