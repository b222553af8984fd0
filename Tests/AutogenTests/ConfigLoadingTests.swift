import Foundation
import Testing

@testable import Autogen

@Suite("ConfigLoading")
struct ConfigLoadingTests {
    /// A typed config from in-memory text, with its error message when it fails.
    private func config(_ text: String, section: String = "autogen", environment: [String: String] = [:]) throws
        -> AutogenConfig
    {
        try AutogenConfig(ini: ConfigFixtures.ini(text), section: section, environment: environment)
    }

    private func configError(_ text: String, section: String = "autogen", environment: [String: String] = [:])
        -> String?
    {
        do {
            _ = try config(text, section: section, environment: environment)
            return nil
        } catch {
            return "\(error)"
        }
    }

    // MARK: discovery

    @Test func dashCIsRelativeToTheCurrentFolder() throws {
        let folder = try ConfigFixtures.scratchFolder()
        try ConfigFixtures.write("[autogen]\nscript_location = migrations\n", to: "\(folder)/conf/main.ini")
        let options = ConfigOptions(file: "conf/main.ini", environment: [:], currentDirectory: folder)
        #expect(options.configFile.display == "conf/main.ini")
        let config = try AutogenConfig.load(options)
        #expect(config.ini.path == "conf/main.ini")
        #expect(config.ini.folder == "\(folder)/conf")
        #expect(config.scriptLocation == "\(folder)/conf/migrations")
        #expect(config.versionLocations == ["\(folder)/conf/migrations/versions"])
    }

    @Test func environmentVariableLocatesTheFileWhenDashCIsAbsent() throws {
        let folder = try ConfigFixtures.scratchFolder()
        try ConfigFixtures.write("[autogen]\nscript_location = from_env\n", to: "\(folder)/env.ini")
        try ConfigFixtures.write("[autogen]\nscript_location = from_flag\n", to: "\(folder)/flag.ini")
        try ConfigFixtures.write("[autogen]\nscript_location = from_cwd\n", to: "\(folder)/autogen.ini")
        let environment = ["AUTOGEN_CONFIG": "\(folder)/env.ini"]
        let fromEnvironment = try AutogenConfig.load(ConfigOptions(environment: environment, currentDirectory: "/"))
        #expect(fromEnvironment.scriptLocation == "\(folder)/from_env")
        let fromFlag = try AutogenConfig.load(
            ConfigOptions(file: "flag.ini", environment: environment, currentDirectory: folder))
        #expect(fromFlag.scriptLocation == "\(folder)/from_flag")
        let fromFolder = try AutogenConfig.load(
            ConfigOptions(environment: ["AUTOGEN_CONFIG": ""], currentDirectory: folder))
        #expect(fromFolder.scriptLocation == "\(folder)/from_cwd")
        #expect(fromFolder.ini.path == "autogen.ini")
    }

