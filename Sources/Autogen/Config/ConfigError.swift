/// A problem in `autogen.ini` or in the options that locate and refine it (`-c`, `-n`, `-x`).
///
/// Every case prints as one line that names the file and, where there is one, the line:
/// `autogen.ini:7: duplicate key "url" in [autogen] (first at line 3)`.
public enum ConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The config file does not exist; `autogen init` creates one.
    case fileNotFound(path: String)
    /// The config file exists but cannot be read (a folder, no permission, not UTF-8).
    case unreadable(path: String, reason: String)
    /// A line is neither a section header, a `key = value`, a continuation, a comment nor blank.
    case syntax(file: String, line: Int, message: String)
    /// The same `[section]` appears twice.
    case duplicateSection(file: String, line: Int, section: String, firstLine: Int)
    /// The same key appears twice in one section (keys are case-insensitive).
    case duplicateKey(file: String, line: Int, section: String, key: String, firstLine: Int)
    /// A `%(name)s` reference cannot be resolved: unknown key, loop, too deep, or bad syntax.
    case interpolation(file: String, line: Int, section: String, key: String, reason: String)
    /// A `${NAME}` reference is malformed or names a variable that is not set.
    case environment(file: String, line: Int, section: String, key: String, reason: String)
    /// The section picked with `-n` (or the default `[autogen]`) is not in the file.
    case missingSection(file: String, section: String, available: [String])
    /// A required key is missing from the section.
    case missingKey(file: String, section: String, key: String)
    /// `script_location` is missing from the ini, and the `Package.autogen.ini` beside it (in
    /// `folder`) is not read because autogen runs in another folder.
    case packageFileNotHere(file: String, section: String, folder: String)
    /// A key's value does not have the expected form (boolean, integer, separator, ...).
    case invalidValue(file: String, line: Int, section: String, key: String, value: String, expected: String)
    /// A `-x` argument is not `key=value`.
    case invalidXArgument(String)
    /// `script_location` names a folder that does not exist.
    case missingFolder(file: String, line: Int?, key: String, path: String)
    /// A post-write hook is incompletely or wrongly configured.
    case hook(file: String, line: Int?, hook: String, reason: String)

    public var description: String {
        switch self {
        case .fileNotFound(let path):
            return "config file \(path) not found; run `autogen init` to create one, or pass -c FILE"
        case .unreadable(let path, let reason):
            return "cannot read config file \(path): \(reason)"
        case .syntax(let file, let line, let message):
            return "\(file):\(line): \(message)"
        case .duplicateSection(let file, let line, let section, let firstLine):
            return "\(file):\(line): duplicate section [\(section)] (first at line \(firstLine))"
        case .duplicateKey(let file, let line, let section, let key, let firstLine):
            return "\(file):\(line): duplicate key \"\(key)\" in [\(section)] (first at line \(firstLine))"
        case .interpolation(let file, let line, let section, let key, let reason):
            return "\(file):\(line): cannot interpolate \"\(key)\" in [\(section)]: \(reason)"
        case .environment(let file, let line, let section, let key, let reason):
            return "\(file):\(line): cannot substitute \"\(key)\" in [\(section)]: \(reason)"
        case .missingSection(let file, let section, let available):
            let list =
                available.isEmpty
                ? "it has no sections" : "it has " + available.map { "[\($0)]" }.joined(separator: ", ")
            return "\(file): no [\(section)] section (\(list)); pick one with -n NAME"
        case .missingKey(let file, let section, let key):
            return "\(file): [\(section)] has no \"\(key)\", which is required"
        case .packageFileNotHere(let file, let section, let folder):
            return
                "\(file): [\(section)] has no \"script_location\", and \(folder)/\(ConfigOptions.packageFileName) "
                + "is read only from the folder autogen runs in: run autogen in \(folder)"
        case .invalidValue(let file, let line, let section, let key, let value, let expected):
            return "\(file):\(line): \"\(key)\" in [\(section)] is \"\(value)\"; expected \(expected)"
        case .invalidXArgument(let argument):
            return "-x \"\(argument)\" is not key=value"
        case .missingFolder(let file, let line, let key, let path):
            let place = line.map { "\(file):\($0)" } ?? file
            return "\(place): \(key) names \(path), which does not exist; run `autogen init` there, or fix the path"
        case .hook(let file, let line, let hook, let reason):
            let place = line.map { "\(file):\($0)" } ?? file
            return "\(place): post-write hook \"\(hook)\": \(reason)"
        }
    }
}
