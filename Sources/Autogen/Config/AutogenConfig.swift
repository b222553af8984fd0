import Foundation
import Introspect

/// The typed contents of `autogen.ini`'s main section, with the post-write hooks and `-x` arguments.
///
/// Load it with `AutogenConfig.load(_:)`; warnings (unknown keys, ignored keys) come back in
/// `warnings` for the CLI to print. The URL is kept as written, but `description` and
/// `redactedURL` never show its password.
///
/// Two layers, as Alembic's alembic.ini and pyproject.toml: when the current folder holds a
/// `Package.autogen.ini` (written by `autogen init -t package` next to the user's Package.swift),
/// its `[autogen]` section supplies the keys that autogen.ini's main section does not set (the
/// code settings: `script_location`, `environment_package`, `environment_product`,
/// `file_template`, `version_locations`, ...), and its `[post_write_hooks]` is read when
/// autogen.ini has none. autogen.ini wins for a key set in both, so a deployment's ini can
/// override anything; `-n` picks autogen.ini's section only. Each file interpolates its own
/// values (`%(here)s` is that file's folder) and errors name the file the value came from.
public struct AutogenConfig: Sendable, Hashable {
    /// The parsed file, for keys autogen itself does not read (`env.swift` may read its own).
    public let ini: IniFile
    /// The package's `Package.autogen.ini`, when the current folder has one: the lower layer.
    public let packageIni: IniFile?
    /// The main section: `autogen`, or the one picked with `-n`.
    public let section: String
    /// `script_location`, absolute (relative values are relative to the folder of the file that sets it).
    public let scriptLocation: String
    /// `url` (or the Alembic spelling `sqlalchemy.url`); nil when absent or empty.
    public let url: String?
    /// `file_template` after interpolation: `%(rev)s_%(slug)s` unless set.
    public let fileTemplate: String
    /// `truncate_slug_length`: 40 unless set.
    public let truncateSlugLength: Int
    /// `timezone` for revision create dates; nil means the local time zone.
    public let timezone: TimeZone?
    /// `version_locations`, absolute (as `script_location`); `<script_location>/versions` unless set.
    public let versionLocations: [String]
    /// `path_separator` (or `version_path_separator`); nil splits `version_locations` on commas and spaces.
    public let versionPathSeparator: VersionPathSeparator?
    /// `version_table`: `autogen_version` unless set.
    public let versionTable: String
    /// `version_table_schema`; nil for the default schema.
    public let versionTableSchema: String?
    /// `transaction_per_migration`: one transaction per revision instead of one for the whole run.
    public let transactionPerMigration: Bool
    /// `lock_timeout`: how many seconds a run waits for the migration lock (another run of
    /// `upgrade`, `downgrade` or `stamp` on the same database) before giving up; 300 unless set.
    public let lockTimeout: Int
    /// `online`: run PostgreSQL DDL so that it never queues long behind another session's lock
    /// (each statement waits at most `ddl_lock_timeout_ms`, then is tried again, up to
    /// `ddl_lock_retries` times). Default false.
    public let online: Bool
    /// `ddl_lock_timeout_ms`: with `online`, how long one DDL statement waits for its lock (2000).
    public let ddlLockTimeoutMilliseconds: Int
    /// `ddl_lock_retries`: with `online`, how many times a statement that gave up is tried again (5).
    public let ddlLockRetries: Int
    /// `online_min_rows`: the online plan for the tables of at least this many rows (the
    /// catalog's estimate) only, the plain one for smaller ones; nil: `online` decides alone.
    public let onlineMinRows: Int?
    /// `compare_type`: compare column types when autogenerating (default true).
    public let compareType: Bool
    /// `compare_server_default`: compare server defaults when autogenerating (default true).
    public let compareServerDefault: Bool
    /// `revision_environment`: run the migration environment for plain `autogen revision` too.
    public let revisionEnvironment: Bool
    /// `output_encoding`: always `utf-8` (the only encoding autogen writes).
    public let outputEncoding: String
    /// `environment_build`: how the migration environment is compiled, `release` (the default:
    /// a command starts in a few milliseconds; the first build takes longer) or `debug` (quicker
    /// rebuilds after each edit of the model or a revision, slower commands).
    public let environmentBuild: String
    /// `environment_package`, absolute: the SwiftPM package that holds the migration environment,
    /// the folder `swift build --package-path` is given. `script_location` unless set (the
    /// generic template: the environment is a package of its own); the user's package root for
    /// the package template, where the environment is one executable target of that package.
    public let environmentPackage: String
    /// `environment_product`: the executable product of `environment_package` that runs the
    /// environment commands (`swift build --product`, `.build/<environment_build>/<product>`);
    /// `env` unless set.
    public let environmentProduct: String
    /// `databases`: the section names of a multi-database setup, split on commas and spaces.
    public let databases: [String]
    /// The `-x key=value` arguments, for the migration environment.
    public let xArguments: [String: String]
    /// The hooks of `[post_write_hooks]`, in the order `hooks` lists them.
    public let postWriteHooks: PostWriteHooks
    /// Non-fatal findings, in file order.
    public let warnings: [ConfigWarning]

