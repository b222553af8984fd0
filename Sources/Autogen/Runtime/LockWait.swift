/// How a run waits for the migration lock, the same on every database: ask, and while another
/// run holds it, say so once (`Waiting for the migration lock on URL: another migration is
/// running`), ask again every `lockPollInterval`, and give up after `lockTimeout`.
enum LockWait {
    static func poll(
        url: String, options: MigrationOptions, _ tryLock: () throws(MigrationError) -> Bool
    ) async throws(MigrationError) {
        let started = ContinuousClock.now
        var warned = false
        while try !tryLock() {
            if !warned {
                options.log("Waiting for the migration lock on \(url): another migration is running")
                warned = true
            }
            if let timeout = options.lockTimeout, ContinuousClock.now - started >= timeout {
                throw .lockTimeout(url: url, seconds: MigrationContext.milliseconds(timeout) / 1000)
            }
            do { try await Task.sleep(for: options.lockPollInterval) } catch {
                throw .database(.unsupported("stopped while waiting for the migration lock on \(url)"))
            }
        }
    }
}
