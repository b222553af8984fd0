import Foundation

/// Where a migration environment's commands write: standard output for results, standard
/// error for progress and errors. Tests pass closures that collect the text.
public struct EnvironmentOutput: Sendable {
    /// Receives result text (one or more lines, without the final newline).
    public let out: @Sendable (String) -> Void
    /// Receives progress, warnings and errors.
    public let err: @Sendable (String) -> Void

    public init(out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void) {
        self.out = out
        self.err = err
    }

    /// The process's standard output and standard error.
    public static let process = EnvironmentOutput(
        out: { write($0, to: FileHandle.standardOutput) }, err: { write($0, to: FileHandle.standardError) })

    private static func write(_ text: String, to handle: FileHandle) {
        guard !text.isEmpty else { return }
        handle.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }
}
