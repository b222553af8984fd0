/// The revisions of a script directory as a graph: heads, bases, branches, merges, labels and
/// dependencies, built from the headers the files declare.
///
/// Edges: a revision's `downRevisions` are its parents (one for a plain revision, several for
/// a merge, none for a base). `dependsOn` entries (ids or branch labels) must be applied
/// first and keep their dependents from outliving them on downgrade, but are not parents:
/// they make no merge and leave heads alone. Revisions are kept sorted by id; every listing
/// the graph returns is in a deterministic order.
///
/// `init` rejects, with a one-line message naming the file and line (`RevisionGraphError`):
/// invalid ids, duplicate ids, ids that give the same Swift type, invalid or duplicate branch
/// labels, labels that are ids, missing down revisions or dependencies, and cycles.
public struct RevisionGraph: Sendable {
    /// Every revision's header, sorted by id; an index into this array identifies a revision.
    let headers: [RevisionHeader]
    let indexByID: [String: Int]
    let indexByLabel: [String: Int]
    /// Down revisions (declared order).
    let parents: [[Int]]
    /// Resolved dependencies that are not also down revisions (declared order).
    let dependencies: [[Int]]
    /// Revisions that list this one as a down revision (ascending).
    let children: [[Int]]
    /// Revisions that depend on this one (ascending).
    let dependents: [[Int]]
    let headIndices: [Int]
    let baseIndices: [Int]

    /// Builds and checks the graph; throws `RevisionGraphError`.
    public init(headers input: [RevisionHeader]) throws {
        // Ids: valid, unique, distinct type names. Checked in input (file) order.
        var firstByID: [String: Int] = [:]
        firstByID.reserveCapacity(input.count)
        var firstByTypeName: [String: Int] = [:]
        for (position, header) in input.enumerated() {
            do { try RevisionID.validate(header.id) } catch let problem as RevisionIDError {
                throw RevisionGraphError.invalidID(location: header.location(header.lines.id), problem: problem)
            }
            if let first = firstByID.updateValue(position, forKey: header.id) {
                let original = input[first]
                throw RevisionGraphError.duplicateID(
                    id: header.id, location: header.location(header.lines.id),
                    firstLocation: original.location(original.lines.id))
            }
        }
        // Ids of letters, digits and _ are their own type names, so only the others can clash.
        for (position, header) in input.enumerated() where !RevisionID.isIdentifierSafe(header.id) {
            let typeName = RevisionID.typeName(for: header.id)
            let clash = firstByTypeName[typeName] ?? firstByID[String(typeName.dropFirst("Revision_".count))]
            if let clash {
                // Report it at the later file, like a duplicate id.
                let (first, second) = clash < position ? (input[clash], header) : (header, input[clash])
                throw RevisionGraphError.duplicateTypeName(
                    typeName: typeName, id: second.id, location: second.location(second.lines.id),
                    otherID: first.id, otherLocation: first.location(first.lines.id))
            }
            firstByTypeName[typeName] = position
        }
        let headers = input.indices.sorted { input[$0].id < input[$1].id }.map { input[$0] }
        var indexByID: [String: Int] = [:]
        indexByID.reserveCapacity(headers.count)
        for (index, header) in headers.enumerated() { indexByID[header.id] = index }

        // Branch labels: valid, unique, not ids.
        var indexByLabel: [String: Int] = [:]
        for (index, header) in headers.enumerated() {
            for label in header.branchLabels {
                let location = header.location(header.lines.branchLabels)
                if (try? RevisionID.validate(label)) == nil {
                    throw RevisionGraphError.invalidLabel(label: label, id: header.id, location: location)
                }
                if let owner = indexByID[label] {
                    throw RevisionGraphError.labelIsID(
                        label: label, id: header.id, location: location,
                        otherLocation: headers[owner].location(headers[owner].lines.id))
                }
                if let other = indexByLabel[label] {
                    let otherHeader = headers[other]
                    throw RevisionGraphError.duplicateLabel(
                        label: label, id: header.id, location: location,
                        otherID: otherHeader.id, otherLocation: otherHeader.location(otherHeader.lines.branchLabels))
                }
                indexByLabel[label] = index
            }
        }

        // Edges.
        var parents: [[Int]] = []
        var dependencies: [[Int]] = []
        parents.reserveCapacity(headers.count)
        dependencies.reserveCapacity(headers.count)
        var children = Array(repeating: [Int](), count: headers.count)
        var dependents = Array(repeating: [Int](), count: headers.count)
        for (index, header) in headers.enumerated() {
            var down: [Int] = []
            for id in header.downRevisions {
                guard let parent = indexByID[id] else {
                    throw RevisionGraphError.missingDownRevision(
                        id: header.id, downRevision: id, location: header.location(header.lines.downRevisions))
                }
                if down.contains(parent) {
                    throw RevisionGraphError.repeatedDownRevision(
                        id: header.id, downRevision: id, location: header.location(header.lines.downRevisions))
                }
                down.append(parent)
                children[parent].append(index)
            }
            var needs: [Int] = []
            for name in header.dependsOn {
                guard let dependency = indexByID[name] ?? indexByLabel[name] else {
                    throw RevisionGraphError.missingDependency(
                        id: header.id, dependency: name, location: header.location(header.lines.dependsOn))
                }
                if down.contains(dependency) || needs.contains(dependency) { continue }
                needs.append(dependency)
                dependents[dependency].append(index)
            }
            parents.append(down)
            dependencies.append(needs)
        }

        self.headers = headers
        self.indexByID = indexByID
        self.indexByLabel = indexByLabel
        self.parents = parents
        self.dependencies = dependencies
        self.children = children
        self.dependents = dependents
        self.headIndices = headers.indices.filter { children[$0].isEmpty }
        self.baseIndices = headers.indices.filter { parents[$0].isEmpty }
        if let cycle = findCycle() {
            let first = headers[cycle[0]]
            let second = cycle[1]
            let line = parents[cycle[0]].contains(second) ? first.lines.downRevisions : first.lines.dependsOn
            throw RevisionGraphError.cycle(cycle: cycle.map { headers[$0].id }, location: first.location(line))
        }
    }