    /// `file_template`'s value when the key is absent.
    public static let defaultFileTemplate = "%(rev)s_%(slug)s"
    /// `truncate_slug_length`'s value when the key is absent.
    public static let defaultTruncateSlugLength = 40
    /// `version_table`'s value when the key is absent.
    public static let defaultVersionTable = "autogen_version"
    /// `lock_timeout`'s value when the key is absent: five minutes, as Liquibase's lock wait.
    public static let defaultLockTimeout = 300
    /// `environment_product`'s value when the key is absent.
    public static let defaultEnvironmentProduct = "env"
    /// The section of `Package.autogen.ini` that holds the code settings (whatever `-n` says).
    public static let packageSection = "autogen"

    /// Finds the ini file (`-c`, `AUTOGEN_CONFIG`, `./autogen.ini`), reads it and types its main
    /// section, over `./Package.autogen.ini` when the current folder has one.
    public static func load(_ options: ConfigOptions) throws(ConfigError) -> AutogenConfig {
        let file = options.configFile
        let ini = try IniFile(contentsOf: file.absolute, displayPath: file.display)
        let packageFile = options.packageFile
        var packageIni: IniFile?
        if FileManager.default.fileExists(atPath: packageFile.absolute) {
            packageIni = try IniFile(contentsOf: packageFile.absolute, displayPath: packageFile.display)
        }
        let besideIni = ConfigPath.resolve(ConfigOptions.packageFileName, against: ini.folder)
        if packageIni == nil, ini.section(options.section) != nil,
            ini.entry("script_location", in: options.section) == nil,
            FileManager.default.fileExists(atPath: besideIni)
        {
            // Run in another folder with -c: say where the code settings are, not just that one is missing.
            throw .packageFileNotHere(file: ini.path, section: options.section, folder: ini.folder)
        }
        let xArguments = try XArguments.parse(options.xArguments)
        return try AutogenConfig(
            ini: ini, section: options.section, packageIni: packageIni, xArguments: xArguments,
            environment: options.environment)
    }

