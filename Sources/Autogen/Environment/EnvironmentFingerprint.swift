import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a build of the migration environment is made from: the `autogen` binary, the
/// package's Package.swift and every Swift source of the environment, each with its size and
/// modification time in nanoseconds, sorted by path.
///
/// The build stamp holds the fingerprint taken when the last successful build started, and
/// the environment is built again whenever the current one is different, not only newer: a
/// revision file deleted, or added with an old time (`git checkout`, `cp -p`, `mv` back), changes
/// the list although no file is newer than the build.
///
/// ```text
/// autogen environment stamp 1
/// 2345 1714032000123456789 /app/migrations/Package.swift
/// 812 1714032000223456789 /app/migrations/versions/a1b2c3_create_tables.swift
/// ```
struct EnvironmentFingerprint: Sendable, Hashable {
    /// One file as `stat` saw it.
    struct File: Sendable, Hashable {
        let path: String
        let size: Int64
        /// The modification time in nanoseconds since 1970.
        let modified: Int64
    }

    /// The files, sorted by path; a file that does not exist is not listed.
    let files: [File]

    /// The first line of a stamp: a stamp in another format (an older autogen's empty one)
    /// never matches, so the first run of a new autogen builds.
    static let header = "autogen environment stamp 1"

    /// The fingerprint of `paths` and of the `.swift` files under `folder` (hidden entries, the
    /// environment's `.build` among them, skipped): one `stat` per file.
    init(paths: [String], swiftSourcesUnder folder: String) {
        var byPath: [String: File] = [:]
        for path in paths { if let file = Self.file(path) { byPath[path] = file } }
        Self.addSwiftSources(under: folder, to: &byPath)
        files = byPath.values.sorted { $0.path < $1.path }
    }

    /// What the stamp file holds: the header, then one `SIZE MTIME_NS PATH` line per file.
    var text: String {
        ([Self.header] + files.map { "\($0.size) \($0.modified) \($0.path)" }).joined(separator: "\n") + "\n"
    }

    /// `path`'s size and modification time, nil when it does not exist.
    static func file(_ path: String) -> File? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return File(path: path, info: info)
    }

    private static func addSwiftSources(under root: String, to files: inout [String: File]) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: root) else { return }
        for entry in entries where !entry.hasPrefix(".") {
            let path = (root as NSString).appendingPathComponent(entry)
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                addSwiftSources(under: path, to: &files)
            } else if entry.hasSuffix(".swift") {
                files[path] = File(path: path, info: info)
            }
        }
    }
}

extension EnvironmentFingerprint.File {
    init(path: String, info: stat) {
        #if canImport(Darwin)
            let time = info.st_mtimespec
        #else
            let time = info.st_mtim
        #endif
        self.init(
            path: path, size: Int64(info.st_size),
            modified: Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec))
    }
}
