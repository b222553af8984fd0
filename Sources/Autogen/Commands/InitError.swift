/// Why `autogen init` refused to write a project; each one line.
enum InitError: Error, Sendable, Hashable, CustomStringConvertible {
    case unknownTemplate(String, available: [String])
    case configExists(String)
    case folderNotEmpty(String)

    var description: String {
        switch self {
        case .unknownTemplate(let name, let available):
            return "no template named \(name); available: \(available.joined(separator: ", "))"
        case .configExists(let path):
            return "\(path) already exists; init writes a new project, remove it or run init in another folder"
        case .folderNotEmpty(let path):
            return "\(path) exists and is not empty; give init a new or empty folder"
        }
    }
}
