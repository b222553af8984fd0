import Foundation

/// A parsed INI file (alembic.ini's dialect): its sections, its `[DEFAULT]` keys, and where it lives.
///
/// Values are resolved when read, like ConfigParser: `value(_:in:environment:)` applies
/// `%(key)s` interpolation (see `IniInterpolation`) and then `${VAR}` substitution (see
/// `EnvironmentSubstitution`), so a section nobody reads (a logging format string full of
/// `%(levelname)s`) never causes an error.
public struct IniFile: Sendable, Hashable {
    /// The file as named in messages (as the user gave it, e.g. `autogen.ini`).
    public let path: String
    /// The absolute folder of the file: what `%(here)s` expands to.
    public let folder: String
    /// The `[DEFAULT]` section, whose keys every section inherits.
    public let defaults: IniSection?
    /// The other sections in file order.
    public let sections: [IniSection]

    /// Parses `text`; `path` names the file in messages and `folder` is `%(here)s`.
    public init(parsing text: String, path: String, folder: String) throws(ConfigError) {
        let parsed = try IniParser(file: path).parse(text)
        self.path = path
        self.folder = folder
        self.defaults = parsed.defaults
        self.sections = parsed.sections
    }

    /// Reads and parses the file at `absolutePath`, naming it `displayPath` in messages.
    public init(contentsOf absolutePath: String, displayPath: String? = nil) throws(ConfigError) {
        let shown = displayPath ?? absolutePath
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: absolutePath, isDirectory: &isFolder) else {
            throw .fileNotFound(path: shown)
        }
        guard !isFolder.boolValue else { throw .unreadable(path: shown, reason: "it is a folder") }
        guard let data = FileManager.default.contents(atPath: absolutePath) else {
            throw .unreadable(path: shown, reason: "permission denied or I/O error")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(path: shown, reason: "it is not valid UTF-8")
        }
        let folder = URL(fileURLWithPath: absolutePath).deletingLastPathComponent().path
        try self.init(parsing: text, path: shown, folder: ConfigPath.normalized(folder))
    }

    /// The section called `name` (`DEFAULT` gives the defaults).
    public func section(_ name: String) -> IniSection? {
        if name == "DEFAULT" { return defaults }
        return sections.first { $0.name == name }
    }

    /// The names of the sections other than `[DEFAULT]`, in file order.
    public var sectionNames: [String] { sections.map(\.name) }

    /// The keys visible in `section`: its own in file order, then inherited `[DEFAULT]` keys it does not override.
    public func keys(in section: String) -> [String] {
        let own = self.section(section)?.keys ?? []
        let inherited = (section == "DEFAULT" ? [] : defaults?.keys ?? []).filter { !own.contains($0) }
        return own + inherited
    }

    /// The raw entry for `key` as seen from `section`: the section's own, else `[DEFAULT]`'s.
    public func entry(_ key: String, in section: String) -> IniEntry? {
        self.section(section)?.entry(key) ?? defaults?.entry(key)
    }

    /// The section an entry seen from `section` comes from (`section` itself or `DEFAULT`).
    func owner(of key: String, in section: String) -> String {
        self.section(section)?.entry(key) != nil ? section : "DEFAULT"
    }

    /// The value of `key` as seen from `section`, interpolated and with `${VAR}` substituted from `environment`; nil when absent.
    public func value(_ key: String, in section: String, environment: [String: String]) throws(ConfigError) -> String? {
        guard let entry = entry(key, in: section) else { return nil }
        let interpolated = try IniInterpolation(file: self, section: section).resolve(entry)
        let owner = owner(of: entry.key, in: section)
        return try EnvironmentSubstitution(environment: environment)
            .substitute(interpolated, file: path, line: entry.line, section: owner, key: entry.key)
    }
}
