/// Why `autogen edit` did not open or finish editing a revision file; each one line.
enum EditError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Neither `$EDITOR` nor `$VISUAL` is set (or both are blank).
    case noEditor
    /// The variable's value does not split into words (an unclosed quote).
    case badEditor(variable: String, value: String, problem: String)
    /// The editor's program is not an executable file (or not on `PATH`).
    case editorNotFound(variable: String, program: String)
    /// The editor could not be started.
    case launchFailed(String)
    /// The editor exited with a non-zero status, or was killed, while editing `path`.
    case editorFailed(command: String, ending: HookProcess.Ending, path: String)
    /// The identifier resolves to no revision (`base`).
    case noRevisionFiles(identifier: String)
    /// `edit current` on a database at base.
    case noCurrentRevisions(url: String)

    var description: String {
        switch self {
        case .noEditor:
            return
                "no editor: set $EDITOR (or $VISUAL) to the program that edits a file, such as vim or \"code --wait\""
        case .badEditor(let variable, let value, let problem):
            return "$\(variable) (\(value)) is not a command: \(problem)"
        case .editorNotFound(let variable, let program):
            let place = program.contains("/") ? "no executable file \(program)" : "\"\(program)\" not found on PATH"
            return "editor from $\(variable): \(place)"
        case .launchFailed(let reason):
            return "could not start the editor: \(reason)"
        case .editorFailed(let command, let ending, let path):
            let how: String
            switch ending {
            case .exited(let status): how = "exited with status \(status)"
            case .signalled(let number): how = "was killed by signal \(number)"
            case .timedOut: how = "timed out"
            }
            return "editor \(command) \(how) while editing \(path)"
        case .noRevisionFiles(let identifier):
            return "no revision files indicated by symbol '\(identifier)'"
        case .noCurrentRevisions(let url):
            return "no current revisions: the database \(url) is at base"
        }
    }
}
