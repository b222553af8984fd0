import Foundation

/// Reads typed values of one section of an `IniFile`, with errors naming the key and line.
struct ConfigSectionReader {
    let ini: IniFile
    let section: String
    let environment: [String: String]

    /// The resolved value of `key` and its line; nil when absent.
    func string(_ key: String) throws(ConfigError) -> (value: String, line: Int)? {
        guard let entry = ini.entry(key, in: section) else { return nil }
        guard let value = try ini.value(key, in: section, environment: environment) else { return nil }
        return (value, entry.line)
    }

    /// The resolved value of `key`, or nil when it is absent or empty.
    func nonEmpty(_ key: String) throws(ConfigError) -> String? {
        guard let found = try string(key), !found.value.isEmpty else { return nil }
        return found.value
    }

    /// A boolean spelled true/false, yes/no, on/off or 1/0 (any case); `fallback` when absent.
    func bool(_ key: String, default fallback: Bool) throws(ConfigError) -> Bool {
        guard let found = try string(key) else { return fallback }
        let (value, line) = (found.value, found.line)
        switch value.lowercased() {
        case "true", "yes", "on", "1": return true
        case "false", "no", "off", "0": return false
        default: throw invalid(key, value, line, expected: "true or false (also yes/no, on/off, 1/0)")
        }
    }

    /// A whole number of at least `minimum`; `fallback` when absent.
    func int(_ key: String, default fallback: Int, minimum: Int) throws(ConfigError) -> Int {
        guard let found = try string(key) else { return fallback }
        let (value, line) = (found.value, found.line)
        guard let number = Int(value), number >= minimum else {
            throw invalid(key, value, line, expected: "a whole number of at least \(minimum)")
        }
        return number
    }

    /// A number of seconds greater than zero; `fallback` when absent.
    func seconds(_ key: String, default fallback: Double) throws(ConfigError) -> Double {
        guard let found = try string(key) else { return fallback }
        let (value, line) = (found.value, found.line)
        guard let number = Double(value), number > 0, number.isFinite else {
            throw invalid(key, value, line, expected: "a number of seconds greater than 0")
        }
        return number
    }

    /// The error for `key`'s `value` on `line` not being `expected`.
    func invalid(_ key: String, _ value: String, _ line: Int, expected: String) -> ConfigError {
        .invalidValue(
            file: ini.path, line: line, section: ini.owner(of: key, in: section), key: key, value: value,
            expected: expected)
    }
}
