/// A version location or a new revision's place that does not work out.
public enum ScriptDirectoryError: Error, CustomStringConvertible, Sendable, Equatable {
    /// A folder that exists but cannot be listed.
    case cannotList(path: String, reason: String)
    /// No version location is configured.
    case noVersionLocations
    /// `--version-path` that is not one of the version locations.
    case notAVersionLocation(path: String, locations: [String])
    /// A new revision whose id is taken.
    case idExists(id: String, path: String)
    /// A new revision whose file name is taken.
    case fileExists(path: String)

    public var description: String {
        switch self {
        case .cannotList(let path, let reason):
            return "cannot list version location \(path): \(reason)"
        case .noVersionLocations:
            return "no version locations are configured (set script_location or version_locations)"
        case .notAVersionLocation(let path, let locations):
            return "version path \(path) is not one of the version locations (\(locations.joined(separator: ", ")))"
        case .idExists(let id, let path):
            return "revision id '\(id)' already exists in \(path)"
        case .fileExists(let path):
            return "\(path) already exists; choose another message or file_template"
        }
    }
}
