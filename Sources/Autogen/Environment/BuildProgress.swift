import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a user sees while the migration environment builds: the step SwiftPM is at and the
/// time so far, instead of one silent line for a minute or more.
///
/// On a terminal one line is rewritten in place:
///
///     Building migration environment: [212/431] Compiling Autogen Comparer.swift (41 s)
///
/// elsewhere (CI logs, pipes) a line is printed every `logInterval` seconds. SwiftPM's own
/// lines `[n/m] Compiling ...` and `Build complete!` are what it reads.
final class BuildProgress: Sendable {
    private struct State {
        var step = ""
        var lastLogged = -Double.infinity
        var drawn = false
    }

    private let state = Mutex(State())
    private let start = Date()
    private let terminal: Bool
    private let write: @Sendable (String) -> Void
    private let logInterval: Double

    /// `write` gets raw text for standard error (no newline added).
    init(
        terminal: Bool = isatty(2) != 0, logInterval: Double = 10,
        write: @escaping @Sendable (String) -> Void = { text in FileHandle.standardError.write(Data(text.utf8)) }
    ) {
        self.terminal = terminal
        self.logInterval = logInterval
        self.write = write
    }

    var elapsed: Double { Date().timeIntervalSince(start) }

    /// Reads one line of `swift build`'s output.
    func line(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("["), let close = trimmed.firstIndex(of: "]") else { return }
        let counter = trimmed[...close]
        guard counter.contains("/") else { return }
        let what = trimmed[trimmed.index(after: close)...].trimmingCharacters(in: .whitespaces)
        update(String(counter) + (what.isEmpty ? "" : " " + what))
    }

    /// Redraws (terminal) or logs now and then (elsewhere) with `step`.
    func update(_ step: String) {
        let now = elapsed
        let output: String? = state.withLock { state in
            state.step = step
            let line = "Building migration environment: \(step) (\(Int(now)) s)"
            if terminal {
                state.drawn = true
                return "\r\u{1B}[K" + line
            }
            guard now - state.lastLogged >= logInterval else { return nil }
            state.lastLogged = now
            return line + "\n"
        }
        if let output { write(output) }
    }

    /// The last line: how long the build took (the terminal's progress line replaced), and
    /// `detail` in parentheses when there is one.
    func finish(succeeded: Bool, detail: String? = nil) {
        let drawn = state.withLock { $0.drawn }
        let clear = terminal && drawn ? "\r\u{1B}[K" : ""
        let verdict = succeeded ? "built" : "failed"
        let more = detail.map { " (\($0))" } ?? ""
        write(clear + "Migration environment \(verdict) in \(Int(elapsed.rounded())) s\(more)\n")
    }
}
