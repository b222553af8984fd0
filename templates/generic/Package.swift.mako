## The migration environment's Package.swift that `autogen init` writes.
## Variables: package_path (the autogen checkout the environment builds against).
// swift-tools-version: 6.1
// The migration environment: `autogen` builds this package and runs its `env` executable for
// the commands that need the model or the revision bodies (upgrade, downgrade, current,
// stamp, check, revision --autogenerate).
import PackageDescription

let package = Package(
    name: "env",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "autogen", path: ${repr(package_path)})
    ],
    targets: [
        .executableTarget(
            name: "env",
            dependencies: [.product(name: "Autogen", package: "autogen")],
            path: ".",
            sources: ["env.swift", "model.swift", "versions"],
            plugins: [.plugin(name: "RevisionIndex", package: "autogen")]
        )
    ]
)
