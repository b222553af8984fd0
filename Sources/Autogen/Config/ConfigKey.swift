/// The keys autogen reads from its main section (`[autogen]`, or the one picked with `-n`).
///
/// A key in that section that is not listed here draws an "unknown key" warning with the
/// nearest known spelling.
enum ConfigKey {
    /// Every key the main section may hold.
    static let known: [String] = [
        "script_location", "url", "sqlalchemy.url", "file_template", "truncate_slug_length", "timezone",
        "version_locations", "path_separator", "version_path_separator", "recursive_version_locations",
        "version_table", "version_table_schema", "transaction_per_migration", "lock_timeout", "compare_type",
        "compare_server_default", "revision_environment", "output_encoding", "prepend_sys_path", "databases",
        "environment_build", "environment_package", "environment_product", "online", "ddl_lock_timeout_ms",
        "ddl_lock_retries", "online_min_rows",
    ]

    /// Keys Alembic users bring that autogen accepts but cannot honour, with the reason.
    static let ignored: [(key: String, reason: String)] = [
        (
            "recursive_version_locations",
            "revision files in subfolders of a version location are always read, as the environment compiles every Swift file there"
        ),
        ("prepend_sys_path", "the migration environment is a Swift package, with no sys.path"),
    ]

    /// The known key nearest to `key` by edit distance, if it is close enough to be a typo.
    static func suggestion(for key: String, among candidates: [String] = known) -> String? {
        var best: (key: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(key, candidate)
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        guard let best, best.distance <= max(2, key.count / 3) else { return nil }
        return best.key
    }

    /// Levenshtein distance between `a` and `b`, by characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
