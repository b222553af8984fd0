/// Why `autogen init` refused to write a project; each one line.
enum InitError: Error, Sendable, Hashable, CustomStringConvertible {
    case unknownTemplate(String, available: [String])
    case configExists(String)
    case folderNotEmpty(String)
    /// Both `--package-path` and `--package-url`.
    case exclusiveDependency
    /// `--package-url` without `--package-version`.
    case missingPackageVersion
    /// `--package-version` without `--package-url`.
    case versionWithoutURL
    /// `--package-version` that is not `X.Y.Z`.
    case badPackageVersion(String)
    /// `--package-url` with no package name at its end.
    case badPackageURL(String)
    /// The package template's folder is not inside the current folder (the package root).
    case outsidePackage(String, root: String)
    /// The package template's folder name cannot name a SwiftPM target.
    case badTargetName(String)

    var description: String {
        switch self {
        case .unknownTemplate(let name, let available):
            return "no template named \(name); available: \(available.joined(separator: ", "))"
        case .configExists(let path):
            return "\(path) already exists; init writes a new project, remove it or run init in another folder"
        case .folderNotEmpty(let path):
            return "\(path) exists and is not empty; give init a new or empty folder"
        case .exclusiveDependency:
            return "--package-path and --package-url are exclusive: the environment depends on autogen by one of them"
        case .missingPackageVersion:
            return "--package-url needs --package-version X.Y.Z, the first version of autogen the environment accepts"
        case .versionWithoutURL:
            return "--package-version goes with --package-url; a --package-path dependency has no version"
        case .badPackageVersion(let version):
            return "--package-version \"\(version)\" is not a version X.Y.Z (such as 1.2.0)"
        case .badPackageURL(let url):
            return
                "--package-url \"\(url)\" does not end in a package name (such as https://example.com/owner/autogen.git)"
        case .outsidePackage(let folder, let root):
            return
                "\(folder) is not inside \(root): the package template lays the environment out as a target folder "
                + "of the package in the current folder (such as Sources/Migrations)"
        case .badTargetName(let name):
            return
                "\"\(name)\" cannot name a SwiftPM target: use a folder name of letters, digits, _ and - "
                + "that does not start with a digit"
        }
    }
}
