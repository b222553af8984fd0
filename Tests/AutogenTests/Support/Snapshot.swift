import Foundation
import Testing

/// Compares rendered text with its golden file `Tests/AutogenTests/Snapshots/<suite>/<named>.txt`.
///
/// With `AUTOGEN_RECORD_SNAPSHOTS=1` in the environment the golden file is (re)written from
/// `text` and the test records an issue saying so, so that a recording run never passes
/// silently; read every recorded file before keeping it. A missing golden file is a failure.
///
/// A second test that must print the same text passes `recording: false`: it only compares,
/// so that two tests never write one file at once.
func assertSnapshot(
    _ text: String,
    named name: String,
    suite: String,
    recording: Bool = true,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    // This file is Tests/AutogenTests/Support/Snapshot.swift: the snapshots sit beside Support/.
    let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    let folder = testsFolder.appendingPathComponent("Snapshots").appendingPathComponent(suite)
    let file = folder.appendingPathComponent("\(name).txt")
    if recording, ProcessInfo.processInfo.environment["AUTOGEN_RECORD_SNAPSHOTS"] == "1" {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file, options: .atomic)
            Issue.record(
                "recorded snapshot \(suite)/\(name).txt; unset AUTOGEN_RECORD_SNAPSHOTS to compare",
                sourceLocation: sourceLocation)
        } catch {
            Issue.record("cannot record snapshot \(file.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let data = FileManager.default.contents(atPath: file.path) else {
        Issue.record(
            "missing snapshot \(file.path); run with AUTOGEN_RECORD_SNAPSHOTS=1 to record it",
            sourceLocation: sourceLocation)
        return
    }
    let expected = String(decoding: data, as: UTF8.self)
    if text != expected {
        Issue.record(
            "snapshot \(suite)/\(name).txt differs\n--- expected\n\(expected)\n+++ actual\n\(text)",
            sourceLocation: sourceLocation
        )
    }
}
