/// Paths for offline (`--sql`) runs, which read no version table: the range says where the
/// database starts.
extension RevisionGraph {
    /// The upgrade steps over `start:end`: from the state where `start` is what the version
    /// table holds (base when empty) to `end` (heads when empty). `+N` in `end` counts from
    /// `start`.
    public func upgradePath(range: RevisionRange) throws -> [RevisionStep] {
        let start = try range.lower.map { try resolve($0) } ?? []
        return try upgradePath(from: Set(start), to: range.upper ?? "heads")
    }

    /// The downgrade steps over `start:end`: from `start` (required) down to `end` (base when
    /// empty). `-N` in `end` counts from `start`.
    public func downgradePath(range: RevisionRange) throws -> [RevisionStep] {
        guard let lower = range.lower else { throw RevisionLookupError.missingStart(range: ":" + (range.upper ?? "")) }
        let start = try resolve(lower)
        return try downgradePath(from: Set(start), to: range.upper ?? "base")
    }
}
