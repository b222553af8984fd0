/// A project template shipped in the binary (`templates/<name>/`): the files `autogen init`
/// lays out. A template is complete when it has an `autogen.ini.mako`.
struct InitTemplate: Sendable, Hashable {
    let name: String
    /// Each file's text by its path inside the template folder.
    let files: [String: String]

    /// The complete templates in `BuiltinTemplates`, by name.
    static var all: [InitTemplate] {
        var byName: [String: [String: String]] = [:]
        for (path, text) in BuiltinTemplates.files {
            guard let slash = path.firstIndex(of: "/") else { continue }
            byName[String(path[..<slash]), default: [:]][String(path[path.index(after: slash)...])] = text
        }
        return byName.filter { $0.value["autogen.ini.mako"] != nil }.map { InitTemplate(name: $0.key, files: $0.value) }
            .sorted { $0.name < $1.name }
    }

    /// The first line of the template's README, or an empty string.
    var summary: String {
        (files["README"] ?? "").split(separator: "\n").first.map(String.init) ?? ""
    }

    /// Whether the template lays the environment out as an executable target of the package in
    /// the current folder (the `package` template): it has a `Package.autogen.ini.mako`.
    var isPackageTarget: Bool { files["Package.autogen.ini.mako"] != nil }

    /// Whether `init` writes the file (its path in the template, `.mako` included) to the current
    /// folder rather than to the environment's folder: autogen.ini, and for a package-target
    /// template Package.autogen.ini and Package.swift too.
    func isWrittenToCurrentFolder(_ path: String) -> Bool {
        path == "autogen.ini.mako"
            || (isPackageTarget && ["Package.autogen.ini.mako", "Package.swift.mako"].contains(path))
    }

    /// Whether `init` renders the file with the project's values (`autogen.ini.mako`,
    /// `Package.swift.mako`) rather than copying it: every `.mako` file but the revision
    /// template, which is rendered later for each new revision.
    static func isRenderedAtInit(_ path: String) -> Bool {
        path.hasSuffix(".mako") && path != "script.swift.mako"
    }
}
