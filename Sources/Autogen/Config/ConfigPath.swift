/// Path arithmetic for config values: relative paths are relative to the ini file's folder.
enum ConfigPath {
    /// `path` made absolute against `folder` (unless it already is), with `.`, `..` and repeated `/` removed.
    static func resolve(_ path: String, against folder: String) -> String {
        normalized(path.hasPrefix("/") ? path : folder + "/" + path)
    }

    /// `path` with `.` and empty components removed and `..` applied (never above `/` for an absolute path).
    static func normalized(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".":
                continue
            case "..":
                if let last = parts.last, last != ".." {
                    parts.removeLast()
                } else if !absolute {
                    parts.append(part)
                }
            default:
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }
}
