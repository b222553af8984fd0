// swift-tools-version: 6.1
import PackageDescription

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
            path: "Sources/CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .systemLibrary(
            name: "CAutogenSQLite",
            path: "Sources/CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .target(name: "ModelDSL"),
        .target(name: "ModelReader", dependencies: ["ModelDSL"]),
        .target(
            name: "Introspect",
            dependencies: ["ModelDSL", "CAutogenLibPQ", "CAutogenSQLite"]
        ),
        .target(
            name: "Autogen",
            dependencies: [
                "ModelDSL", "ModelReader", "Introspect", "RevisionIndexing",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
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
