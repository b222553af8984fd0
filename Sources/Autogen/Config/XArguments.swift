/// The `-x key=value` arguments, passed on to the migration environment.
enum XArguments {
    /// `arguments` as a dictionary; a value may hold `=` (only the first one splits), a later
    /// repeat of a key wins (as in Alembic), and an argument without `=` or with an empty key is an error.
    static func parse(_ arguments: [String]) throws(ConfigError) -> [String: String] {
        var result: [String: String] = [:]
        for argument in arguments {
            guard let equals = argument.firstIndex(of: "=") else { throw .invalidXArgument(argument) }
            let key = argument[..<equals].iniTrimmed()
            guard !key.isEmpty else { throw .invalidXArgument(argument) }
            result[key] = String(argument[argument.index(after: equals)...])
        }
        return result
    }
}
