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
