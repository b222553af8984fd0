#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive advisory lock on a file (`flock`), held until `unlock`, `deinit` or the
/// process's end (the kernel releases it when a process dies, even by `kill -9`).
///
/// SQLite's migration lock: SQLite has no lock that lasts across transactions, so a run
/// holds this one on `<database>-autogen-lock` from its first statement to its last. It is
/// never taken on the database file itself: closing any descriptor of that file would drop
/// SQLite's own POSIX locks in this process.
final class FileLock {
    let path: String
    private let descriptor: Int32
    private var held = false

    /// Opens (creating when missing) the lock file; nil when it cannot be opened.
    init?(path: String) {
        self.path = path
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return nil }
        descriptor = fd
    }

    deinit {
        unlock()
        close(descriptor)
    }

    /// Takes the lock if no other holder has it; false when another has.
    func tryLock() throws(FileLockError) -> Bool {
        if flock(descriptor, LOCK_EX | LOCK_NB) == 0 {
            held = true
            return true
        }
        let code = errno
        if code == EWOULDBLOCK || code == EINTR { return false }
        throw FileLockError(path: path, message: String(cString: strerror(code)))
    }

    /// Takes the lock, waiting for another holder to let go.
    func lock() throws(FileLockError) {
        while flock(descriptor, LOCK_EX) != 0 {
            let code = errno
            if code != EINTR { throw FileLockError(path: path, message: String(cString: strerror(code))) }
        }
        held = true
    }

    func unlock() {
        guard held else { return }
        _ = flock(descriptor, LOCK_UN)
        held = false
    }
}

/// The lock file could not be locked (not merely: another holds it).
struct FileLockError: Error, CustomStringConvertible {
    let path: String
    let message: String
    var description: String { "cannot lock \(path): \(message)" }
}
