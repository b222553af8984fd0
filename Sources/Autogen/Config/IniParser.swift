/// Reads INI text by Python ConfigParser's default rules (the rules alembic.ini is read by).
///
/// - `[name]` opens a section (a trailing `# ...` or `; ...` after the `]` is allowed);
///   `[DEFAULT]` holds keys every section inherits.
/// - `key = value` or `key: value`: the first `=` or `:` splits; keys are trimmed and
///   lowercased, values trimmed.
/// - A line indented deeper than its key continues the value (joined with `\n`); blank lines
///   inside a continued value are kept, trailing ones dropped.
/// - Lines whose first non-blank character is `#` or `;` are comments; there are no inline
///   comments (`url = x # y` has the value `x # y`).
/// - A section or a key within one section given twice is an error, as is any other line.
struct IniParser {
    let file: String

    /// A section being filled, with its keys' first lines for duplicate reports.
    private struct Building {
        var section: IniSection
        var firstLines: [String: Int] = [:]
    }

    /// The key whose value further indented lines continue.
    private struct OpenValue {
        var key: String
        var line: Int
        var indent: Int
        var lines: [String]
    }

    func parse(_ text: String) throws(ConfigError) -> (defaults: IniSection?, sections: [IniSection]) {
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        let lines = body.split(
            omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })

        var built: [Building] = []
        var sectionLines: [String: Int] = [:]
        var current: Int?
        var open: OpenValue?

        func close() {
            guard let value = open, let index = current else { return }
            let joined = value.lines.joined(separator: "\n").iniTrimmedTrailing()
            built[index].section.append(IniEntry(key: value.key, rawValue: joined, line: value.line))
            open = nil
        }

        for (offset, rawLine) in lines.enumerated() {
            let number = offset + 1
            let stripped = rawLine.iniTrimmed()
            if stripped.isEmpty {
                open?.lines.append("")
                continue
            }
            if stripped.hasPrefix("#") || stripped.hasPrefix(";") { continue }
            let indent = rawLine.prefix(while: { $0.isWhitespace }).count
            if let value = open, indent > value.indent {
                open?.lines.append(stripped)
                continue
            }
            close()
            if stripped.hasPrefix("[") {
                let name = try sectionName(stripped, line: number)
                if let first = sectionLines[name] {
                    throw .duplicateSection(file: file, line: number, section: name, firstLine: first)
                }
                sectionLines[name] = number
                built.append(Building(section: IniSection(name: name, line: number)))
                current = built.count - 1
                continue
            }
            guard let delimiter = stripped.firstIndex(where: { $0 == "=" || $0 == ":" }) else {
                throw .syntax(
                    file: file, line: number,
                    message: "expected \"key = value\", \"[section]\" or a comment, found \"\(stripped.iniClipped())\"")
            }
            let key = stripped[..<delimiter].iniTrimmed().lowercased()
            guard !key.isEmpty else {
                throw .syntax(
                    file: file, line: number,
                    message: "missing key before \"\(stripped[delimiter])\" in \"\(stripped.iniClipped())\"")
            }
            guard let index = current else {
                throw .syntax(file: file, line: number, message: "\"\(key)\" comes before any [section]")
            }
            if let first = built[index].firstLines[key] {
                throw .duplicateKey(
                    file: file, line: number, section: built[index].section.name, key: key, firstLine: first)
            }
            built[index].firstLines[key] = number
            let value = stripped[stripped.index(after: delimiter)...].iniTrimmed()
            open = OpenValue(key: key, line: number, indent: indent, lines: [value])
        }
        close()

        let sections = built.map(\.section)
        return (sections.first { $0.name == "DEFAULT" }, sections.filter { $0.name != "DEFAULT" })
    }

    /// The name in a `[name]` header line (already trimmed), or a syntax error.
    private func sectionName(_ line: String, line number: Int) throws(ConfigError) -> String {
        if let close = line.lastIndex(of: "]") {
            let name = line[line.index(after: line.startIndex)..<close].iniTrimmed()
            let tail = line[line.index(after: close)...].iniTrimmed()
            if !name.isEmpty, tail.isEmpty || tail.hasPrefix("#") || tail.hasPrefix(";") {
                return name
            }
        }
        throw .syntax(
            file: file, line: number, message: "malformed section header \"\(line.iniClipped())\"; expected [name]")
    }
}
