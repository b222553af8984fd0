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
