/// What a revision file declares about itself, read as text without compiling it.
///
/// The six `static let` declarations of the revision file contract, plus where they were
/// found so that graph errors can name the file and line.
public struct RevisionHeader: Hashable, Sendable {
    /// `static let id`.
    public var id: String
    /// `static let downRevisions`: empty for a base, several for a merge.
    public var downRevisions: [String]
    /// `static let branchLabels`.
    public var branchLabels: [String]
    /// `static let dependsOn`: revision ids or branch labels applied before this one.
    public var dependsOn: [String]
    /// `static let message`.
    public var message: String
    /// `static let createDate` (`yyyy-MM-dd HH:mm:ss.SSSSSS`).
    public var createDate: String
    /// The file it was read from (empty for headers made in code).
    public var path: String
    /// The 1-based line of each declaration (0 when it is absent).
    public var lines: Lines

    /// The line of each declaration in the file.
    public struct Lines: Hashable, Sendable {
        public var id = 0
        public var downRevisions = 0
        public var branchLabels = 0
        public var dependsOn = 0
        public var message = 0
        public var createDate = 0

        public init(
            id: Int = 0, downRevisions: Int = 0, branchLabels: Int = 0, dependsOn: Int = 0, message: Int = 0,
            createDate: Int = 0
        ) {
            self.id = id
            self.downRevisions = downRevisions
            self.branchLabels = branchLabels
            self.dependsOn = dependsOn
            self.message = message
            self.createDate = createDate
        }
    }

    public init(
        id: String,
        downRevisions: [String] = [],
        branchLabels: [String] = [],
        dependsOn: [String] = [],
        message: String = "",
        createDate: String = "",
        path: String = "",
        lines: Lines = Lines()
    ) {
        self.id = id
        self.downRevisions = downRevisions
        self.branchLabels = branchLabels
        self.dependsOn = dependsOn
        self.message = message
        self.createDate = createDate
        self.path = path
        self.lines = lines
    }

    /// `path:line` of a declaration, for error messages (`<id>` when the header has no file).
    func location(_ line: Int) -> String {
        let file = path.isEmpty ? "revision \(id)" : path
        return line > 0 ? "\(file):\(line)" : file
    }
}
