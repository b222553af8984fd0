import Foundation

/// What a new revision file declares and does.
public struct NewRevision: Sendable {
    public var id: String
    public var downRevisions: [String]
    public var branchLabels: [String] = []
    public var dependsOn: [String] = []
    public var message: String
    /// The upgrade body's statements, unindented (empty for a plain revision).
    public var upgrades = ""
    public var downgrades = ""
    /// Extra import lines.
    public var imports = ""
    /// One of the version locations, to put the file there.
    public var versionPath: String?
    /// In a multi-database project (autogen.ini's `databases`), each database's upgrade and
    /// downgrade statements by database name; a listed database without an entry gets empty bodies.
    public var databaseBodies: [String: (upgrades: String, downgrades: String)] = [:]

    public init(id: String, downRevisions: [String], message: String) {
        self.id = id
        self.downRevisions = downRevisions
        self.message = message
    }
}

/// Errors of writing a revision, each one line.
public enum RevisionWriteError: Error, Sendable, Hashable, CustomStringConvertible {
    case missingTemplate(path: String)
    case multipleHeads([String])
    case notAHead(String)
    case mergeNeedsTwo([String])

    public var description: String {
        switch self {
        case .missingTemplate(let path):
            return "no revision template at \(path): the script location needs a script.swift.mako"
        case .multipleHeads(let heads):
            return
                "multiple heads are present (\(heads.joined(separator: ", "))); give --head with the revision to build on, or merge them first with `autogen merge heads`"
        case .notAHead(let id):
            return "revision \(id) is not a head revision; pass --splice to start a new branch from it"
        case .mergeNeedsTwo(let ids):
            return
                "merge needs at least two revisions to merge, got \(ids.isEmpty ? "none" : ids.joined(separator: ", "))"
        }
    }
}

/// Writes new revision files from the project's `script.swift.mako`: renders, checks that the
/// graph stays valid with the new revision, writes atomically.
public struct RevisionWriter: Sendable {
    public let project: Project

    public init(project: Project) { self.project = project }

    /// The revision's file path after writing it.
    public func write(_ revision: NewRevision, at date: Date = Date()) throws -> String {
        let config = project.config
        let templatePath = (config.scriptLocation as NSString).appendingPathComponent("script.swift.mako")
        guard let source = FileManager.default.contents(atPath: templatePath) else {
            throw RevisionWriteError.missingTemplate(path: templatePath)
        }
        try RevisionID.validate(revision.id)
        let naming = try RevisionFileNaming(
            fileTemplate: config.fileTemplate, truncateSlugLength: config.truncateSlugLength,
            timeZone: config.timezone?.identifier)
        let createDate = try naming.createDate(at: date)
        let path = try project.scripts.pathForNewRevision(
            id: revision.id, message: revision.message, createDate: createDate,
            downRevisions: revision.downRevisions, versionPath: revision.versionPath, naming: naming)
        let template = try Template(source: String(decoding: source, as: UTF8.self), name: "script.swift.mako")
        let text = try template.render([
            "up_revision": .string(revision.id),
            "down_revision": .strings(revision.downRevisions),
            "branch_labels": .strings(revision.branchLabels),
            "depends_on": .strings(revision.dependsOn),
            "create_date": .string(createDate.text),
            "message": .string(revision.message),
            "imports": .string(revision.imports),
            "type_name": .string(RevisionID.typeName(for: revision.id)),
            "upgrades": .string(revision.upgrades),
            "downgrades": .string(revision.downgrades),
            "databases": .list(
                config.databases.map { name in
                    let bodies = revision.databaseBodies[name]
                    return .dict([
                        "name": .string(name), "function": .string(DatabaseFunctionName.suffix(for: name)),
                        "upgrades": .string(bodies?.upgrades ?? ""), "downgrades": .string(bodies?.downgrades ?? ""),
                    ])
                }),
        ])
        // The graph must accept the new revision before anything is written.
        if let header = try RevisionFileReader.parse(text, path: path) {
            _ = try RevisionGraph(headers: project.scripts.headers + [header])
        }
        try AtomicFile.write(text, to: path)
        return path
    }
}