    @Test func missingFileSaysToRunInit() throws {
        let folder = try ConfigFixtures.scratchFolder()
        #expect(throws: ConfigError.fileNotFound(path: "autogen.ini")) {
            try AutogenConfig.load(ConfigOptions(environment: [:], currentDirectory: folder))
        }
        let error = ConfigError.fileNotFound(path: "conf/x.ini")
        #expect(
            error.description == "config file conf/x.ini not found; run `autogen init` to create one, or pass -c FILE")
        #expect(throws: ConfigError.unreadable(path: folder, reason: "it is a folder")) {
            try AutogenConfig.load(ConfigOptions(file: folder, environment: [:], currentDirectory: "/"))
        }
    }

    @Test func notUTF8IsReported() throws {
        let folder = try ConfigFixtures.scratchFolder()
        try Data([0x5B, 0x61, 0x5D, 0x0A, 0xFF, 0xFE]).write(to: URL(fileURLWithPath: "\(folder)/autogen.ini"))
        #expect(throws: ConfigError.unreadable(path: "autogen.ini", reason: "it is not valid UTF-8")) {
            try AutogenConfig.load(ConfigOptions(environment: [:], currentDirectory: folder))
        }
    }

    // MARK: -n and -x

    @Test func dashNPicksAnotherSection() throws {
        let text = """
            [autogen]
            script_location = main
            [reporting]
            script_location = reporting
            url = sqlite:///reporting.db
            """
        #expect(try config(text, section: "reporting").scriptLocation == "/srv/app/reporting")
        #expect(try config(text, section: "reporting").url == "sqlite:///reporting.db")
        #expect(
            configError(text, section: "Reporting")
                == "autogen.ini: no [Reporting] section (it has [autogen], [reporting]); pick one with -n NAME")
        #expect(
            configError("", section: "autogen")
                == "autogen.ini: no [autogen] section (it has no sections); pick one with -n NAME")
    }

    @Test func xArgumentsAreKeptForTheEnvironment() throws {
        let folder = try ConfigFixtures.scratchFolder()
        try ConfigFixtures.write("[autogen]\nscript_location = m\n", to: "\(folder)/autogen.ini")
        let options = ConfigOptions(
            xArguments: ["tenant=acme", "dsn=postgresql://h/db?a=b", "empty=", "tenant=globex"], environment: [:],
            currentDirectory: folder)
        let config = try AutogenConfig.load(options)
        #expect(config.xArguments == ["tenant": "globex", "dsn": "postgresql://h/db?a=b", "empty": ""])
        for bad in ["noequals", "=value", " =x"] {
            var options = options
            options.xArguments = [bad]
            #expect(throws: ConfigError.invalidXArgument(bad)) { try AutogenConfig.load(options) }
        }
        #expect(ConfigError.invalidXArgument("oops").description == "-x \"oops\" is not key=value")
    }

    // MARK: typed keys

    @Test func defaultsWithOnlyScriptLocation() throws {
        let config = try config("[autogen]\nscript_location = %(here)s/migrations\n")
        #expect(config.scriptLocation == "/srv/app/migrations")
        #expect(config.url == nil)
        #expect(config.fileTemplate == "%(rev)s_%(slug)s")
        #expect(config.truncateSlugLength == 40)
        #expect(config.timezone == nil)
        #expect(config.versionLocations == ["/srv/app/migrations/versions"])
        #expect(config.versionPathSeparator == nil)
        #expect(config.versionTable == "autogen_version")
        #expect(config.versionTableSchema == nil)
        #expect(config.transactionPerMigration == false)
        #expect(config.compareType == true)
        #expect(config.compareServerDefault == true)
        #expect(config.revisionEnvironment == false)
        #expect(config.outputEncoding == "utf-8")
        #expect(config.databases == [])
        #expect(config.xArguments == [:])
        #expect(config.postWriteHooks.hooks.isEmpty)
        #expect(config.warnings.isEmpty)
    }

    @Test func everyKeySet() throws {
        let config = try config(
            """
            [autogen]
            script_location = ../shared/./migrations
            url = postgresql://app:hunter2@db/shop
            file_template = %%(year)d_%%(month).2d_%%(rev)s_%%(slug)s
            truncate_slug_length = 20
            timezone = Europe/Paris
            path_separator = os
            version_locations = %(here)s/a:b/../c
            recursive_version_locations = yes
            version_table = schema_history
            version_table_schema = meta
            transaction_per_migration = on
            compare_type = off
            compare_server_default = 0
            revision_environment = TRUE
            output_encoding = UTF-8
            databases = engine1, engine2 engine3
            """)
        #expect(config.scriptLocation == "/srv/shared/migrations")
        #expect(config.url == "postgresql://app:hunter2@db/shop")
        #expect(config.fileTemplate == "%(year)d_%(month).2d_%(rev)s_%(slug)s")
        #expect(config.truncateSlugLength == 20)
        #expect(config.timezone?.identifier == "Europe/Paris")
        #expect(try self.config("[autogen]\nscript_location = m\ntimezone = UTC\n").timezone?.secondsFromGMT() == 0)
        #expect(config.versionPathSeparator == .os)
        #expect(config.versionLocations == ["/srv/app/a", "/srv/app/c"])
        #expect(
            config.warnings.map(\.message).contains(
                "\"recursive_version_locations\" is ignored: revision files in subfolders of a version location are always read, as the environment compiles every Swift file there"
            ))
        #expect(config.versionTable == "schema_history")
        #expect(config.versionTableSchema == "meta")
        #expect(config.transactionPerMigration == true)
        #expect(config.compareType == false)
        #expect(config.compareServerDefault == false)
        #expect(config.revisionEnvironment == true)
        #expect(config.databases == ["engine1", "engine2", "engine3"])
        #expect(config.warnings.count == 1)
    }

    @Test(arguments: [
        ("path_separator = os\nversion_locations = a:b c", ["/srv/app/a", "/srv/app/b c"]),
        ("path_separator = :\nversion_locations = a:b", ["/srv/app/a", "/srv/app/b"]),
        ("path_separator = ;\nversion_locations = a; b;;", ["/srv/app/a", "/srv/app/b"]),
        ("path_separator = space\nversion_locations = a  b", ["/srv/app/a", "/srv/app/b"]),
        ("path_separator = newline\nversion_locations =\n  a b\n  /abs/c", ["/srv/app/a b", "/abs/c"]),
        ("version_path_separator = ;\nversion_locations = a;b", ["/srv/app/a", "/srv/app/b"]),
        ("version_locations = a, b c", ["/srv/app/a", "/srv/app/b", "/srv/app/c"]),
    ])
    func versionLocationSeparators(lines: String, expected: [String]) throws {
        #expect(try config("[autogen]\nscript_location = m\n\(lines)\n").versionLocations == expected)
    }

    @Test func booleanSpellings() throws {
        for (spelling, expected) in [
            ("true", true), ("Yes", true), ("ON", true), ("1", true), ("false", false), ("no", false), ("Off", false),
            ("0", false),
        ] {
            #expect(try config("[autogen]\nscript_location = m\ncompare_type = \(spelling)\n").compareType == expected)
        }
    }

    @Test func environmentBuildIsReleaseUnlessSetToDebug() throws {
        #expect(try config("[autogen]\nscript_location = m\n").environmentBuild == "release")
        #expect(try config("[autogen]\nscript_location = m\nenvironment_build = debug\n").environmentBuild == "debug")
    }

    @Test(arguments: [
        (
            "compare_type = maybe",
            "autogen.ini:3: \"compare_type\" in [autogen] is \"maybe\"; expected true or false (also yes/no, on/off, 1/0)"
        ),
        (
            "truncate_slug_length = 0",
            "autogen.ini:3: \"truncate_slug_length\" in [autogen] is \"0\"; expected a whole number of at least 1"
        ),
        (
            "truncate_slug_length = ten",
            "autogen.ini:3: \"truncate_slug_length\" in [autogen] is \"ten\"; expected a whole number of at least 1"
        ),
        (
            "timezone = Mars/Olympus",
            "autogen.ini:3: \"timezone\" in [autogen] is \"Mars/Olympus\"; expected a time zone name such as UTC or Europe/Paris"
        ),
        (
            "path_separator = comma",
            "autogen.ini:3: \"path_separator\" in [autogen] is \"comma\"; expected os, space, newline, \";\" or \":\""
        ),
        (
            "environment_build = fast",
            "autogen.ini:3: \"environment_build\" in [autogen] is \"fast\"; expected release or debug"
        ),
        (
            "output_encoding = latin-1",
            "autogen.ini:3: \"output_encoding\" in [autogen] is \"latin-1\"; expected utf-8 (the only encoding autogen writes)"
        ),
    ])
    func badValuesNameKeyAndLine(line: String, message: String) {
        #expect(configError("[autogen]\nscript_location = m\n\(line)\n") == message)
    }

    @Test func badBooleanInheritedFromDefaultNamesTheDefaultSection() {
        #expect(
            configError("[DEFAULT]\ncompare_type = sometimes\n[autogen]\nscript_location = m\n")
                == "autogen.ini:2: \"compare_type\" in [DEFAULT] is \"sometimes\"; expected true or false (also yes/no, on/off, 1/0)"
        )
    }

    @Test func scriptLocationIsRequired() {
        #expect(
            configError("[autogen]\nurl = sqlite://\n")
                == "autogen.ini: [autogen] has no \"script_location\", which is required")
        #expect(
            configError("[autogen]\nscript_location =\n")
                == "autogen.ini: [autogen] has no \"script_location\", which is required")
    }

    @Test func urlFromTheEnvironmentAndRequireURL() throws {
        let text = "[autogen]\nscript_location = m\nurl = ${DATABASE_URL}\n"
        let config = try config(text, environment: ["DATABASE_URL": "sqlite:///x.db"])
        #expect(try config.requireURL() == "sqlite:///x.db")
        #expect(
            configError(text)
                == "autogen.ini:3: cannot substitute \"url\" in [autogen]: environment variable DATABASE_URL is not set"
        )
        let noURL = try self.config("[autogen]\nscript_location = m\n")
        #expect(throws: ConfigError.missingKey(file: "autogen.ini", section: "autogen", key: "url")) {
            try noURL.requireURL()
        }
    }

    @Test func descriptionNeverShowsThePassword() throws {
        let config = try config("[autogen]\nscript_location = m\nurl = postgresql://app:hunter2@db:5432/shop\n")
        #expect(config.redactedURL == "postgresql://app:***@db:5432/shop")
        #expect(!"\(config)".contains("hunter2"))
        #expect(!String(reflecting: config).contains("hunter2"))
        #expect(
            "\(config)"
                == "autogen.ini [autogen]: script_location=/srv/app/m, url=postgresql://app:***@db:5432/shop, version_table=autogen_version, hooks="
        )
    }

    // MARK: warnings

    @Test func unknownKeysWarnWithTheNearestSpelling() throws {
        let config = try config(
            """
            [DEFAULT]
            anything = is inherited, not warned about
            [autogen]
            script_location = m
            scrip_location = typo
            compare_types = true
            colour = blue
            prepend_sys_path = .
            """)
        #expect(
            config.warnings.map(\.description) == [
                "autogen.ini:5: unknown key \"scrip_location\" in [autogen] (did you mean script_location?)",
                "autogen.ini:6: unknown key \"compare_types\" in [autogen] (did you mean compare_type?)",
                "autogen.ini:7: unknown key \"colour\" in [autogen]",
                "autogen.ini:8: \"prepend_sys_path\" is ignored: the migration environment is a Swift package, with no sys.path",
            ])
    }

    @Test func sqlalchemyURLIsAnAliasWithAHint() throws {
        let alias = try config("[autogen]\nscript_location = m\nsqlalchemy.url = sqlite:///a.db\n")
        #expect(alias.url == "sqlite:///a.db")
        #expect(
            alias.warnings.map(\.description) == [
                "autogen.ini:3: \"sqlalchemy.url\" is read as \"url\"; rename it to url"
            ])
        let both = try config("[autogen]\nscript_location = m\nsqlalchemy.url = sqlite:///a.db\nurl = sqlite:///b.db\n")
        #expect(both.url == "sqlite:///b.db")
        #expect(
            both.warnings.map(\.description) == ["autogen.ini:3: \"sqlalchemy.url\" is ignored because \"url\" is set"])
    }

    @Test func suggestionsNeedToBeClose() {
        #expect(ConfigKey.suggestion(for: "version_tabel") == "version_table")
        #expect(ConfigKey.suggestion(for: "timezon") == "timezone")
        #expect(ConfigKey.suggestion(for: "xyz") == nil)
        #expect(ConfigKey.editDistance("kitten", "sitting") == 3)
        #expect(ConfigKey.editDistance("", "abc") == 3)
        #expect(ConfigKey.editDistance("abc", "") == 3)
    }
}
