/// Reading `[post_write_hooks]` from an ini file.
///
/// ```ini
/// [post_write_hooks]
/// hooks = swift_format, lint          # commas and/or blanks separate names
/// swift_format.type = exec            # exec | console (console_scripts is accepted too)
/// swift_format.executable = swift-format
/// swift_format.options = format --in-place REVISION_SCRIPT_FILENAME
/// swift_format.cwd = %(here)s         # optional; relative to the ini file's folder
/// swift_format.timeout = 60           # optional, seconds
/// lint.type = console                 # runs the program "lint" found on PATH
/// lint.entrypoint = swiftlint         # optional: another program name
/// ```
extension PostWriteHooks {
    /// The keys a hook `name` may have, as `name.<key>`.
    static let hookKeys = ["type", "executable", "entrypoint", "options", "cwd", "timeout"]

    /// The hooks configured in `ini` (none without a `[post_write_hooks]` section), with warnings
    /// for keys that belong to no listed hook or that no hook understands.
    public static func parse(
        _ ini: IniFile, environment: [String: String]
    ) throws(ConfigError) -> (hooks: PostWriteHooks, warnings: [ConfigWarning]) {
        let sectionName = "post_write_hooks"
        var result = PostWriteHooks(environment: environment, baseFolder: ini.folder)
        guard let section = ini.section(sectionName) else { return (result, []) }
        let reader = ConfigSectionReader(ini: ini, section: sectionName, environment: environment)
        let listedLine = section.entry("hooks")?.line

        var names: [String] = []
        for word in (try reader.string("hooks")?.value ?? "").split(whereSeparator: { $0 == "," || $0.isWhitespace }) {
            let name = word.lowercased()
            guard !names.contains(name) else {
                throw .hook(file: ini.path, line: listedLine, hook: name, reason: "listed twice in hooks")
            }
            names.append(name)
        }

        for name in names {
            func fail(_ reason: String, key: String? = nil) -> ConfigError {
                let line = key.flatMap { ini.entry("\(name).\($0)", in: sectionName)?.line } ?? listedLine
                return .hook(file: ini.path, line: line, hook: name, reason: reason)
            }
            guard let type = try reader.nonEmpty("\(name).type") else {
                throw fail("\(name).type is missing; set it to exec or console")
            }
            let program: PostWriteHook.Program
            switch type.lowercased() {
            case "exec":
                guard let executable = try reader.nonEmpty("\(name).executable") else {
                    throw fail("\(name).executable is missing; name the program to run", key: "type")
                }
                program = .executable(executable)
            case "console", "console_scripts":
                program = .console(try reader.nonEmpty("\(name).entrypoint") ?? name)
            default:
                throw fail("unknown type \"\(type)\"; expected exec or console", key: "type")
            }
            let options = try reader.string("\(name).options")?.value ?? ""
            let arguments: [String]
            do {
                arguments = try PostWriteHook.arguments(fromOptions: options)
            } catch {
                let what: String
                switch error {
                case .unterminatedQuote(let quote): what = "an unterminated \(quote) quote"
                case .trailingBackslash: what = "a \\ at the end"
                }
                throw fail("\(name).options has \(what)", key: "options")
            }
            let cwd = try reader.nonEmpty("\(name).cwd").map { ConfigPath.resolve($0, against: ini.folder) }
            let timeout = try reader.seconds("\(name).timeout", default: PostWriteHook.defaultTimeout)
            result.hooks.append(
                PostWriteHook(name: name, program: program, arguments: arguments, cwd: cwd, timeout: timeout))
        }

        var warnings: [ConfigWarning] = []
        for entry in section.entries where entry.key != "hooks" {
            let owner = names.first { entry.key.hasPrefix($0 + ".") }
            let message: String
            if let owner {
                let subkey = String(entry.key.dropFirst(owner.count + 1))
                guard !hookKeys.contains(subkey) else { continue }
                let hint =
                    ConfigKey.suggestion(for: subkey, among: hookKeys).map { " (did you mean \(owner).\($0)?)" } ?? ""
                message = "unknown key \"\(entry.key)\" in [\(sectionName)]\(hint)"
            } else if let dot = entry.key.firstIndex(of: ".") {
                message =
                    "key \"\(entry.key)\" in [\(sectionName)] belongs to no hook listed in hooks (\"\(entry.key[..<dot])\" is not listed)"
            } else if ConfigKey.known.contains(entry.key) {
                // `online = true` appended at the end of autogen.ini lands here.
                message =
                    "unknown key \"\(entry.key)\" in [\(sectionName)]; it is a key of the main section, [autogen]: move it there"
            } else {
                message = "unknown key \"\(entry.key)\" in [\(sectionName)]"
            }
            warnings.append(ConfigWarning(file: ini.path, line: entry.line, message: message))
        }
        return (result, warnings)
    }
}
