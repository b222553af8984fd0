import Foundation
import Introspect

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The database `verify` runs on: made beside the configured one (a new database on the same
/// PostgreSQL server, a temporary SQLite file), removed when verify ends, and removed by a
/// watchdog when verify is killed first.
///
/// The watchdog is the `autogen` binary started with `watchdogVariable` set, in a process
/// group of its own (a Ctrl-C to verify does not reach it). Its standard input is a pipe
/// only verify holds the other end of, so it reads end-of-file when verify ends, however it
/// ends (`kill -9` included); it then removes the scratch database if it is still there.
public final class ScratchDatabase {
    /// Set in the watchdog's environment: the scratch database's URL, password included.
    static let watchdogVariable = "AUTOGEN_VERIFY_SCRATCH"
    /// Set beside it: the URL the scratch database was made beside (to connect and drop it).
    static let besideVariable = "AUTOGEN_VERIFY_SCRATCH_BESIDE"

    let url: DatabaseURL
    let beside: DatabaseURL
    private var watchdogPipe: Int32 = -1
    private var removed = false

    /// Makes the database, and starts `watchdog` (the `autogen` binary) when there is one.
    init(beside: DatabaseURL, watchdog: String?) throws {
        url = try DatabaseBackends.backend(for: beside).createScratch(beside: beside)
        self.beside = beside
        if let watchdog { startWatchdog(watchdog) }
    }

    deinit { if watchdogPipe >= 0 { close(watchdogPipe) } }

    /// Removes the database; the watchdog, told by the pipe's end, finds it gone.
    func remove() throws {
        guard !removed else { return }
        removed = true
        defer {
            if watchdogPipe >= 0 { close(watchdogPipe) }
            watchdogPipe = -1
        }
        try DatabaseBackends.backend(for: beside).removeScratch(url, beside: beside)
    }

    private func startWatchdog(_ program: String) {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return }
        // Both ends above the standard ones (with stdin closed, pipe() would hand out 0), and
        // neither may leak into other children (the write end would keep the watchdog waiting).
        for i in 0..<2 {
            let moved = fcntl(ends[i], F_DUPFD_CLOEXEC, 3)
            close(ends[i])
            ends[i] = moved
        }
        guard ends[0] >= 0, ends[1] >= 0 else {
            for end in ends where end >= 0 { close(end) }
            return
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, ends[0], 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        var environment = ProcessInfo.processInfo.environment
        environment[Self.watchdogVariable] = url.unredactedText
        environment[Self.besideVariable] = beside.unredactedText
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup(program), strdup("verify-watchdog"), nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, program, &actions, &attributes, argv, envp)
        close(ends[0])
        if status == 0 { watchdogPipe = ends[1] } else { close(ends[1]) }
    }

    /// In `autogen`, before anything else: when started as a watchdog, waits for verify's end
    /// and removes its scratch database, and returns the exit status; nil otherwise.
    public static func watchIfAsked(_ environment: [String: String]) -> Int32? {
        guard let scratchText = environment[watchdogVariable], let besideText = environment[besideVariable] else {
            return nil
        }
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let count = read(0, &buffer, buffer.count)
            if count > 0 || (count < 0 && errno == EINTR) { continue }
            // Only the end of the pipe says verify ended; a read error says nothing of it.
            if count < 0 { return 1 }
            break
        }
        guard let scratch = try? DatabaseURL(scratchText), let beside = try? DatabaseURL(besideText) else { return 1 }
        do {
            try DatabaseBackends.backend(for: beside).removeScratch(scratch, beside: beside)
            return 0
        } catch {
            return 1
        }
    }
}
