/// The C library a backend's driver links, as the direct build of a migration environment
/// needs it: the module map's folder in the autogen checkout, the header folders (asked of
/// `pkg-config` first), and the link flag.
struct SystemLibrary: Sendable {
    /// The folder of the library's `module.modulemap`, relative to the checkout (`Sources/Databases/PostgreSQL/CLibPQ`).
    var moduleFolder: String
    /// The `pkg-config` package whose `--cflags-only-I` name the header folders, if any.
    var pkgConfigName: String?
    /// The header folders when `pkg-config` does not know the package (`-I` flags).
    var fallbackIncludes: [String] = []
    /// How the linker finds the library (`-lpq`).
    var linkFlag: String
}
