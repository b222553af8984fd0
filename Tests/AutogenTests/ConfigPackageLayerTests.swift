import Foundation
import Testing

@testable import Autogen

/// The package template's two config files: autogen.ini (deployment) over the current folder's
/// Package.autogen.ini (code), with autogen.ini winning as alembic.ini wins over pyproject.toml.
@Suite("ConfigPackageLayer")
struct ConfigPackageLayerTests {
    /// `ini` as autogen.ini over `package` as Package.autogen.ini, both in memory in /srv/app.
    private func layered(_ ini: String, _ package: String, section: String = "autogen") throws -> AutogenConfig {
        try AutogenConfig(
            ini: ConfigFixtures.ini(ini), section: section,
            packageIni: IniFile(parsing: package, path: "Package.autogen.ini", folder: "/srv/pkg"),
            environment: ["PATH": "/usr/bin"])
    }

    private func error(_ body: () throws -> Any) -> String? {
        do {
            _ = try body()
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func theIniWinsAndThePackageFileFillsTheRest() throws {
        let config = try layered(
            """
            [autogen]
            url = sqlite:///prod.db
            file_template = %%(rev)s
            """,
            """
            [autogen]
            script_location = %(here)s/Sources/Migrations
            environment_package = %(here)s
            environment_product = Migrations
            file_template = %%(slug)s_%%(rev)s
            url = sqlite:///dev.db
            version_locations = Sources/Migrations/versions
            """)
        #expect(config.url == "sqlite:///prod.db")
        #expect(config.fileTemplate == "%(rev)s")
        #expect(config.scriptLocation == "/srv/pkg/Sources/Migrations")
        #expect(config.environmentPackage == "/srv/pkg")
        #expect(config.environmentProduct == "Migrations")
        // Relative paths are relative to the file that sets them.
        #expect(config.versionLocations == ["/srv/pkg/Sources/Migrations/versions"])
        #expect(config.warnings.isEmpty, "\(config.warnings)")
        let overridden = try layered(
            "[autogen]\nscript_location = db\nenvironment_product = Other\n",
            "[autogen]\nscript_location = %(here)s/Sources/Migrations\nenvironment_product = Migrations\n")
        #expect(overridden.scriptLocation == "/srv/app/db")
        #expect(overridden.environmentPackage == "/srv/app/db", "defaults to script_location")
        #expect(overridden.environmentProduct == "Other")
    }

    @Test func withoutAPackageFileTheEnvironmentIsTheScriptLocationsEnvPackage() throws {
        let config = try AutogenConfig(
            ini: ConfigFixtures.ini("[autogen]\nscript_location = migrations\n"), environment: [:])
        #expect(config.packageIni == nil)
        #expect(config.environmentPackage == "/srv/app/migrations")
        #expect(config.environmentProduct == "env")
        let package = EnvironmentPackage(config: config)
        #expect(package.binary == "/srv/app/migrations/.build/release/env")
        #expect(package.stamp == "/srv/app/migrations/.build/autogen-env-release.stamp")
        #expect(package.manifest == "/srv/app/migrations/Package.swift")
    }

    @Test func thePackageFileDecidesTheBuildOfTheUsersPackage() throws {
        let config = try layered(
            "[autogen]\nurl = sqlite:///app.db\nenvironment_build = debug\n",
            "[autogen]\nscript_location = %(here)s/Sources/Migrations\nenvironment_package = %(here)s\n"
                + "environment_product = Migrations\n")
        let package = EnvironmentPackage(config: config)
        #expect(package.folder == "/srv/pkg")
        #expect(package.product == "Migrations")
        #expect(package.sourceFolder == "/srv/pkg/Sources/Migrations")
        #expect(package.binary == "/srv/pkg/.build/debug/Migrations")
        #expect(package.stamp == "/srv/pkg/.build/autogen-Migrations-debug.stamp")
        #expect(package.manifest == "/srv/pkg/Package.swift")
    }

    @Test func hooksComeFromTheIniWhenItHasTheSectionElseFromThePackageFile() throws {
        let package = """
            [autogen]
            script_location = m
            [post_write_hooks]
            hooks = fmt
            fmt.type = exec
            fmt.executable = swift-format
            fmt.cwd = .
            """
        let fromPackage = try layered("[autogen]\n", package)
        #expect(fromPackage.postWriteHooks.hooks.map(\.name) == ["fmt"])
        #expect(fromPackage.postWriteHooks.hooks.first?.cwd == "/srv/pkg")
        let fromIni = try layered("[autogen]\n[post_write_hooks]\nhooks = lint\nlint.type = console\n", package)
        #expect(fromIni.postWriteHooks.hooks.map(\.name) == ["lint"])
        let none = try layered("[autogen]\n[post_write_hooks]\n", package)
        #expect(none.postWriteHooks.hooks.isEmpty, "an empty section in the ini turns the package's hooks off")
    }

    @Test func warningsAndErrorsNameThePackageFile() throws {
        let config = try layered(
            "[autogen]\nurl = sqlite://\n",
            "[autogen]\nscript_location = m\nscrip_location = n\n[tool.autogen]\nx = 1\n")
        #expect(
            config.warnings.map(\.description) == [
                "Package.autogen.ini:3: unknown key \"scrip_location\" in [autogen] (did you mean script_location?)",
                "Package.autogen.ini:4: section [tool.autogen] is not read from Package.autogen.ini; it reads "
                    + "[autogen] and [post_write_hooks]",
            ])
        #expect(
            error { try layered("[autogen]\n", "[autogen]\nscript_location = m\nenvironment_product = a/b\n") }
                == "Package.autogen.ini:3: \"environment_product\" in [autogen] is \"a/b\"; expected the name of an "
                + "executable product, without / or blanks")
        #expect(
            error { try layered("[autogen]\n", "[autogen]\nscript_location = m\nenvironment_build = fast\n") }
                == "Package.autogen.ini:3: \"environment_build\" in [autogen] is \"fast\"; expected release or debug")
        #expect(
            error { try layered("[autogen]\nurl = sqlite://\n", "[autogen]\nfile_template = x\n") }
                == "autogen.ini or Package.autogen.ini: [autogen] has no \"script_location\", which is required")
        #expect(
            error { try layered("[autogen]\n", "[autogen]\nscript_location = %(nope)s\n") }
                == "Package.autogen.ini:2: cannot interpolate \"script_location\" in [autogen]: %(nope)s names no key "
                + "in [autogen] or [DEFAULT]; write %% for a literal percent")
    }

    @Test func dashNPicksTheIniSectionOnlyAndLoadReadsThePackageFileFromTheCurrentFolder() throws {
        let folder = try ConfigFixtures.scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try ConfigFixtures.write(
            "[autogen]\nurl = sqlite:///a.db\n[other]\nurl = sqlite:///b.db\n", to: "\(folder)/autogen.ini")
        try ConfigFixtures.write(
            "[autogen]\nscript_location = %(here)s/Sources/Migrations\nenvironment_product = Migrations\n",
            to: "\(folder)/Package.autogen.ini")
        let other = try AutogenConfig.load(
            ConfigOptions(section: "other", environment: [:], currentDirectory: folder))
        #expect(other.url == "sqlite:///b.db")
        #expect(other.scriptLocation == "\(folder)/Sources/Migrations")
        #expect(other.packageIni?.path == "Package.autogen.ini")
        // From another folder with -c, the package file is not read (as Alembic's pyproject.toml),
        // and the error says where to run autogen.
        let elsewhere = try ConfigFixtures.scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: elsewhere) }
        #expect(
            error {
                try AutogenConfig.load(
                    ConfigOptions(file: "\(folder)/autogen.ini", environment: [:], currentDirectory: elsewhere))
            }
                == "\(folder)/autogen.ini: [autogen] has no \"script_location\", and \(folder)/Package.autogen.ini is "
                + "read only from the folder autogen runs in: run autogen in \(folder)")
        // An ini that sets script_location itself needs no package file.
        try ConfigFixtures.write("[autogen]\nscript_location = db\n", to: "\(folder)/own.ini")
        let own = try AutogenConfig.load(
            ConfigOptions(file: "\(folder)/own.ini", environment: [:], currentDirectory: elsewhere))
        #expect(own.scriptLocation == "\(folder)/db")
        #expect(own.packageIni == nil)
        try FileManager.default.removeItem(atPath: "\(folder)/Package.autogen.ini")
        #expect(
            error {
                try AutogenConfig.load(ConfigOptions(environment: [:], currentDirectory: folder))
            } == "autogen.ini: [autogen] has no \"script_location\", which is required")
    }
}
