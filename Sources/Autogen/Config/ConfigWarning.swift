/// A non-fatal finding in `autogen.ini`, returned beside the config for the CLI to print.
///
/// Prints as `autogen.ini:7: unknown key "scrip_location" in [autogen] (did you mean script_location?)`.
public struct ConfigWarning: Sendable, Hashable, CustomStringConvertible {
    /// The config file as the user named it.
    public let file: String
    /// The line the finding is about, when there is one.
    public let line: Int?
    /// What was found, without the location.
    public let message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}