    /// Types `section` of `ini` over `[autogen]` of `packageIni` (see the type's comment),
    /// resolving `${VAR}` from `environment` (also the hooks' environment and PATH).
    public init(
        ini: IniFile, section: String = ConfigOptions.defaultSection, packageIni: IniFile? = nil,
        xArguments: [String: String] = [:], environment: [String: String]
    ) throws(ConfigError) {
        guard let main = ini.section(section) else {
            throw .missingSection(file: ini.path, section: section, available: ini.sectionNames)
        }
        var reader = ConfigSectionReader(ini: ini, section: section, environment: environment)
        if let packageIni {
            reader.below = [
                ConfigSectionReader(ini: packageIni, section: Self.packageSection, environment: environment)
            ]
        }
        var warnings: [ConfigWarning] = []

        guard let scriptLocation = try reader.nonEmpty("script_location") else {
            let files = [ini.path] + (packageIni.map { [$0.path] } ?? [])
            throw .missingKey(file: files.joined(separator: " or "), section: section, key: "script_location")
        }
        let script = ConfigPath.resolve(scriptLocation, against: reader.holder(of: "script_location").ini.folder)

        let separator = try Self.separator(reader)
        let versionLocations: [String]
        if let listed = try reader.nonEmpty("version_locations") {
            let folder = reader.holder(of: "version_locations").ini.folder
            versionLocations = VersionPathSeparator.split(listed, by: separator).map {
                ConfigPath.resolve($0, against: folder)
            }
        } else {
            versionLocations = [script + "/versions"]
        }

        var timezone: TimeZone?
        if let found = try reader.string("timezone"), !found.value.isEmpty {
            guard let zone = TimeZone(identifier: found.value) else {
                throw reader.invalid(
                    "timezone", found.value, found.line, expected: "a time zone name such as UTC or Europe/Paris")
            }
            timezone = zone
        }

        if let found = try reader.string("output_encoding") {
            let spelled = found.value.lowercased()
            guard spelled == "utf-8" || spelled == "utf8" else {
                throw reader.invalid(
                    "output_encoding", found.value, found.line, expected: "utf-8 (the only encoding autogen writes)")
            }
        }

        self.ini = ini
        self.packageIni = packageIni
        self.section = section
        self.scriptLocation = script
        self.url = try Self.url(reader, main: main, warnings: &warnings)
        self.fileTemplate = try reader.string("file_template")?.value ?? Self.defaultFileTemplate
        self.truncateSlugLength = try reader.int(
            "truncate_slug_length", default: Self.defaultTruncateSlugLength, minimum: 1)
        self.timezone = timezone
        self.versionLocations = versionLocations
        self.versionPathSeparator = separator
        self.versionTable = try reader.nonEmpty("version_table") ?? Self.defaultVersionTable
        self.versionTableSchema = try reader.nonEmpty("version_table_schema")
        self.transactionPerMigration = try reader.bool("transaction_per_migration", default: false)
        self.lockTimeout = try reader.int("lock_timeout", default: Self.defaultLockTimeout, minimum: 0)
        self.online = try reader.bool("online", default: false)
        self.ddlLockTimeoutMilliseconds = try reader.int("ddl_lock_timeout_ms", default: 2000, minimum: 1)
        self.ddlLockRetries = try reader.int("ddl_lock_retries", default: 5, minimum: 0)
        self.onlineMinRows =
            try reader.nonEmpty("online_min_rows") == nil
            ? nil : try reader.int("online_min_rows", default: 0, minimum: 0)
        self.compareType = try reader.bool("compare_type", default: true)
        self.compareServerDefault = try reader.bool("compare_server_default", default: true)
        self.revisionEnvironment = try reader.bool("revision_environment", default: false)
        self.outputEncoding = "utf-8"
        if let (build, line) = try reader.string("environment_build"), !["release", "debug"].contains(build) {
            throw reader.invalid("environment_build", build, line, expected: "release or debug")
        }
        self.environmentBuild = try reader.string("environment_build")?.value ?? "release"
        self.environmentPackage =
            try reader.nonEmpty("environment_package").map {
                ConfigPath.resolve($0, against: reader.holder(of: "environment_package").ini.folder)
            } ?? script
        self.environmentProduct = try Self.product(reader)
        self.databases = try reader.nonEmpty("databases").map { VersionPathSeparator.split($0, by: nil) } ?? []
        self.xArguments = xArguments

        var layers = [(ini, main)]
        if let packageIni {
            warnings += Self.unreadSections(of: packageIni)
            if let packageMain = packageIni.section(Self.packageSection) { layers.append((packageIni, packageMain)) }
        }
        for (file, layer) in layers {
            for (key, reason) in ConfigKey.ignored {
                guard let ignored = layer.entry(key) else { continue }
                warnings.append(
                    ConfigWarning(file: file.path, line: ignored.line, message: "\"\(key)\" is ignored: \(reason)"))
            }
            for entry in layer.entries where !ConfigKey.known.contains(entry.key) {
                let hint = ConfigKey.suggestion(for: entry.key).map { " (did you mean \($0)?)" } ?? ""
                warnings.append(
                    ConfigWarning(
                        file: file.path, line: entry.line,
                        message: "unknown key \"\(entry.key)\" in [\(layer.name)]\(hint)"))
            }
        }
        // Alembic's rule: the ini's [post_write_hooks] when it has one, else the package file's.
        let hooksFile = ini.section("post_write_hooks") == nil ? packageIni ?? ini : ini
        let hooks = try PostWriteHooks.parse(hooksFile, environment: environment)
        self.postWriteHooks = hooks.hooks
        // autogen.ini's findings first, each file's in line order.
        func order(_ warning: ConfigWarning) -> (Int, Int, String) {
            (warning.file == ini.path ? 0 : 1, warning.line ?? 0, warning.message)
        }
        self.warnings = (warnings + hooks.warnings).sorted { order($0) < order($1) }
    }

