// swift-tools-version: 6.1
import PackageDescription

/// Each database's knowledge is one folder, Sources/Databases/<name>: its C library (a system
/// library target), `Catalog/` (connection, catalog reader, DDL; compiled into Introspect) and
/// `Backend/` (dialect, SQL, migration driver, how `check` reads it; compiled into Autogen and
/// listed in DatabaseBackends.all). A database is added here and in that list.
let databases = [(name: "PostgreSQL", library: "CLibPQ"), (name: "SQLite", library: "CSQLite")]
/// The folders of Sources that hold other targets: Introspect and Autogen take their files from
/// Sources by `sources`, and leave these out.
let otherTargets = ["AutogenCLI", "Bench", "ModelDSL", "ModelReader", "RevisionIndexGenerator", "RevisionIndexing"]
func databaseFolders(_ part: String) -> [String] { databases.map { "Databases/\($0.name)/\(part)" } }
let libraryFolders = databases.map { "Databases/\($0.name)/\($0.library)" }

let package = Package(
    name: "autogen",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "autogen", targets: ["AutogenCLI"]),
        .library(name: "Autogen", targets: ["Autogen"]),
        .library(name: "ModelDSL", targets: ["ModelDSL"]),
        .library(name: "Introspect", targets: ["Introspect"]),
        .plugin(name: "RevisionIndex", targets: ["RevisionIndex"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
    ],
    targets: [
        .systemLibrary(
            name: "CAutogenLibPQ",
            path: "Sources/Databases/PostgreSQL/CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .systemLibrary(
            name: "CAutogenSQLite",
            path: "Sources/Databases/SQLite/CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .target(name: "ModelDSL"),
        .target(name: "ModelReader", dependencies: ["ModelDSL"]),
        .target(
            name: "Introspect",
            dependencies: ["ModelDSL", "CAutogenLibPQ", "CAutogenSQLite"],
            path: "Sources",
            exclude: otherTargets + ["Autogen"] + databaseFolders("Backend") + libraryFolders,
            sources: ["Introspect"] + databaseFolders("Catalog")
        ),
        .target(
            name: "Autogen",
            dependencies: [
                "ModelDSL", "ModelReader", "Introspect", "RevisionIndexing",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources",
            exclude: otherTargets + ["Introspect"] + databaseFolders("Catalog") + libraryFolders,
            sources: ["Autogen"] + databaseFolders("Backend")
        ),
        .executableTarget(
            name: "AutogenCLI",
            dependencies: ["Autogen"]
        ),
        .target(name: "RevisionIndexing"),
        .executableTarget(name: "RevisionIndexGenerator", dependencies: ["RevisionIndexing"]),
        .plugin(
            name: "RevisionIndex",
            capability: .buildTool(),
            dependencies: ["RevisionIndexGenerator"]
        ),
        .executableTarget(
            name: "autogen-bench",
            dependencies: ["Autogen", "Introspect", "ModelDSL", "ModelReader"],
            path: "Sources/Bench"
        ),
        .target(
            name: "TestSupport",
            dependencies: ["ModelDSL", "Introspect"],
            path: "Tests/TestSupport"
        ),
        .testTarget(name: "ModelDSLTests", dependencies: ["ModelDSL", "TestSupport"]),
        .testTarget(name: "ModelReaderTests", dependencies: ["ModelReader", "ModelDSL"]),
        .testTarget(name: "IntrospectTests", dependencies: ["Introspect", "ModelDSL", "TestSupport"]),
        .testTarget(
            name: "AutogenTests", dependencies: ["Autogen", "ModelReader", "TestSupport"],
            exclude: ["Snapshots", "RealSchemas/Fixtures"]),
    ]
)
