import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The revision files of a migration environment, read as text, and the graph they form.
///
/// Every `*.swift` file under the version locations (recursively, in sorted order; names
/// starting with `.` are skipped, and a location that does not exist yet counts as empty)
/// is read with `RevisionFileReader`; files without `static let id` are not revisions.
public struct ScriptDirectory: Sendable {
    /// The folders that hold revision files, in configured order; the first is the default
    /// for new revisions.
    public let versionLocations: [String]
    /// The headers, in file order.
    public let headers: [RevisionHeader]
    /// The graph they form.
    public let graph: RevisionGraph

    /// Scans the locations and builds the graph; throws `ScriptDirectoryError`,
    /// `RevisionFileError` or `RevisionGraphError`.
    public init(versionLocations: [String]) throws {
        self.versionLocations = versionLocations
        let files = try Self.revisionFiles(in: versionLocations)
        headers = try Self.readHeaders(files)
        graph = try RevisionGraph(headers: headers)
    }

    /// The `*.swift` files under `locations`, each location's files sorted, subfolders after
    /// the files of their parent, duplicates (overlapping locations) once.
    public static func revisionFiles(in locations: [String]) throws -> [String] {
        var files: [String] = []
        var seen = Set<String>()
        for location in locations {
            var found: [String] = []
            try collect(folder: location, into: &found)
            for file in found where seen.insert(file).inserted { files.append(file) }
        }
        return files
    }

    static func collect(folder: String, into files: inout [String]) throws {
        guard let directory = opendir(folder) else {
            if errno == ENOENT { return }
            throw ScriptDirectoryError.cannotList(path: folder, reason: String(cString: strerror(errno)))
        }
        defer { closedir(directory) }
        var names: [String] = []
        var folders: [String] = []
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name.hasPrefix(".") { continue }
            var isFolder = Int32(entry.pointee.d_type) == Int32(DT_DIR)
            if Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) || Int32(entry.pointee.d_type) == Int32(DT_LNK) {
                var info = stat()
                if stat(prefix + name, &info) == 0 { isFolder = (info.st_mode & S_IFMT) == S_IFDIR }
            }
            if isFolder {
                folders.append(name)
            } else if name.hasSuffix(".swift") {
                names.append(name)
            }
        }
        for name in names.sorted() { files.append(prefix + name) }
        for name in folders.sorted() { try collect(folder: prefix + name, into: &files) }
    }

    /// Reads the headers of `files`, in order, on all cores; files that are not revisions are
    /// left out. The first error in file order is thrown.
    public static func readHeaders(_ files: [String]) throws -> [RevisionHeader] {
        let results = ResultSlots(count: files.count)
        let chunk = 64
        let chunks = (files.count + chunk - 1) / chunk
        DispatchQueue.concurrentPerform(iterations: chunks) { part in
            for index in (part * chunk)..<min(files.count, (part + 1) * chunk) {
                results.set(index, Result { try RevisionFileReader.read(path: files[index]) })
            }
        }
        var headers: [RevisionHeader] = []
        headers.reserveCapacity(files.count)
        for result in results.values() {
            if let header = try result?.get() { headers.append(header) }
        }
        return headers
    }

    /// Where a new revision's file goes: `<location>/<file name>`.
    ///
    /// The location is `versionPath` when given (it must be one of the version locations),
    /// else the location of the file of its first down revision that has one, else the
    /// first location. Throws `ScriptDirectoryError` when the id is taken or the file exists.
    public func pathForNewRevision(
        id: String,
        message: String,
        createDate: CreateDate,
        downRevisions: [String],
        versionPath: String? = nil,
        naming: RevisionFileNaming = RevisionFileNaming()
    ) throws -> String {
        if let existing = graph.node(id) { throw ScriptDirectoryError.idExists(id: id, path: existing.path) }
        let location = try versionLocation(downRevisions: downRevisions, versionPath: versionPath)
        let name = naming.fileName(revisionID: id, message: message, createDate: createDate)
        let path = (location.hasSuffix("/") ? location : location + "/") + name
        if FileManager.default.fileExists(atPath: path) { throw ScriptDirectoryError.fileExists(path: path) }
        return path
    }

    /// The version location for a new revision (see `pathForNewRevision`).
    public func versionLocation(downRevisions: [String], versionPath: String? = nil) throws -> String {
        guard let first = versionLocations.first else { throw ScriptDirectoryError.noVersionLocations }
        if let versionPath {
            let wanted = Self.normalized(versionPath)
            guard let match = versionLocations.first(where: { Self.normalized($0) == wanted }) else {
                throw ScriptDirectoryError.notAVersionLocation(path: versionPath, locations: versionLocations)
            }
            return match
        }
        for id in downRevisions {
            guard let file = graph.node(id)?.path, !file.isEmpty else { continue }
            let folder = Self.normalized(file)
            // The longest location that contains the file (locations may nest).
            let owners = versionLocations.filter { folder.hasPrefix(Self.normalized($0) + "/") }
            if let owner = owners.max(by: { Self.normalized($0).count < Self.normalized($1).count }) { return owner }
        }
        return first
    }

    static func normalized(_ path: String) -> String {
        var standard = URL(fileURLWithPath: path).standardizedFileURL.path
        while standard.count > 1, standard.hasSuffix("/") { standard.removeLast() }
        return standard
    }
}

/// Per-index result slots filled concurrently (each index written once, by one thread).
private final class ResultSlots: @unchecked Sendable {
    private var slots: [Result<RevisionHeader?, any Error>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<RevisionHeader?, any Error>) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    func values() -> [Result<RevisionHeader?, any Error>?] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}
