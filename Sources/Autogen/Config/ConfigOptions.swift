/// What locates and refines the config: the command line's `-c`, `-n` and `-x`, the
/// environment, and the current folder, passed in as values (nothing is read from the process).
public struct ConfigOptions: Sendable, Hashable {
    /// `-c FILE`: the ini file; relative paths are relative to `currentDirectory`.
    public var file: String?
    /// `-n NAME`: the section to read instead of `[autogen]` (several databases in one file).
    public var section: String
    /// `-x key=value` arguments, in command-line order.
    public var xArguments: [String]
    /// The environment: `AUTOGEN_CONFIG` locates the file when `-c` is absent, and `${VAR}` in values reads it.
    public var environment: [String: String]
    /// The folder relative paths on the command line are relative to.
    public var currentDirectory: String

    /// The name of the main section when `-n` is not given.
    public static let defaultSection = "autogen"
    /// The environment variable that names the config file when `-c` is not given.
    public static let environmentVariable = "AUTOGEN_CONFIG"
    /// The file looked for in the current folder when neither `-c` nor `AUTOGEN_CONFIG` is given.
    public static let defaultFileName = "autogen.ini"
    /// The package's config file, read from the current folder as the lower layer under the ini
    /// (see `AutogenConfig`), as Alembic reads `pyproject.toml` under alembic.ini.
    public static let packageFileName = "Package.autogen.ini"

    public init(
        file: String? = nil, section: String = ConfigOptions.defaultSection, xArguments: [String] = [],
        environment: [String: String], currentDirectory: String
    ) {
        self.file = file
        self.section = section
        self.xArguments = xArguments
        self.environment = environment
        self.currentDirectory = currentDirectory
    }

    /// The config file as the user named it (for messages) and as an absolute path:
    /// `-c FILE`, else `$AUTOGEN_CONFIG` (when not empty), else `./autogen.ini`.
    public var configFile: (display: String, absolute: String) {
        let given: String
        if let file, !file.isEmpty {
            given = file
        } else if let fromEnvironment = environment[Self.environmentVariable], !fromEnvironment.isEmpty {
            given = fromEnvironment
        } else {
            given = Self.defaultFileName
        }
        return (given, ConfigPath.resolve(given, against: currentDirectory))
    }

    /// `Package.autogen.ini` in the current folder, as named in messages and as an absolute path.
    public var packageFile: (display: String, absolute: String) {
        (Self.packageFileName, ConfigPath.resolve(Self.packageFileName, against: currentDirectory))
    }
}
