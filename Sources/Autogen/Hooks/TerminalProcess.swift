#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs one interactive program (an editor) on the user's terminal and waits for it: unlike
/// `HookProcess`, nothing is captured. The child inherits standard input, output and error and
/// stays in autogen's process group, so a terminal editor such as vim is in the foreground and
/// may read the keyboard. It runs with no time limit.
///
/// While it runs, autogen ignores SIGINT and SIGQUIT (as `system(3)` and git do): a Ctrl-C
/// typed in the editor is the editor's to handle and must not kill autogen under it. The child
/// gets the default actions back.
enum TerminalProcess {
    typealias Failure = HookProcess.LaunchFailure

    /// Runs `executable` (an absolute path) with `arguments` and `environment`; returns how it
    /// ended. Throws only when it cannot be started.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]) throws(Failure)
        -> HookProcess.Ending
    {
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }

        #if canImport(Darwin)
            var attributes: posix_spawnattr_t? = nil
        #else
            var attributes = posix_spawnattr_t()
        #endif
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGQUIT)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))

        let previousInterrupt = signal(SIGINT, SIG_IGN)
        let previousQuit = signal(SIGQUIT, SIG_IGN)
        defer {
            signal(SIGINT, previousInterrupt)
            signal(SIGQUIT, previousQuit)
        }

        var pid = pid_t()
        let status = posix_spawn(&pid, executable, nil, &attributes, argv, envp)
        guard status == 0 else {
            throw Failure(reason: "\(executable): \(String(cString: strerror(status)))")
        }
        var waitStatus: Int32 = 0
        while waitpid(pid, &waitStatus, 0) < 0 {
            guard errno == EINTR else {
                throw Failure(reason: "\(executable): \(String(cString: strerror(errno)))")
            }
        }
        // WIFEXITED / WEXITSTATUS / WTERMSIG are macros Swift does not import.
        let signalNumber = waitStatus & 0x7f
        return signalNumber == 0 ? .exited((waitStatus >> 8) & 0xff) : .signalled(signalNumber)
    }
}
