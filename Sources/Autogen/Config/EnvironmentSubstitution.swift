/// Replaces `${NAME}` in a config value by the environment variable `NAME`.
///
/// Runs after `%(key)s` interpolation, in one pass: a substituted value is not scanned again.
/// `NAME` is a letter or `_` followed by letters, digits and `_`. `$${` is a literal `${`
/// (so `$${HOME}` reads as `${HOME}`); any other `$` is kept as written (a password may hold
/// `$$`). A variable that is not set (empty counts as set), an unclosed `${` or a bad name is
/// an error naming the variable, the key, its section and line.
struct EnvironmentSubstitution {
    let environment: [String: String]

    func substitute(_ value: String, file: String, line: Int, section: String, key: String) throws(ConfigError)
        -> String
    {
        guard value.contains("${") else { return value }
        var output = ""
        var rest = Substring(value)
        while let dollar = rest.firstIndex(of: "$") {
            output += rest[..<dollar]
            let after = rest[rest.index(after: dollar)...]
            if after.hasPrefix("${") {
                output += "${"
                rest = after.dropFirst(2)
            } else if after.first == "{" {
                let body = after.dropFirst()
                guard let close = body.firstIndex(of: "}") else {
                    throw .environment(
                        file: file, line: line, section: section, key: key,
                        reason: "\"${\" has no closing \"}\"; write $${ for a literal ${")
                }
                let name = String(body[..<close])
                guard Self.isVariableName(name) else {
                    throw .environment(
                        file: file, line: line, section: section, key: key,
                        reason: "\"${\(name.iniClipped())}\" is not a variable name (letters, digits, _)")
                }
                guard let replacement = environment[name] else {
                    throw .environment(
                        file: file, line: line, section: section, key: key,
                        reason: "environment variable \(name) is not set")
                }
                output += replacement
                rest = body[body.index(after: close)...]
            } else {
                output += "$"
                rest = after
            }
        }
        output += rest
        return output
    }

    /// True for `[A-Za-z_][A-Za-z0-9_]*`.
    static func isVariableName(_ name: String) -> Bool {
        func isLetter(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("A"..."Z").contains(c) || c == "_" }
        guard let first = name.unicodeScalars.first, isLetter(first) else { return false }
        return name.unicodeScalars.allSatisfy { isLetter($0) || ("0"..."9").contains($0) }
    }
}
