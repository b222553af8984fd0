import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs one program with an argument vector (never through a shell), with a timeout, and
/// collects its output. Standard input is `/dev/null`, so a hook can never wait for a user.
///
/// On timeout the program's process group gets SIGTERM, then SIGKILL one second later.
struct HookProcess {
    /// How a run ended.
    enum Ending: Equatable {
        case exited(Int32)
        case signalled(Int32)
        case timedOut
    }

    /// A finished run.
    struct Result {
        var ending: Ending
        var standardOutput: String
        var standardError: String
        var seconds: Double
    }

    let executable: String
    let arguments: [String]
    let cwd: String?
    let environment: [String: String]
    let timeout: Double
    /// Called with each line the program writes to standard output, as it comes.
    var onOutputLine: (@Sendable (String) -> Void)? = nil

    /// Why the program could not be started.
    struct LaunchFailure: Error {
        var reason: String
    }

    /// Runs the program; throws only when it cannot be started.
    func run() throws(LaunchFailure) -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        if let cwd {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: cwd, isDirectory: &isFolder), isFolder.boolValue else {
                throw LaunchFailure(reason: "working folder \(cwd) does not exist")
            }
            process.currentDirectoryURL = URL(fileURLWithPath: cwd, isDirectory: true)
        }
        process.standardInput = FileHandle.nullDevice
        let outputPipe = Pipe()
        let errorPipe = Pipe()
        process.standardOutput = outputPipe
        process.standardError = errorPipe
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }

        let start = DispatchTime.now()
        do {
            try process.run()
        } catch {
            throw LaunchFailure(reason: "\(executable): \(error.localizedDescription)")
        }
        try? outputPipe.fileHandleForWriting.close()
        try? errorPipe.fileHandleForWriting.close()

        let output = OutputCollector()
        let errors = OutputCollector()
        let readers = DispatchGroup()
        let outputHandle = outputPipe.fileHandleForReading
        let errorHandle = errorPipe.fileHandleForReading
        let onLine = onOutputLine
        DispatchQueue.global().async(group: readers) { output.drain(outputHandle, lines: onLine) }
        DispatchQueue.global().async(group: readers) { errors.drain(errorHandle) }

        var timedOut = false
        if exited.wait(timeout: start + .nanoseconds(Int(min(timeout, 1e6) * 1e9))) == .timedOut {
            timedOut = true
            let group = -process.processIdentifier
            kill(group, SIGTERM)
            if exited.wait(timeout: .now() + .seconds(1)) == .timedOut {
                kill(group, SIGKILL)
                _ = exited.wait(timeout: .now() + .seconds(5))
            }
        }
        // Output ends when every holder of the pipes is gone; a leftover grandchild may keep
        // them open, so reading gets a bounded grace period.
        _ = readers.wait(timeout: .now() + .seconds(2))
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9

        let ending: Ending
        if timedOut {
            ending = .timedOut
        } else if process.terminationReason == .uncaughtSignal {
            ending = .signalled(process.terminationStatus)
        } else {
            ending = .exited(process.terminationStatus)
        }
        return Result(ending: ending, standardOutput: output.text, standardError: errors.text, seconds: seconds)
    }
}

/// Collects what a child writes to one pipe, keeping at most the last megabyte.
private final class OutputCollector: Sendable {
    private static let limit = 1 << 20
    private let data = Mutex(Data())

    /// Reads `handle` until end of file (or a read error), passing each complete line to
    /// `lines` as it arrives.
    func drain(_ handle: FileHandle, lines: (@Sendable (String) -> Void)? = nil) {
        var pending = Data()
        while let chunk = try? handle.read(upToCount: 65_536), !chunk.isEmpty {
            data.withLock { buffer in
                buffer.append(chunk)
                if buffer.count > Self.limit { buffer.removeFirst(buffer.count - Self.limit) }
            }
            guard let lines else { continue }
            pending.append(chunk)
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                lines(String(decoding: pending[pending.startIndex..<newline], as: UTF8.self))
                pending.removeSubrange(pending.startIndex...newline)
            }
            // A line longer than the limit is passed on in pieces rather than held whole.
            if pending.count > Self.limit {
                lines(String(decoding: pending, as: UTF8.self))
                pending.removeAll()
            }
        }
        if let lines, !pending.isEmpty { lines(String(decoding: pending, as: UTF8.self)) }
    }

    /// What was collected, as UTF-8 (invalid bytes replaced).
    var text: String {
        data.withLock { String(decoding: $0, as: UTF8.self) }
    }
}
