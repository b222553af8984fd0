/// An identifier, range or path request that does not name what it must.
///
/// The messages are one line and meant to reach the user as they are; for example an
/// ambiguous prefix lists every candidate: `multiple revisions start with 'ab': ab12..., ab34...`.
public enum RevisionLookupError: Error, CustomStringConvertible, Sendable, Equatable {
    /// An identifier that does not parse.
    case malformed(identifier: String, problem: String)
    /// No revision id, id prefix or branch label matches.
    case unknown(name: String)
    /// The part before `@` is neither a branch label nor a revision.
    case unknownBranch(branch: String, identifier: String)
    /// A prefix that starts several ids; `candidates` are all of them, sorted.
    case ambiguousPrefix(prefix: String, candidates: [String])
    /// `head` (or `label@head`) with several heads.
    case multipleHeads(identifier: String, heads: [String])
    /// `label@rev` where rev is not on the label's branch.
    case notOnBranch(revision: String, branch: String)
    /// A relative step from something that names several revisions (`heads-1`).
    case severalStarts(identifier: String, revisions: [String])
    /// `+N` / `-N` with several current revisions and no branch to choose one.
    case ambiguousCurrent(identifier: String, current: [String])
    /// `-N` when the database is at base (or has nothing on the named branch).
    case noCurrent(identifier: String)
    /// A step up from a revision with several children.
    case ambiguousStepUp(identifier: String, from: String, candidates: [String])
    /// A step down from a merge revision.
    case ambiguousStepDown(identifier: String, from: String, candidates: [String])
    /// A relative step that runs past a head (`up`) or below base; `steps` were possible.
    case walkedTooFar(identifier: String, steps: Int, up: Bool)
    /// A current revision (from the version table) that no file declares.
    case unknownCurrent(id: String)
    /// Current revisions of which one is an ancestor of another.
    case overlappingCurrent(ancestor: String, descendant: String)
    /// `upgrade -1` or `downgrade +1`.
    case wrongDirection(identifier: String, command: String)
    /// A downgrade target that is not applied.
    case notApplied(target: String, current: [String])
    /// A range whose start is not an ancestor of its end.
    case notAncestor(lower: String, upper: String)
    /// A range without `:`.
    case malformedRange(range: String)
    /// An offline downgrade range without its start (the state to go down from).
    case missingStart(range: String)

    public var description: String {
        switch self {
        case .malformed(let identifier, let problem):
            return "malformed revision identifier '\(identifier)': \(problem)"
        case .unknown(let name):
            return "no revision or branch label '\(name)'"
        case .unknownBranch(let branch, let identifier):
            return "no branch label or revision '\(branch)' (in '\(identifier)')"
        case .ambiguousPrefix(let prefix, let candidates):
            return "multiple revisions start with '\(prefix)': \(candidates.joined(separator: ", "))"
        case .multipleHeads(let identifier, let heads):
            return
                "'\(identifier)' is ambiguous: there are \(heads.count) heads (\(heads.joined(separator: ", "))); use 'heads', a branch label such as 'label@head', or a revision id"
        case .notOnBranch(let revision, let branch):
            return "revision '\(revision)' is not on branch '\(branch)'"
        case .severalStarts(let identifier, let revisions):
            return
                "'\(identifier)' steps from several revisions (\(revisions.joined(separator: ", "))); a relative step needs exactly one"
        case .ambiguousCurrent(let identifier, let current):
            return
                "'\(identifier)' is ambiguous: the database is at several revisions (\(current.joined(separator: ", "))); name a branch such as '\(current.first ?? "label")@\(identifier)'"
        case .noCurrent(let identifier):
            return "'\(identifier)' needs a current revision, but the database has none there (it is at base)"
        case .ambiguousStepUp(let identifier, let from, let candidates):
            return
                "'\(identifier)' is ambiguous: \(from == "base" ? "base is followed by several bases" : "revision '\(from)' has several next revisions") (\(candidates.joined(separator: ", "))); use a branch label such as 'label@\(identifier)'"
        case .ambiguousStepDown(let identifier, let from, let candidates):
            return
                "'\(identifier)' is ambiguous: revision '\(from)' is a merge of \(candidates.joined(separator: ", ")); name the revision to go to"
        case .walkedTooFar(let identifier, let steps, let up):
            let direction = up ? "past the head" : "below base"
            return "'\(identifier)' goes \(direction): only \(steps) step\(steps == 1 ? "" : "s") possible"
        case .unknownCurrent(let id):
            return "the database is at revision '\(id)', which is not in the script directory"
        case .overlappingCurrent(let ancestor, let descendant):
            return "the current revisions overlap: '\(ancestor)' is an ancestor of '\(descendant)'"
        case .wrongDirection(let identifier, let command):
            return
                "'\(identifier)' cannot be a target of \(command); use \(command == "upgrade" ? "downgrade" : "upgrade")"
        case .notApplied(let target, let current):
            let at = current.isEmpty ? "base" : current.joined(separator: ", ")
            return "cannot downgrade to '\(target)': it is not applied (the database is at \(at))"
        case .notAncestor(let lower, let upper):
            return "revision '\(lower)' is not an ancestor of '\(upper)'"
        case .malformedRange(let range):
            return "malformed revision range '\(range)': use start:end, start: or :end"
        case .missingStart(let range):
            return "an offline downgrade needs the revision to start from: use start:end, not '\(range)'"
        }
    }
}
