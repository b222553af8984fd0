/// The shipped templates' files, embedded so that a copied `autogen` binary can still lay out
/// a project and write revisions.
///
/// Generated from the files under `templates/`: after editing one, run
/// `AUTOGEN_RECORD_SNAPSHOTS=1 swift test --filter TemplateBuiltinTests` to rewrite this file;
/// a test checks that the two agree byte for byte.
public enum BuiltinTemplates {
    /// Each file's text by its path under `templates/`, e.g. `generic/script.swift.mako`.
    public static let files: [String: String] = [
        "async/.swift-format": #"""
        {
          "version": 1,
          "lineLength": 120,
          "indentation": { "spaces": 4 },
          "maximumBlankLines": 1,
          "respectsExistingLineBreaks": true,
          "lineBreakBeforeEachArgument": false,
          "rules": {
            "AlwaysUseLowerCamelCase": false,
            "NeverForceUnwrap": true,
            "NeverUseForceTry": true,
            "OrderedImports": true
          }
        }

        """#,
        "async/Package.swift.mako": #"""
        ## The migration environment's Package.swift that `autogen init` writes.
        ## Variables: package_dependency (how it depends on autogen: `.package(name: "autogen", path: ...)`,
        ## or `.package(url: ..., from: ...)` after `init --package-url URL --package-version X.Y.Z`),
        ## autogen_package (the name the Autogen product and the RevisionIndex plugin are found under).
        // swift-tools-version: 6.1
        // The migration environment: `autogen` builds this package and runs its `env` executable for
        // the commands that need the model or the revision bodies (upgrade, downgrade, current,
        // stamp, check, revision --autogenerate).
        import PackageDescription

        let package = Package(
            name: "env",
            platforms: [.macOS(.v13)],
            dependencies: [
                ${package_dependency}
            ],
            targets: [
                .executableTarget(
                    name: "env",
                    dependencies: [.product(name: "Autogen", package: ${repr(autogen_package)})],
                    path: ".",
                    sources: ["env.swift", "model.swift", "versions"],
                    // The model and the revisions are mostly data: unoptimized, they compile in a quarter of
                    // the time, while the Autogen library they call is optimized in release builds. Release
                    // assertion semantics keep a fatal error in them to one line, without a stack trace.
                    swiftSettings: [.unsafeFlags(["-Onone", "-assert-config", "Release"])],
                    plugins: [.plugin(name: "RevisionIndex", package: ${repr(autogen_package)})]
                )
            ]
        )

        """#,
        "async/README": #"""
        A migration environment for autogen whose revision bodies and hooks are async (template "async").

          Package.swift      the environment package: an executable "env" built from env.swift,
                             model.swift and versions/, against the Autogen library
          env.swift          the entry point: hands the model, the compiled revisions and the hooks
                             (database URL, compare options, rewriting the ops found) to autogen; the
                             hooks are async functions, so they may await a secrets manager or a service
          model.swift        the target schema, in the ModelDSL
          script.swift.mako  the template of new revision files: `upgrade` and `downgrade` are
                             `async throws`, so a revision body may await (fetch data to migrate, ...)
          versions/          the revision files, one revision per file
          .swift-format      the style the post-write hook formats new revision files with

        autogen.ini (next to where `autogen init` ran) says where this folder is and which database
        it migrates (url = sqlite:///app.db by default).

          autogen revision --autogenerate -m "create tables"   write the model's changes as a revision
          autogen upgrade head                                  apply the revisions
          autogen check                                         exit 1 while the model and database differ
          autogen downgrade -1                                  revert the last revision
          autogen history                                       list the revisions

        Commands that need the model or the revision bodies build this package (only when a source
        changed) and run its binary; history, heads, branches, show, plain revision and merge read
        the revision files as text and never build.

        """#,
        "async/autogen.ini.mako": #"""
        ## The autogen.ini that `autogen init` writes in the current folder.
        ## Variables: script_location (the migration environment's folder, as the ini spells it).
        # autogen's configuration: where the migration environment is, which database it migrates.
        [autogen]
        # The migration environment: a SwiftPM package (Package.swift, env.swift, model.swift,
        # script.swift.mako, versions/). %(here)s is the folder of this file.
        script_location = ${script_location}

        # The database. sqlite:///app.db is relative to the folder autogen runs in;
        # postgresql://user:password@host:5432/dbname for PostgreSQL.
        url = sqlite:///app.db

        # New revision files are named <rev>_<slug>.swift (%% is a literal percent sign).
        file_template = %%(rev)s_%%(slug)s

        # The table that records the database's revision.
        # version_table = autogen_version

        # How autogen compiles the migration environment: release (commands start in milliseconds;
        # the first build takes about a minute and a half) or debug (quicker rebuilds after editing
        # the model or a revision, slower commands).
        # environment_build = release

        [post_write_hooks]
        # Run on every new revision file: the toolchain's swift-format, with .swift-format in the
        # migration environment's folder.
        hooks = swift_format
        swift_format.type = exec
        swift_format.executable = swift-format
        swift_format.options = format --in-place REVISION_SCRIPT_FILENAME

        """#,
        "async/env.swift": #"""
        // The migration environment's entry point: it hands the target schema (model.swift), the
        // compiled revisions (versions/, listed by the RevisionIndex plugin) and the async hooks below
        // to autogen, which runs the command line it was started with.
        import Autogen

        @main
        struct Environment {
            static func main() async {
                await AutogenEnvironment.main(schema: schema, revisions: AutogenRevisionIndex.revisions, hooks: hooks)
            }

            static let hooks = EnvironmentHooks(url: databaseURL, compare: compareOptions, rewriteOps: rewrite)

            /// The database URL: gets autogen.ini's `url`, returns the one to use. This is the place to
            /// await a secrets manager or a configuration service, e.g.
            /// `return try await secrets.string(named: "database-url") ?? configured`.
            static func databaseURL(_ configured: String?) async throws -> String? {
                configured
            }

            /// What `check` and `revision --autogenerate` compare, after autogen.ini's compare_type and
            /// compare_server_default: e.g. `options.excludeTables = ["legacy_*"]`, `options.schemas`,
            /// or `options.includeObject = { object in object.name != "spatial_ref_sys" }`.
            static func compareOptions(_ options: inout CompareOptions) async throws {}

            /// The ops found, before `revision --autogenerate` writes them (the downgrade is their
            /// reverse) and `check` reports them: drop, change or add ops, awaiting whatever decides
            /// (`context` names the command, the new revision and the database); none left means no
            /// changes.
            static func rewrite(_ ops: [MigrationOp], _ context: RewriteContext) async throws -> [MigrationOp] {
                ops
            }
        }

        """#,
        "async/model.swift": #"""
        // The target schema: what the database should look like. `autogen revision --autogenerate`
        // compares it with the database and writes the difference as a new revision;
        // `autogen check` fails while they differ.
        import Autogen

        let schema: Schema = Schema {
            Enum("account_status", ["active", "suspended", "closed"])

            Table("organization") {
                Column("id", .integer).primaryKey()
                Column("name", .varchar(100)).notNull().unique()
                Column("created_at", .timestamp(withTimeZone: true)).notNull().default(.sql("CURRENT_TIMESTAMP"))
            }
            .comment("Customer organizations")

            Table("account") {
                Column("id", .bigint).primaryKey()
                Column("org_id", .integer).notNull().references("organization", "id", onDelete: .cascade)
                Column("email", .text).notNull().comment("login e-mail")
                Column("balance", .numeric(10, 2)).notNull().default(0)
                Column("status", .enumeration("account_status")).notNull().default("active")
                Column("profile", .json)
                Index("ix_account_email_lower", expressions: ["lower(email)"], unique: true)
                Index("ix_account_org_status", "org_id", "status").where("status <> 'closed'")
                Unique("uq_account_org_email", "org_id", "email")
                Check("ck_account_balance_nonneg", "balance >= 0")
            }
        }

        """#,
        "async/script.swift.mako": #"""
        ## The template autogen renders to write a new revision file, versions/<rev>_<slug>.swift,
        ## with `async throws` upgrade and downgrade functions.
        ## Lines that start with ## are template comments and do not reach the output.
        ##
        ## Variables: up_revision (the new id), down_revision (a list: empty for a base, several ids
        ## for a merge), branch_labels (list), depends_on (list), message, create_date, type_name
        ## (Revision_<id>), imports (extra import lines, may be empty), upgrades and downgrades (the
        ## generated bodies, may be empty; statements without indentation of their own).
        ## Functions: repr(x) writes x as a Swift literal; lines(text) is the list of text's lines;
        ## indent(text, 8) puts 8 spaces before every line that is not blank. A body is written as
        ## `        ${indent(upgrades, 8) | trim}`: trim drops the first line's added indentation (the
        ## template's own 8 spaces stand there) and any leading or trailing blank lines.
        ##
        ## The six `static let` declarations are read as text by `autogen history` and friends, so
        ## each stays on one line; when one is longer than swift-format's 120 columns it gets a
        ## `// swift-format-ignore` so that the post-write hook does not wrap it.
        // Generated by autogen from script.swift.mako. Review it, then edit the bodies as you need.
        import Autogen
        % if imports:
        ${imports | trim}
        % endif

        % for line in lines(message):
        ${"/// " + line | trim}
        % endfor
        % if message:
        ///
        % endif
        /// Revision ID: ${up_revision}
        /// Revises: ${down_revision if down_revision else "<base>" | comma}
        /// Create Date: ${create_date}
        struct ${type_name}: Revision {
        % if len(repr(up_revision)) > 100:
            // swift-format-ignore
        % endif
            static let id = ${repr(up_revision)}
        % if len(repr(down_revision)) > 79:
            // swift-format-ignore
        % endif
            static let downRevisions: [String] = ${repr(down_revision)}
        % if len(repr(branch_labels)) > 80:
            // swift-format-ignore
        % endif
            static let branchLabels: [String] = ${repr(branch_labels)}
        % if len(repr(depends_on)) > 83:
            // swift-format-ignore
        % endif
            static let dependsOn: [String] = ${repr(depends_on)}
        % if len(repr(message)) > 95:
            // swift-format-ignore
        % endif
            static let message = ${repr(message)}
        % if len(repr(create_date)) > 92:
            // swift-format-ignore
        % endif
            static let createDate = ${repr(create_date)}

            func upgrade(_ op: Operations) async throws {
        % if upgrades:
                // commands generated by autogen: please review
                ${indent(upgrades, 8) | trim}
                // end of generated commands
        % else:
                // no changes
        % endif
            }

            func downgrade(_ op: Operations) async throws {
        % if downgrades:
                // commands generated by autogen: please review
                ${indent(downgrades, 8) | trim}
                // end of generated commands
        % else:
                // no changes
        % endif
            }
        }

        """#,
        "async/versions/.gitkeep": #"""

        """#,
        "generic/.swift-format": #"""
        {
          "version": 1,
          "lineLength": 120,
          "indentation": { "spaces": 4 },
          "maximumBlankLines": 1,
          "respectsExistingLineBreaks": true,
          "lineBreakBeforeEachArgument": false,
          "rules": {
            "AlwaysUseLowerCamelCase": false,
            "NeverForceUnwrap": true,
            "NeverUseForceTry": true,
            "OrderedImports": true
          }
        }

        """#,
        "generic/Package.swift.mako": #"""
        ## The migration environment's Package.swift that `autogen init` writes.
        ## Variables: package_dependency (how it depends on autogen: `.package(name: "autogen", path: ...)`,
        ## or `.package(url: ..., from: ...)` after `init --package-url URL --package-version X.Y.Z`),
        ## autogen_package (the name the Autogen product and the RevisionIndex plugin are found under).
        // swift-tools-version: 6.1
        // The migration environment: `autogen` builds this package and runs its `env` executable for
        // the commands that need the model or the revision bodies (upgrade, downgrade, current,
        // stamp, check, revision --autogenerate).
        import PackageDescription

        let package = Package(
            name: "env",
            platforms: [.macOS(.v13)],
            dependencies: [
                ${package_dependency}
            ],
            targets: [
                .executableTarget(
                    name: "env",
                    dependencies: [.product(name: "Autogen", package: ${repr(autogen_package)})],
                    path: ".",
                    sources: ["env.swift", "model.swift", "versions"],
                    // The model and the revisions are mostly data: unoptimized, they compile in a quarter of
                    // the time, while the Autogen library they call is optimized in release builds. Release
                    // assertion semantics keep a fatal error in them to one line, without a stack trace.
                    swiftSettings: [.unsafeFlags(["-Onone", "-assert-config", "Release"])],
                    plugins: [.plugin(name: "RevisionIndex", package: ${repr(autogen_package)})]
                )
            ]
        )

        """#,
        "generic/README": #"""
        A migration environment for autogen, one database (template "generic").

          Package.swift      the environment package: an executable "env" built from env.swift,
                             model.swift and versions/, against the Autogen library
          env.swift          the entry point: hands the model, the compiled revisions and the hooks
                             (database URL, compare options, rewriting the ops found) to autogen
          model.swift        the target schema, in the ModelDSL
          script.swift.mako  the template of new revision files
          versions/          the revision files, one revision per file
          .swift-format      the style the post-write hook formats new revision files with

        autogen.ini (next to where `autogen init` ran) says where this folder is and which database
        it migrates (url = sqlite:///app.db by default).

          autogen revision --autogenerate -m "create tables"   write the model's changes as a revision
          autogen upgrade head                                  apply the revisions
          autogen check                                         exit 1 while the model and database differ
          autogen downgrade -1                                  revert the last revision
          autogen history                                       list the revisions

        Commands that need the model or the revision bodies build this package (only when a source
        changed) and run its binary; history, heads, branches, show, plain revision and merge read
        the revision files as text and never build.

        """#,
        "generic/autogen.ini.mako": #"""
        ## The autogen.ini that `autogen init` writes in the current folder.
        ## Variables: script_location (the migration environment's folder, as the ini spells it).
        # autogen's configuration: where the migration environment is, which database it migrates.
        [autogen]
        # The migration environment: a SwiftPM package (Package.swift, env.swift, model.swift,
        # script.swift.mako, versions/). %(here)s is the folder of this file.
        script_location = ${script_location}

        # The database. sqlite:///app.db is relative to the folder autogen runs in;
        # postgresql://user:password@host:5432/dbname for PostgreSQL.
        url = sqlite:///app.db

        # New revision files are named <rev>_<slug>.swift (%% is a literal percent sign).
        file_template = %%(rev)s_%%(slug)s

        # The table that records the database's revision.
        # version_table = autogen_version

        # How autogen compiles the migration environment: release (commands start in milliseconds;
        # the first build takes about a minute and a half) or debug (quicker rebuilds after editing
        # the model or a revision, slower commands).
        # environment_build = release

        [post_write_hooks]
        # Run on every new revision file: the toolchain's swift-format, with .swift-format in the
        # migration environment's folder.
        hooks = swift_format
        swift_format.type = exec
        swift_format.executable = swift-format
        swift_format.options = format --in-place REVISION_SCRIPT_FILENAME

        """#,
        "generic/env.swift": #"""
        // The migration environment's entry point: it hands the target schema (model.swift), the
        // compiled revisions (versions/, listed by the RevisionIndex plugin) and the hooks below to
        // autogen, which runs the command line it was started with.
        import Autogen

        @main
        struct Environment {
            static func main() async {
                await AutogenEnvironment.main(schema: schema, revisions: AutogenRevisionIndex.revisions, hooks: hooks)
            }

            /// Where to change how the commands run. Each hook below does what autogen does without it;
            /// a hook may also be `async`.
            static let hooks = EnvironmentHooks(
                // The database URL: gets autogen.ini's `url`, returns the one to use, e.g.
                // `ProcessInfo.processInfo.environment["DATABASE_URL"] ?? configured` (import Foundation).
                url: { configured in configured },
                // What `check` and `revision --autogenerate` compare, after autogen.ini's compare_type and
                // compare_server_default: e.g. `options.excludeTables = ["legacy_*"]`, `options.schemas`,
                // or `options.includeObject = { object in object.name != "spatial_ref_sys" }`.
                compare: { options in },
                // The ops found, before `revision --autogenerate` writes them (the downgrade is their
                // reverse) and `check` reports them: drop, change or add ops; none left means no changes.
                rewriteOps: { ops, context in ops }
            )
        }

        """#,
        "generic/model.swift": #"""
        // The target schema: what the database should look like. `autogen revision --autogenerate`
        // compares it with the database and writes the difference as a new revision;
        // `autogen check` fails while they differ.
        import Autogen

        let schema: Schema = Schema {
            Enum("account_status", ["active", "suspended", "closed"])

            Table("organization") {
                Column("id", .integer).primaryKey()
                Column("name", .varchar(100)).notNull().unique()
                Column("created_at", .timestamp(withTimeZone: true)).notNull().default(.sql("CURRENT_TIMESTAMP"))
            }
            .comment("Customer organizations")

            Table("account") {
                Column("id", .bigint).primaryKey()
                Column("org_id", .integer).notNull().references("organization", "id", onDelete: .cascade)
                Column("email", .text).notNull().comment("login e-mail")
                Column("balance", .numeric(10, 2)).notNull().default(0)
                Column("status", .enumeration("account_status")).notNull().default("active")
                Column("profile", .json)
                Index("ix_account_email_lower", expressions: ["lower(email)"], unique: true)
                Index("ix_account_org_status", "org_id", "status").where("status <> 'closed'")
                Unique("uq_account_org_email", "org_id", "email")
                Check("ck_account_balance_nonneg", "balance >= 0")
            }
        }

        """#,
        "generic/script.swift.mako": #"""
        ## The template autogen renders to write a new revision file, versions/<rev>_<slug>.swift.
        ## Lines that start with ## are template comments and do not reach the output.
        ##
        ## Variables: up_revision (the new id), down_revision (a list: empty for a base, several ids
        ## for a merge), branch_labels (list), depends_on (list), message, create_date, type_name
        ## (Revision_<id>), imports (extra import lines, may be empty), upgrades and downgrades (the
        ## generated bodies, may be empty; statements without indentation of their own).
        ## Functions: repr(x) writes x as a Swift literal; lines(text) is the list of text's lines;
        ## indent(text, 8) puts 8 spaces before every line that is not blank. A body is written as
        ## `        ${indent(upgrades, 8) | trim}`: trim drops the first line's added indentation (the
        ## template's own 8 spaces stand there) and any leading or trailing blank lines.
        ##
        ## The six `static let` declarations are read as text by `autogen history` and friends, so
        ## each stays on one line; when one is longer than swift-format's 120 columns it gets a
        ## `// swift-format-ignore` so that the post-write hook does not wrap it.
        // Generated by autogen from script.swift.mako. Review it, then edit the bodies as you need.
        import Autogen
        % if imports:
        ${imports | trim}
        % endif

        % for line in lines(message):
        ${"/// " + line | trim}
        % endfor
        % if message:
        ///
        % endif
        /// Revision ID: ${up_revision}
        /// Revises: ${down_revision if down_revision else "<base>" | comma}
        /// Create Date: ${create_date}
        struct ${type_name}: Revision {
        % if len(repr(up_revision)) > 100:
            // swift-format-ignore
        % endif
            static let id = ${repr(up_revision)}
        % if len(repr(down_revision)) > 79:
            // swift-format-ignore
        % endif
            static let downRevisions: [String] = ${repr(down_revision)}
        % if len(repr(branch_labels)) > 80:
            // swift-format-ignore
        % endif
            static let branchLabels: [String] = ${repr(branch_labels)}
        % if len(repr(depends_on)) > 83:
            // swift-format-ignore
        % endif
            static let dependsOn: [String] = ${repr(depends_on)}
        % if len(repr(message)) > 95:
            // swift-format-ignore
        % endif
            static let message = ${repr(message)}
        % if len(repr(create_date)) > 92:
            // swift-format-ignore
        % endif
            static let createDate = ${repr(create_date)}

            func upgrade(_ op: Operations) throws {
        % if upgrades:
                // commands generated by autogen: please review
                ${indent(upgrades, 8) | trim}
                // end of generated commands
        % else:
                // no changes
        % endif
            }

            func downgrade(_ op: Operations) throws {
        % if downgrades:
                // commands generated by autogen: please review
                ${indent(downgrades, 8) | trim}
                // end of generated commands
        % else:
                // no changes
        % endif
            }
        }

        """#,
        "generic/versions/.gitkeep": #"""

        """#,
        "multidb/.swift-format": #"""
        {
          "version": 1,
          "lineLength": 120,
          "indentation": { "spaces": 4 },
          "maximumBlankLines": 1,
          "respectsExistingLineBreaks": true,
          "lineBreakBeforeEachArgument": false,
          "rules": {
            "AlwaysUseLowerCamelCase": false,
            "NeverForceUnwrap": true,
            "NeverUseForceTry": true,
            "OrderedImports": true
          }
        }

        """#,
        "multidb/Package.swift.mako": #"""
        ## The migration environment's Package.swift that `autogen init` writes.
        ## Variables: package_dependency (how it depends on autogen: `.package(name: "autogen", path: ...)`,
        ## or `.package(url: ..., from: ...)` after `init --package-url URL --package-version X.Y.Z`),
        ## autogen_package (the name the Autogen product and the RevisionIndex plugin are found under).
        // swift-tools-version: 6.1
        // The migration environment: `autogen` builds this package and runs its `env` executable for
        // the commands that need the model or the revision bodies (upgrade, downgrade, current,
        // stamp, check, revision --autogenerate).
        import PackageDescription

        let package = Package(
            name: "env",
            platforms: [.macOS(.v13)],
            dependencies: [
                ${package_dependency}
            ],
            targets: [
                .executableTarget(
                    name: "env",
                    dependencies: [.product(name: "Autogen", package: ${repr(autogen_package)})],
                    path: ".",
                    sources: ["env.swift", "model.swift", "versions"],
                    // The model and the revisions are mostly data: unoptimized, they compile in a quarter of
                    // the time, while the Autogen library they call is optimized in release builds. Release
                    // assertion semantics keep a fatal error in them to one line, without a stack trace.
                    swiftSettings: [.unsafeFlags(["-Onone", "-assert-config", "Release"])],
                    plugins: [.plugin(name: "RevisionIndex", package: ${repr(autogen_package)})]
                )
            ]
        )

        """#,
        "multidb/README": #"""
        A migration environment for autogen, several databases, each with its own model, URL and version table (template "multidb").

          Package.swift      the environment package: an executable "env" built from env.swift,
                             model.swift and versions/, against the Autogen library
          env.swift          the entry point: hands each database's model (by the name autogen.ini's
                             `databases` gives it), the compiled revisions and the hooks to autogen
          model.swift        the target schemas, one per database, in the ModelDSL
          script.swift.mako  the template of new revision files: `upgrade` and `downgrade` switch on
                             `op.database` to one function per database (upgradeMain, upgradeAudit, ...)
          versions/          the revision files, one revision per file, each covering every database
          .swift-format      the style the post-write hook formats new revision files with

        autogen.ini (next to where `autogen init` ran) lists the databases (`databases = main, audit`)
        and has a section per database with its `url` and, optionally, its own `version_table`. To add
        a database: add its name to `databases`, give it a section with a url, declare its schema in
        model.swift and add it to the dictionary in env.swift.

          autogen revision --autogenerate -m "create tables"   write every database's changes as a revision
          autogen upgrade head                                  apply the revisions to each database
          autogen current                                       each database's revision
          autogen check                                         exit 1 while a database differs from its model
          autogen downgrade -1                                  revert the last revision in each database

        Every command runs once per database, in the order of `databases`, each with its own
        connection, transaction and version table, or only on those named with `--database NAME`.
        Revisions are shared: a revision is applied to every database, and runs there the function
        for that database.

          autogen upgrade head --sql --database audit           one database's SQL, for its DBA
          autogen upgrade head --sql --sql-dir sql              sql/main.sql, sql/audit.sql

        """#,
        "multidb/autogen.ini.mako": #"""
        ## The autogen.ini that `autogen init -t multidb` writes in the current folder.
        ## Variables: script_location (the migration environment's folder, as the ini spells it).
        # autogen's configuration: where the migration environment is, which databases it migrates.
        [autogen]
        # The migration environment: a SwiftPM package (Package.swift, env.swift, model.swift,
        # script.swift.mako, versions/). %(here)s is the folder of this file.
        script_location = ${script_location}

        # The databases, in the order every command runs on them. Each name has a section below with
        # its url, and env.swift gives each name its model.
        databases = main, audit

        # New revision files are named <rev>_<slug>.swift (%% is a literal percent sign).
        file_template = %%(rev)s_%%(slug)s

        # The table that records each database's revision; a database's section may set its own.
        # version_table = autogen_version

        # How autogen compiles the migration environment: release (commands start in milliseconds;
        # the first build takes about a minute and a half) or debug (quicker rebuilds after editing
        # the model or a revision, slower commands).
        # environment_build = release

        # One section per database in `databases`. sqlite:///main.db is relative to the folder
        # autogen runs in; postgresql://user:password@host:5432/dbname for PostgreSQL.
        [main]
        url = sqlite:///main.db

        [audit]
        url = sqlite:///audit.db
        # version_table = autogen_version

        [post_write_hooks]
        # Run on every new revision file: the toolchain's swift-format, with .swift-format in the
        # migration environment's folder.
        hooks = swift_format
        swift_format.type = exec
        swift_format.executable = swift-format
        swift_format.options = format --in-place REVISION_SCRIPT_FILENAME

        """#,
        "multidb/env.swift": #"""
        // The migration environment's entry point: it hands each database's target schema
        // (model.swift), the compiled revisions (versions/, listed by the RevisionIndex plugin) and
        // the hooks below to autogen, which runs the command line it was started with once per
        // database, in the order autogen.ini's `databases` lists them.
        import Autogen

        @main
        struct Environment {
            static func main() async {
                await AutogenEnvironment.main(
                    databases: ["main": mainSchema, "audit": auditSchema], revisions: AutogenRevisionIndex.revisions,
                    hooks: hooks)
            }

            /// Where to change how the commands run. Each hook below does what autogen does without it;
            /// a hook may also be `async`. `AutogenEnvironment.database` names the database a hook runs for.
            static let hooks = EnvironmentHooks(
                // The database URL: gets the `url` of the database's section in autogen.ini, returns the
                // one to use, e.g. `ProcessInfo.processInfo.environment["AUDIT_DATABASE_URL"] ?? configured`
                // when `AutogenEnvironment.database == "audit"` (import Foundation).
                url: { configured in configured },
                // What `check` and `revision --autogenerate` compare, after autogen.ini's compare_type and
                // compare_server_default: e.g. `options.excludeTables = ["legacy_*"]`, `options.schemas`,
                // or `options.includeObject = { object in object.name != "spatial_ref_sys" }`.
                compare: { options in },
                // The ops found in one database (`context.database` names it), before
                // `revision --autogenerate` writes them (the downgrade is their reverse) and `check`
                // reports them: drop, change or add ops; none left means no changes there.
                rewriteOps: { ops, context in ops }
            )
        }

        """#,
        "multidb/model.swift": #"""
        // The target schemas, one per database: what each database should look like.
        // `autogen revision --autogenerate` compares each with its database and writes the
        // differences as one new revision, with a body per database; `autogen check` fails while any
        // database differs from its schema. env.swift pairs them with autogen.ini's `databases`.
        import Autogen

        /// The database `main`: the application's data.
        let mainSchema: Schema = Schema {
            Table("organization") {
                Column("id", .integer).primaryKey()
                Column("name", .varchar(100)).notNull().unique()
                Column("created_at", .timestamp(withTimeZone: true)).notNull().default(.sql("CURRENT_TIMESTAMP"))
            }

            Table("account") {
                Column("id", .bigint).primaryKey()
                Column("org_id", .integer).notNull().references("organization", "id", onDelete: .cascade)
                Column("email", .text).notNull()
                Index("ix_account_org", "org_id")
                Unique("uq_account_email", "email")
            }
        }

        /// The database `audit`: who did what, kept apart from the application's data.
        let auditSchema: Schema = Schema {
            Table("audit_event") {
                Column("id", .bigint).primaryKey()
                Column("account_id", .bigint).notNull()
                Column("action", .varchar(50)).notNull()
                Column("at", .timestamp(withTimeZone: true)).notNull().default(.sql("CURRENT_TIMESTAMP"))
                Index("ix_audit_event_account_at", "account_id", "at")
            }
        }

        """#,
        "multidb/script.swift.mako": #"""
        ## The template autogen renders to write a new revision file, versions/<rev>_<slug>.swift,
        ## in a multi-database environment: one revision covers every database.
        ## Lines that start with ## are template comments and do not reach the output.
        ##
        ## Variables: up_revision (the new id), down_revision (a list: empty for a base, several ids
        ## for a merge), branch_labels (list), depends_on (list), message, create_date, type_name
        ## (Revision_<id>), imports (extra import lines, may be empty), databases (a list, in the order
        ## of autogen.ini's `databases`, of dicts: name, the database's name; function, the name in
        ## upper camel case (`Main` for main: upgradeMain, downgradeMain); upgrades and downgrades, the
        ## database's generated bodies, may be empty; statements without indentation of their own).
        ## Functions: repr(x) writes x as a Swift literal; lines(text) is the list of text's lines;
        ## indent(text, 8) puts 8 spaces before every line that is not blank. A body is written as
        ## `        ${indent(db["upgrades"], 8) | trim}`: trim drops the first line's added indentation
        ## (the template's own 8 spaces stand there) and any leading or trailing blank lines.
        ##
        ## The six `static let` declarations are read as text by `autogen history` and friends, so
        ## each stays on one line; when one is longer than swift-format's 120 columns it gets a
        ## `// swift-format-ignore` so that the post-write hook does not wrap it.
        // Generated by autogen from script.swift.mako. Review it, then edit the bodies as you need.
        import Autogen
        % if imports:
        ${imports | trim}
        % endif

        % for line in lines(message):
        ${"/// " + line | trim}
        % endfor
        % if message:
        ///
        % endif
        /// Revision ID: ${up_revision}
        /// Revises: ${down_revision if down_revision else "<base>" | comma}
        /// Create Date: ${create_date}
        struct ${type_name}: Revision {
        % if len(repr(up_revision)) > 100:
            // swift-format-ignore
        % endif
            static let id = ${repr(up_revision)}
        % if len(repr(down_revision)) > 79:
            // swift-format-ignore
        % endif
            static let downRevisions: [String] = ${repr(down_revision)}
        % if len(repr(branch_labels)) > 80:
            // swift-format-ignore
        % endif
            static let branchLabels: [String] = ${repr(branch_labels)}
        % if len(repr(depends_on)) > 83:
            // swift-format-ignore
        % endif
            static let dependsOn: [String] = ${repr(depends_on)}
        % if len(repr(message)) > 95:
            // swift-format-ignore
        % endif
            static let message = ${repr(message)}
        % if len(repr(create_date)) > 92:
            // swift-format-ignore
        % endif
            static let createDate = ${repr(create_date)}

            /// Runs the upgrade of the database the migration runs on (`op.database`, a name in
            /// autogen.ini's `databases`); a database this revision has no function for is left alone.
            func upgrade(_ op: Operations) throws {
                switch op.database {
        % for db in databases:
                case ${repr(db["name"])}: try upgrade${db["function"]}(op)
        % endfor
                default: break
                }
            }

            /// Runs the downgrade of the database the migration runs on, as `upgrade` does.
            func downgrade(_ op: Operations) throws {
                switch op.database {
        % for db in databases:
                case ${repr(db["name"])}: try downgrade${db["function"]}(op)
        % endfor
                default: break
                }
            }
        % for db in databases:

            /// The upgrade of database ${db["name"]}.
            private func upgrade${db["function"]}(_ op: Operations) throws {
        % if db["upgrades"]:
                // commands generated by autogen: please review
                ${indent(db["upgrades"], 8) | trim}
                // end of generated commands
        % else:
                // no changes
        % endif
            }

            /// The downgrade of database ${db["name"]}.
            private func downgrade${db["function"]}(_ op: Operations) throws {
        % if db["downgrades"]:
                // commands generated by autogen: please review
                ${indent(db["downgrades"], 8) | trim}
                // end of generated commands
        % else:
                // no changes
        % endif
            }
        % endfor
        }

        """#,
        "multidb/versions/.gitkeep": #"""

        """#,
        "package/.swift-format": #"""
        {
          "version": 1,
          "lineLength": 120,
          "indentation": { "spaces": 4 },
          "maximumBlankLines": 1,
          "respectsExistingLineBreaks": true,
          "lineBreakBeforeEachArgument": false,
          "rules": {
            "AlwaysUseLowerCamelCase": false,
            "NeverForceUnwrap": true,
            "NeverUseForceTry": true,
            "OrderedImports": true
          }
        }

        """#,
        "package/Package.autogen.ini.mako": #"""
        ## The Package.autogen.ini that `autogen init -t package` writes next to Package.swift: the code
        ## settings, as Alembic's pyproject template writes them to pyproject.toml's [tool.alembic].
        ## Variables: script_location (the environment target's folder, as the ini spells it),
        ## environment_product (the target's name).
        # autogen's code settings for this package: commit this file with Package.swift. autogen reads
        # it from the folder it runs in, under autogen.ini (the deployment settings, such as the
        # database URL): a key set in autogen.ini wins over the same key here, and autogen.ini's
        # [post_write_hooks], when it has one, replaces this file's. %(here)s is the folder of this file.
        [autogen]
        # The migration environment: an executable target of this package (env.swift, model.swift,
        # script.swift.mako, versions/).
        script_location = ${script_location}

        # The package that holds the environment, and its executable product that autogen builds
        # (swift build --product) and runs for upgrade, downgrade, current, stamp, check and
        # revision --autogenerate.
        environment_package = %(here)s
        environment_product = ${environment_product}

        # New revision files are named <rev>_<slug>.swift (%% is a literal percent sign).
        file_template = %%(rev)s_%%(slug)s

        # The slug's length in file names; the time zone of revision dates (local time unless set).
        # truncate_slug_length = 40
        # timezone = UTC

        # Where revision files are (script_location's versions/ unless set; their subfolders too).
        # version_locations = ${script_location}/versions

        [post_write_hooks]
        # Run on every new revision file: the toolchain's swift-format, with .swift-format in the
        # migration environment's folder.
        hooks = swift_format
        swift_format.type = exec
        swift_format.executable = swift-format
        swift_format.options = format --in-place REVISION_SCRIPT_FILENAME

        """#,
        "package/Package.swift.mako": #"""
        ## The Package.swift that `autogen init -t package` writes when the current folder has none: a
        ## package with the migration environment as its one target. When Package.swift exists, init
        ## leaves it as it was and prints the dependency and the target to add to it.
        ## Variables: package_name (the current folder's name), package_dependency (the .package(...)
        ## entry for autogen), environment_target (the environment's .executableTarget(...) entry).
        // swift-tools-version: 6.1
        import PackageDescription

        let package = Package(
            name: ${repr(package_name)},
            platforms: [.macOS(.v13)],
            dependencies: [
                ${package_dependency}
            ],
            targets: [
                // The migration environment: `autogen` builds this target and runs it for the commands
                // that need the model or the revision bodies (upgrade, downgrade, current, stamp, check,
                // revision --autogenerate).
                ${indent(environment_target, 8) | trim}
            ]
        )

        """#,
        "package/README": #"""
        A migration environment as an executable target of your own SwiftPM package (template "package").

        `autogen init -t package Sources/Migrations`, run in the root of your package, made this folder
        an executable target of the package, named after the folder, and split the settings in two as
        Alembic's pyproject template splits them between pyproject.toml and alembic.ini:

          Package.autogen.ini  next to Package.swift, committed with it: the code settings
                               (script_location: this folder; environment_package: the package root;
                               environment_product: this target; file_template, version_locations,
                               [post_write_hooks], ...)
          autogen.ini          next to it, one per deployment: the database url (and version_table,
                               environment_build)

        autogen reads autogen.ini (-c FILE, $AUTOGEN_CONFIG, else ./autogen.ini) over the
        Package.autogen.ini of the folder it runs in, so run it in the package root. A key set in
        both files is taken from autogen.ini, so a deployment's ini can override any code setting.

          env.swift          the target's entry point: hands the model, the compiled revisions and the
                             hooks (database URL, compare options, rewriting the ops found) to autogen
          model.swift        the target schema, in the ModelDSL (or import a module of your package that
                             declares it, after adding that module to the target's dependencies)
          script.swift.mako  the template of new revision files
          versions/          the revision files, one revision per file
          .swift-format      the style the post-write hook formats new revision files with

        Package.swift declares the target (init wrote a Package.swift when there was none, or printed
        the lines to add to yours): a dependency on the autogen package and, for Sources/Migrations,

            .executableTarget(
                name: "Migrations",
                dependencies: [.product(name: "Autogen", package: "autogen")],
                sources: ["env.swift", "model.swift", "versions"],
                plugins: [.plugin(name: "RevisionIndex", package: "autogen")]
            )

          autogen revision --autogenerate -m "create tables"   write the model's changes as a revision
          autogen upgrade head                                  apply the revisions
          autogen check                                         exit 1 while the model and database differ
          autogen downgrade -1                                  revert the last revision
          autogen history                                       list the revisions

        Commands that need the model or the revision bodies run `swift build --product <target>` in the
        package root and then the target's binary (.build/release/<target>, or .build/debug/ with
        environment_build = debug). They build only when Package.swift or a Swift file of this folder
        changed since the last build: after changing another module of your package that model.swift
        imports, build the target yourself (swift build -c release --product <target>). history,
        heads, branches, show, plain revision and merge read the revision files as text and never
        build.

        """#,
        "package/autogen.ini.mako": #"""
        ## The autogen.ini that `autogen init -t package` writes next to Package.swift: the deployment
        ## settings, as Alembic's pyproject template writes alembic.ini. The code settings
        ## (script_location, file_template, hooks, ...) are in Package.autogen.ini.
        ## Variables: none used here.
        # autogen's deployment settings: which database to migrate, and how to build the migration
        # environment on this machine. The code settings (where the environment target is, how revision
        # files are named and formatted) are in Package.autogen.ini next to this file; a key set here
        # wins over the same key there. Run autogen in this folder: it reads both from here.
        [autogen]
        # The database. sqlite:///app.db is relative to the folder autogen runs in;
        # postgresql://user:password@host:5432/dbname for PostgreSQL.
        url = sqlite:///app.db

        # The table that records the database's revision.
        # version_table = autogen_version

        # How autogen compiles the migration environment: release (commands start in milliseconds;
        # the first build takes about a minute and a half) or debug (quicker rebuilds after editing
        # the model or a revision, slower commands).
        # environment_build = release

        """#,
        "package/env.swift": #"""
        // The migration environment's entry point: it hands the target schema (model.swift), the
        // compiled revisions (versions/, listed by the RevisionIndex plugin) and the hooks below to
        // autogen, which runs the command line it was started with.
        import Autogen

        @main
        struct Environment {
            static func main() async {
                await AutogenEnvironment.main(schema: schema, revisions: AutogenRevisionIndex.revisions, hooks: hooks)
            }

            /// Where to change how the commands run. Each hook below does what autogen does without it;
            /// a hook may also be `async`.
            static let hooks = EnvironmentHooks(
                // The database URL: gets autogen.ini's `url`, returns the one to use, e.g.
                // `ProcessInfo.processInfo.environment["DATABASE_URL"] ?? configured` (import Foundation).
                url: { configured in configured },
                // What `check` and `revision --autogenerate` compare, after autogen.ini's compare_type and
                // compare_server_default: e.g. `options.excludeTables = ["legacy_*"]`, `options.schemas`,
                // or `options.includeObject = { object in object.name != "spatial_ref_sys" }`.
                compare: { options in },
                // The ops found, before `revision --autogenerate` writes them (the downgrade is their
                // reverse) and `check` reports them: drop, change or add ops; none left means no changes.
                rewriteOps: { ops, context in ops }
            )
        }

        """#,
        "package/model.swift": #"""
        // The target schema: what the database should look like. `autogen revision --autogenerate`
        // compares it with the database and writes the difference as a new revision;
        // `autogen check` fails while they differ.
        import Autogen

        let schema: Schema = Schema {
            Enum("account_status", ["active", "suspended", "closed"])

            Table("organization") {
                Column("id", .integer).primaryKey()
                Column("name", .varchar(100)).notNull().unique()
                Column("created_at", .timestamp(withTimeZone: true)).notNull().default(.sql("CURRENT_TIMESTAMP"))
            }
            .comment("Customer organizations")

            Table("account") {
                Column("id", .bigint).primaryKey()
                Column("org_id", .integer).notNull().references("organization", "id", onDelete: .cascade)
                Column("email", .text).notNull().comment("login e-mail")
                Column("balance", .numeric(10, 2)).notNull().default(0)
                Column("status", .enumeration("account_status")).notNull().default("active")
                Column("profile", .json)
                Index("ix_account_email_lower", expressions: ["lower(email)"], unique: true)
                Index("ix_account_org_status", "org_id", "status").where("status <> 'closed'")
                Unique("uq_account_org_email", "org_id", "email")
                Check("ck_account_balance_nonneg", "balance >= 0")
            }
        }

        """#,
        "package/script.swift.mako": #"""
        ## The template autogen renders to write a new revision file, versions/<rev>_<slug>.swift.
        ## Lines that start with ## are template comments and do not reach the output.
        ##
        ## Variables: up_revision (the new id), down_revision (a list: empty for a base, several ids
        ## for a merge), branch_labels (list), depends_on (list), message, create_date, type_name
        ## (Revision_<id>), imports (extra import lines, may be empty), upgrades and downgrades (the
        ## generated bodies, may be empty; statements without indentation of their own).
        ## Functions: repr(x) writes x as a Swift literal; lines(text) is the list of text's lines;
        ## indent(text, 8) puts 8 spaces before every line that is not blank. A body is written as
        ## `        ${indent(upgrades, 8) | trim}`: trim drops the first line's added indentation (the
        ## template's own 8 spaces stand there) and any leading or trailing blank lines.
        ##
        ## The six `static let` declarations are read as text by `autogen history` and friends, so
        ## each stays on one line; when one is longer than swift-format's 120 columns it gets a
        ## `// swift-format-ignore` so that the post-write hook does not wrap it.
        // Generated by autogen from script.swift.mako. Review it, then edit the bodies as you need.
        import Autogen
        % if imports:
        ${imports | trim}
        % endif

        % for line in lines(message):
        ${"/// " + line | trim}
        % endfor
        % if message:
        ///
        % endif
        /// Revision ID: ${up_revision}
        /// Revises: ${down_revision if down_revision else "<base>" | comma}
        /// Create Date: ${create_date}
        struct ${type_name}: Revision {
        % if len(repr(up_revision)) > 100:
            // swift-format-ignore
        % endif
            static let id = ${repr(up_revision)}
        % if len(repr(down_revision)) > 79:
            // swift-format-ignore
        % endif
            static let downRevisions: [String] = ${repr(down_revision)}
        % if len(repr(branch_labels)) > 80:
            // swift-format-ignore
        % endif
            static let branchLabels: [String] = ${repr(branch_labels)}
        % if len(repr(depends_on)) > 83:
            // swift-format-ignore
        % endif
            static let dependsOn: [String] = ${repr(depends_on)}
        % if len(repr(message)) > 95:
            // swift-format-ignore
        % endif
            static let message = ${repr(message)}
        % if len(repr(create_date)) > 92:
            // swift-format-ignore
        % endif
            static let createDate = ${repr(create_date)}

            func upgrade(_ op: Operations) throws {
        % if upgrades:
                // commands generated by autogen: please review
                ${indent(upgrades, 8) | trim}
                // end of generated commands
        % else:
                // no changes
        % endif
            }

            func downgrade(_ op: Operations) throws {
        % if downgrades:
                // commands generated by autogen: please review
                ${indent(downgrades, 8) | trim}
                // end of generated commands
        % else:
                // no changes
        % endif
            }
        }

        """#,
        "package/versions/.gitkeep": #"""

        """#,
    ]
}
