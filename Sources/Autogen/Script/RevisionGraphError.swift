/// A set of revision files that does not form a valid graph.
///
/// Each message is one line that starts with the file and line of the declaration at fault
/// (`versions/ab12_x.swift:9: ...`) and names every revision and file involved.
public enum RevisionGraphError: Error, CustomStringConvertible, Sendable, Equatable {
    /// An id that `RevisionID.validate` rejects; `location` is `path:line`.
    case invalidID(location: String, problem: RevisionIDError)
    /// Two files declare the same id.
    case duplicateID(id: String, location: String, firstLocation: String)
    /// Two ids that become the same Swift type name.
    case duplicateTypeName(typeName: String, id: String, location: String, otherID: String, otherLocation: String)
    /// A label with a character the identifier syntax reserves.
    case invalidLabel(label: String, id: String, location: String)
    /// A branch label declared by two revisions (or twice by one).
    case duplicateLabel(label: String, id: String, location: String, otherID: String, otherLocation: String)
    /// A branch label that is also a revision id.
    case labelIsID(label: String, id: String, location: String, otherLocation: String)
    /// A down revision that is no revision's id.
    case missingDownRevision(id: String, downRevision: String, location: String)
    /// A down revision listed twice.
    case repeatedDownRevision(id: String, downRevision: String, location: String)
    /// A depends_on entry that is neither a revision id nor a branch label.
    case missingDependency(id: String, dependency: String, location: String)
    /// Revisions that (through down revisions or depends_on) come before themselves; `cycle`
    /// starts and ends with the same id.
    case cycle(cycle: [String], location: String)

    public var description: String {
        switch self {
        case .invalidID(let location, let problem):
            return "\(location): \(problem)"
        case .duplicateID(let id, let location, let firstLocation):
            return "\(location): duplicate revision id '\(id)', also declared at \(firstLocation)"
        case .duplicateTypeName(let typeName, let id, let location, let otherID, let otherLocation):
            return
                "\(location): revision id '\(id)' gives the Swift type \(typeName), like revision '\(otherID)' at \(otherLocation)"
        case .invalidLabel(let label, let id, let location):
            return
                "\(location): invalid branch label '\(label)' in revision '\(id)': a label may not be empty or contain @ - + : / \\ or whitespace"
        case .duplicateLabel(let label, let id, let location, let otherID, let otherLocation):
            if id == otherID {
                return "\(location): branch label '\(label)' is listed twice in revision '\(id)'"
            }
            return
                "\(location): branch label '\(label)' of revision '\(id)' is already used by revision '\(otherID)' at \(otherLocation)"
        case .labelIsID(let label, let id, let location, let otherLocation):
            return
                "\(location): branch label '\(label)' of revision '\(id)' is the id of the revision at \(otherLocation)"
        case .missingDownRevision(let id, let downRevision, let location):
            return
                "\(location): revision '\(id)' revises '\(downRevision)', which is not a revision in the script directory"
        case .repeatedDownRevision(let id, let downRevision, let location):
            return "\(location): revision '\(id)' lists down revision '\(downRevision)' twice"
        case .missingDependency(let id, let dependency, let location):
            return
                "\(location): revision '\(id)' depends on '\(dependency)', which is neither a revision id nor a branch label"
        case .cycle(let cycle, let location):
            return
                "\(location): revisions form a cycle: \(cycle.joined(separator: " -> ")) (each revises or depends on the next)"
        }
    }
}
