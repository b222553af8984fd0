/// One post-write hook from `[post_write_hooks]`: a program run on each new revision file.
///
/// ```ini
/// [post_write_hooks]
/// hooks = swift_format
/// swift_format.type = exec
/// swift_format.executable = swift-format
/// swift_format.options = format --in-place REVISION_SCRIPT_FILENAME
/// ```
public struct PostWriteHook: Sendable, Hashable {
    /// What the hook runs.
    public enum Program: Sendable, Hashable {
        /// `type = exec`: `executable` is an absolute path, a path relative to the ini file's folder, or a name on PATH.
        case executable(String)
        /// `type = console` (Alembic's `console_scripts`): `entrypoint`, or the hook's name, is a program on PATH.
        case console(String)

        /// The program as configured.
        public var name: String {
            switch self {
            case .executable(let name), .console(let name): return name
            }
        }
    }

    /// The word in `options` that stands for the revision file's path.
    public static let revisionScriptToken = "REVISION_SCRIPT_FILENAME"
    /// How long a hook may run, in seconds, unless `name.timeout` says otherwise.
    public static let defaultTimeout: Double = 60

    /// The hook's name as listed in `hooks` (lowercased, like the keys that configure it).
    public var name: String
    /// The program to run.
    public var program: Program
    /// The arguments after the program, each possibly holding `REVISION_SCRIPT_FILENAME`.
    public var arguments: [String]
    /// The folder to run in (absolute), or nil for the current folder.
    public var cwd: String?
    /// Seconds after which the hook is killed and reported as failed.
    public var timeout: Double

    public init(
        name: String, program: Program, arguments: [String], cwd: String? = nil, timeout: Double = Self.defaultTimeout
    ) {
        self.name = name
        self.program = program
        self.arguments = arguments
        self.cwd = cwd
        self.timeout = timeout
    }

    /// The arguments for `options` as written in the ini file: split like a shell splits words,
    /// with `REVISION_SCRIPT_FILENAME` put first when the text does not mention it (as Alembic does).
    static func arguments(fromOptions options: String) throws(ShellWords.Failure) -> [String] {
        let text = options.contains(revisionScriptToken) ? options : revisionScriptToken + " " + options
        return try ShellWords.split(text)
    }

    /// The arguments with every `REVISION_SCRIPT_FILENAME` replaced by `path`.
    public func arguments(for path: String) -> [String] {
        arguments.map { $0.replacingOccurrences(of: Self.revisionScriptToken, with: path) }
    }
}
