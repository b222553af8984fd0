// RevisionIndexGenerator OUTPUT FILE...
//
// Run by the RevisionIndex build-tool plugin: reads the migration environment's revision
// files and writes OUTPUT, a Swift file listing the revision types they declare, so that
// two branches that each add a revision never edit a shared list. It depends on nothing but
// RevisionIndexing: it runs at build time, before the package's own modules exist.
import Foundation
import RevisionIndexing

let arguments = Array(CommandLine.arguments.dropFirst())
guard let output = arguments.first else {
    FileHandle.standardError.write(Data("usage: RevisionIndexGenerator OUTPUT FILE...\n".utf8))
    exit(2)
}
var sources: [String] = []
for path in arguments.dropFirst() {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("error: cannot read revision file \(path)\n".utf8))
        exit(1)
    }
    sources.append(String(decoding: data, as: UTF8.self))
}
let text: String
do { text = try RevisionIndexSource.text(sources: sources) } catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
let temporary = output + ".tmp"
do {
    try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
    // rename(2) replaces the old index atomically, so a build never sees half a file.
    guard rename(temporary, output) == 0 else { throw CocoaError(.fileWriteUnknown) }
} catch {
    FileHandle.standardError.write(Data("error: cannot write \(output): \(error)\n".utf8))
    exit(1)
}