    /// The URL, or an error saying where to set it (for the commands that connect).
    public func requireURL() throws(ConfigError) -> String {
        guard let url else { throw .missingKey(file: ini.path, section: section, key: "url") }
        return url
    }

    /// The URL with its password replaced by `***`, for messages and logs.
    public var redactedURL: String? { url.map(DatabaseURL.redact) }

    /// `path_separator`, else `version_path_separator`, else nil.
    private static func separator(_ reader: ConfigSectionReader) throws(ConfigError) -> VersionPathSeparator? {
        for key in ["path_separator", "version_path_separator"] {
            guard let found = try reader.string(key) else { continue }
            guard let separator = VersionPathSeparator(configValue: found.value) else {
                throw reader.invalid(key, found.value, found.line, expected: VersionPathSeparator.spellings)
            }
            return separator
        }
        return nil
    }

    /// `environment_product`: a product name, not a path; `env` when absent or empty.
    private static func product(_ reader: ConfigSectionReader) throws(ConfigError) -> String {
        guard let (value, line) = try reader.string("environment_product"), !value.isEmpty else {
            return defaultEnvironmentProduct
        }
        guard !value.contains("/"), !value.contains(where: \.isWhitespace) else {
            throw reader.invalid(
                "environment_product", value, line, expected: "the name of an executable product, without / or blanks")
        }
        return value
    }

    /// Warnings for the sections of the package file that autogen does not read.
    private static func unreadSections(of packageIni: IniFile) -> [ConfigWarning] {
        packageIni.sections.filter { ![packageSection, "post_write_hooks"].contains($0.name) }.map {
            ConfigWarning(
                file: packageIni.path, line: $0.line,
                message:
                    "section [\($0.name)] is not read from \(packageIni.path); it reads [autogen] and [post_write_hooks]"
            )
        }
    }

    /// `url`, else `sqlalchemy.url` with a hint to rename it.
    private static func url(
        _ reader: ConfigSectionReader, main: IniSection, warnings: inout [ConfigWarning]
    ) throws(ConfigError) -> String? {
        let url = try reader.nonEmpty("url")
        if let alias = reader.ini.entry("sqlalchemy.url", in: reader.section) {
            let message =
                url == nil
                ? "\"sqlalchemy.url\" is read as \"url\"; rename it to url"
                : "\"sqlalchemy.url\" is ignored because \"url\" is set"
            warnings.append(ConfigWarning(file: reader.ini.path, line: alias.line, message: message))
            if url == nil { return try reader.nonEmpty("sqlalchemy.url") }
        }
        return url
    }
}

extension AutogenConfig: CustomStringConvertible, CustomDebugStringConvertible {
    /// A one-line summary that never shows the URL's password.
    public var description: String {
        "\(ini.path) [\(section)]: script_location=\(scriptLocation), url=\(redactedURL ?? "(none)"), "
            + "version_table=\(versionTable), hooks=\(postWriteHooks.hooks.map(\.name).joined(separator: ","))"
    }

    public var debugDescription: String { "AutogenConfig(\(description))" }
}