    /// The number of revisions.
    public var count: Int { headers.count }

    /// Every revision, sorted by id.
    public var revisions: [RevisionHeader] { headers }

    /// Revisions that no revision revises, sorted by id (dependents do not count).
    public var heads: [String] { headIndices.map { headers[$0].id } }

    /// Revisions without down revisions, sorted by id.
    public var bases: [String] { baseIndices.map { headers[$0].id } }

    /// Revisions revised by more than one revision, sorted by id.
    public var branchPoints: [String] { headers.indices.filter { children[$0].count > 1 }.map { headers[$0].id } }

    /// Revisions with several down revisions, sorted by id.
    public var mergePoints: [String] { headers.indices.filter { parents[$0].count > 1 }.map { headers[$0].id } }

    /// Every branch label and the id of the revision that declares it, sorted by label.
    public var branchLabels: [(label: String, id: String)] {
        indexByLabel.sorted { $0.key < $1.key }.map { (label: $0.key, id: headers[$0.value].id) }
    }

    /// The revision with exactly this id, with its place in the graph.
    public func node(_ id: String) -> RevisionNode? {
        indexByID[id].map(node(at:))
    }

    /// Every revision with its place in the graph, sorted by id.
    public var nodes: [RevisionNode] { headers.indices.map(node(at:)) }

    func node(at index: Int) -> RevisionNode {
        RevisionNode(
            header: headers[index],
            nextRevisions: children[index].map { headers[$0].id },
            dependencies: dependencies[index].map { headers[$0].id },
            dependents: dependents[index].map { headers[$0].id }
        )
    }
}
