/// ConfigParser's BasicInterpolation over one section of an `IniFile`.
///
/// - `%(name)s` is replaced by the value of `name` from the same section or `[DEFAULT]`,
///   itself interpolated; `%(here)s` is the ini file's folder unless a key named `here` exists.
/// - `%%` is a literal `%` (so `file_template = %%(rev)s_%%(slug)s` reads as `%(rev)s_%(slug)s`).
/// - Any other `%` is an error, as are unknown names, loops (`a = %(b)s`, `b = %(a)s`) and
///   nesting deeper than `maxDepth` levels; the error names the file, line, section and key.
struct IniInterpolation {
    /// How deep references may nest (ConfigParser's `MAX_INTERPOLATION_DEPTH`).
    static let maxDepth = 10

    let file: IniFile
    let section: String

    /// The interpolated value of `entry`.
    func resolve(_ entry: IniEntry) throws(ConfigError) -> String {
        try resolve(entry, chain: [entry.key])
    }

    private func resolve(_ entry: IniEntry, chain: [String]) throws(ConfigError) -> String {
        let raw = entry.rawValue
        guard raw.contains("%") else { return raw }
        var output = ""
        var rest = Substring(raw)
        func fail(_ reason: String) -> ConfigError {
            .interpolation(
                file: file.path, line: entry.line, section: file.owner(of: entry.key, in: section), key: entry.key,
                reason: reason)
        }
        // A URL's text may hold a password, so its errors never quote it.
        let isURL = entry.key == "url" || entry.key.hasSuffix(".url")
        let urlReason = "a % in a URL is written %% (a percent-encoded password such as p%40ss is written p%%40ss)"
        while let percent = rest.firstIndex(of: "%") {
            output += rest[..<percent]
            let after = rest[rest.index(after: percent)...]
            switch after.first {
            case "%":
                output += "%"
                rest = after.dropFirst()
            case "(":
                let inner = after.dropFirst()
                guard let close = inner.firstIndex(of: ")"), close > inner.startIndex,
                    inner[inner.index(after: close)...].first == "s"
                else {
                    let shown = String(rest.prefix(while: { !$0.isWhitespace })).iniClipped()
                    if isURL { throw fail(urlReason) }
                    throw fail("\"\(shown)\" is not a %(name)s reference; write %% for a literal percent")
                }
                let name = inner[..<close].lowercased()
                rest = inner[inner.index(close, offsetBy: 2)...]
                if let referenced = file.entry(name, in: section) {
                    if chain.contains(name) {
                        throw fail("interpolation loop " + (chain + [name]).joined(separator: " -> "))
                    }
                    if chain.count > Self.maxDepth {
                        throw fail("references nested deeper than \(Self.maxDepth) levels")
                    }
                    output += try resolve(referenced, chain: chain + [name])
                } else if name == "here" {
                    output += file.folder
                } else {
                    let scope = section == "DEFAULT" ? "[DEFAULT]" : "[\(section)] or [DEFAULT]"
                    throw fail("%(\(name))s names no key in \(scope); write %% for a literal percent")
                }
            default:
                let shown = String(rest[percent...].prefix(2))
                if isURL { throw fail(urlReason) }
                throw fail(
                    "\"%\" must be followed by \"%\" or \"(\", found \"\(shown)\"; write %% for a literal percent")
            }
        }
        output += rest
        return output
    }
}
