/// What one post-write hook did, for lines like `Running post-write hook "swift_format" ... done`.
public struct HookRun: Sendable, Hashable {
    /// The hook's name.
    public let name: String
    /// The program run (absolute path) followed by its arguments.
    public let command: [String]
    /// The folder it ran in, or nil for the current folder.
    public let cwd: String?
    /// Its exit status (always 0: a hook that fails throws `HookError` instead).
    public let exitStatus: Int32
    /// How long it ran, in seconds.
    public let seconds: Double
    /// What it wrote to standard output.
    public let standardOutput: String
    /// What it wrote to standard error.
    public let standardError: String
    /// Whether the revision file's bytes differ after it ran (a formatter that reformatted it).
    public var changedFile: Bool = false
}
