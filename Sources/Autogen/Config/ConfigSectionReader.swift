import Foundation

/// Reads typed values of one section of an `IniFile`, with errors naming the key and line.
///
/// A reader may have layers `below` it (autogen.ini's main section has the package's
/// `Package.autogen.ini`): a key this section lacks is read from the first layer that has it,
/// interpolated in that file (`%(here)s` is that file's folder) and named in its errors.
struct ConfigSectionReader {
    let ini: IniFile
    let section: String
    let environment: [String: String]
    /// The layers read for the keys this section does not have, first one first.
    var below: [ConfigSectionReader] = []

    /// The layer that holds `key`: this one when its section (or `[DEFAULT]`) has it, else the
    /// first layer below that has it, else this one.
    func holder(of key: String) -> ConfigSectionReader {
        if ini.entry(key, in: section) != nil { return self }
        return below.first { $0.ini.entry(key, in: $0.section) != nil } ?? self
    }

    /// The resolved value of `key` and its line; nil when absent.
    func string(_ key: String) throws(ConfigError) -> (value: String, line: Int)? {
        let layer = holder(of: key)
        guard let entry = layer.ini.entry(key, in: layer.section) else { return nil }
        guard let value = try layer.ini.value(key, in: layer.section, environment: environment) else { return nil }
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
        let layer = holder(of: key)
        return .invalidValue(
            file: layer.ini.path, line: line, section: layer.ini.owner(of: key, in: layer.section), key: key,
            value: value, expected: expected)
    }
}
