import Foundation

/// The executable target `autogen init -t package DIR` makes of the migration environment in the
/// user's package: named after DIR's last component, built from env.swift, model.swift and
/// versions/ against the Autogen library, with the RevisionIndex plugin. Its declaration goes
/// into a new Package.swift, or is printed for the user to add to the one that exists.
struct EnvironmentTarget: Sendable, Hashable {
    /// The target's name, also the executable product's (`environment_product`).
    let name: String
    /// DIR relative to the package root, e.g. `Sources/Migrations`.
    let path: String
    /// How the package depends on autogen.
    let dependency: AutogenDependency

    /// The target for `directory` (absolute, standardized) inside the package at `root`.
    init(directory: String, root: String, dependency: AutogenDependency) throws(InitError) {
        let prefix = root.hasSuffix("/") ? root : root + "/"
        guard directory.hasPrefix(prefix), directory.count > prefix.count else {
            throw .outsidePackage(directory, root: root)
        }
        let name = (directory as NSString).lastPathComponent
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "_-"))
        guard let first = name.unicodeScalars.first, !CharacterSet.decimalDigits.contains(first),
            name.unicodeScalars.allSatisfy({ $0.isASCII && allowed.contains($0) })
        else { throw .badTargetName(name) }
        self.name = name
        self.path = String(directory.dropFirst(prefix.count))
        self.dependency = dependency
    }

    /// The `.executableTarget(...)` entry of Package.swift's `targets`, without indentation of
    /// its own; `path:` only when the folder is not SwiftPM's default `Sources/<name>`.
    var declaration: String {
        let package = SwiftLiteral.string(dependency.packageName)
        var lines = [
            ".executableTarget(",
            "    name: \(SwiftLiteral.string(name)),",
            "    dependencies: [.product(name: \"Autogen\", package: \(package))],",
        ]
        if path != "Sources/\(name)" { lines.append("    path: \(SwiftLiteral.string(path)),") }
        lines += [
            // The environment's other files, so that SwiftPM warns of no unhandled file.
            "    exclude: [\"README\", \"script.swift.mako\"],",
            "    sources: [\"env.swift\", \"model.swift\", \"versions\"],",
            "    plugins: [.plugin(name: \"RevisionIndex\", package: \(package))]",
            ")",
        ]
        return lines.joined(separator: "\n")
    }

    /// What `autogen init` prints when `manifest` (the package's Package.swift) exists and is
    /// left as it was: the dependency and the target to add to it.
    func instructions(manifest: String) -> String {
        let indented = declaration.split(separator: "\n").map { "        " + $0 }.joined(separator: "\n")
        return """
            \(manifest) is left as it was: add the migration environment to it.
            In `dependencies: [...]` of Package(...):

                    \(dependency.declaration),

            In `targets: [...]`:

            \(indented),

            On macOS the package also needs `platforms: [.macOS(.v13)]` (or later).
            """
    }
}
