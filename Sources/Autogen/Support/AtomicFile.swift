import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes whole files atomically: a temporary file in the same folder, flushed, then renamed.
///
/// A reader sees either the old file or the complete new one, never half of it; if writing
/// fails, the temporary file is removed and the target is left as it was.
public enum AtomicFile {
    /// Writes `text` (UTF-8) to `path`, replacing any existing file in one rename.
    public static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    /// Writes `data` to `path`, replacing any existing file in one rename.
    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        var template = Array("\(folder)/.\(name).tmp.XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemp(base)
        }
        guard fd >= 0 else {
            throw AtomicFileError(path: path, operation: "create a temporary file", code: errno)
        }
        // mkstemp replaced the X's in place; drop the terminating NUL.
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var closed = false
        do {
            try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
                var offset = 0
                while offset < buffer.count {
                    let written = Foundation.write(fd, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        throw AtomicFileError(path: path, operation: "write", code: errno)
                    }
                    offset += written
                }
            }
            // mkstemp creates 0600; a revision file should have the usual permissions.
            let mask = umask(0)
            umask(mask)
            fchmod(fd, 0o666 & ~mask)
            guard fsync(fd) == 0 else { throw AtomicFileError(path: path, operation: "flush", code: errno) }
            closed = true
            guard close(fd) == 0 else { throw AtomicFileError(path: path, operation: "close", code: errno) }
            guard rename(temporary, path) == 0 else {
                throw AtomicFileError(path: path, operation: "rename the temporary file onto", code: errno)
            }
        } catch {
            if !closed { close(fd) }
            unlink(temporary)
            throw error
        }
    }
}

/// A file that could not be written; names the path and the operating system's reason.
public struct AtomicFileError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file that was being written.
    public let path: String
    /// What was being done when it failed ("write", "rename the temporary file onto", ...).
    public let operation: String
    /// The `errno` value.
    public let code: Int32

    public var description: String {
        "cannot \(operation) \(path): \(String(cString: strerror(code)))"
    }
}
