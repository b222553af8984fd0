import Foundation

/// The autogen checkout that built this binary: the default package path of a new migration
/// environment (`autogen init --package-path` overrides it).
///
/// It is derived at compile time from `#filePath` of this file,
/// `<checkout>/Sources/Autogen/Environment/AutogenCheckout.swift`, so a binary copied to
/// another machine still names the folder it was built from there; pass `--package-path`
/// (or edit the environment's Package.swift) when that folder is not present.
enum AutogenCheckout {
    static let path: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.standardizedFileURL.path
    }()
}
