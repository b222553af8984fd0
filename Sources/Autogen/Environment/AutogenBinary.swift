import Foundation

/// The running `autogen` executable: when it is newer than a migration environment's last
/// build, the Autogen library changed and the environment is built again.
enum AutogenBinary {
    /// Its resolved path (`/proc/self/exe` on Linux); `argv[0]` when that cannot be read.
    static var path: String {
        Bundle.main.executablePath.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }
            ?? CommandLine.arguments[0]
    }
}
