import Foundation
import Testing

@testable import Autogen

/// The environment build's progress line (issue #12): the step SwiftPM is at and the time so far.
@Suite struct BuildProgressTests {
    final class Sink: @unchecked Sendable {
        private let lock = NSLock()
        private var text = ""
        func append(_ more: String) { lock.withLock { text += more } }
        var all: String { lock.withLock { text } }
    }

    static let swiftBuildOutput = [
        "Building for production...", "[1/431] Write sources", "[2/431] Compiling ModelDSL Column.swift",
        "warning: something", "[212/431] Compiling Autogen Comparer.swift", "[431/431] Linking env",
        "Build of product 'env' complete! (41.20s)",
    ]

    @Test func onATerminalOneLineIsRewritten() {
        let sink = Sink()
        let progress = BuildProgress(terminal: true, write: sink.append)
        for line in Self.swiftBuildOutput { progress.line(line) }
        progress.finish(succeeded: true)
        let parts = sink.all.components(separatedBy: "\r\u{1B}[K").filter { !$0.isEmpty }
        #expect(
            parts == [
                "Building migration environment: [1/431] Write sources (0 s)",
                "Building migration environment: [2/431] Compiling ModelDSL Column.swift (0 s)",
                "Building migration environment: [212/431] Compiling Autogen Comparer.swift (0 s)",
                "Building migration environment: [431/431] Linking env (0 s)",
                "Migration environment built in 0 s\n",
            ], "\(sink.all.debugDescription)")
    }

    @Test func elsewhereALineNowAndThen() {
        let sink = Sink()
        let logs = BuildProgress(terminal: false, logInterval: 3600, write: sink.append)
        for line in Self.swiftBuildOutput { logs.line(line) }
        logs.finish(succeeded: false)
        // The first step is logged, then nothing until the interval has passed, then the end.
        #expect(
            sink.all
                == "Building migration environment: [1/431] Write sources (0 s)\nMigration environment failed in 0 s\n")
        let every = Sink()
        let chatty = BuildProgress(terminal: false, logInterval: 0, write: every.append)
        for line in Self.swiftBuildOutput { chatty.line(line) }
        #expect(every.all.split(separator: "\n").count == 4, "\(every.all)")
        #expect(!every.all.contains("\r"))
    }
}
