/// A revision range `start:end` as `history -r` and offline (`--sql`) runs take it.
///
/// Either side may be empty: `:head`, `ab12:`; `base:heads` is everything. A missing start is
/// base, a missing end is heads.
public struct RevisionRange: Hashable, Sendable {
    /// The identifier before `:`, nil when empty.
    public let lower: String?
    /// The identifier after `:`, nil when empty.
    public let upper: String?

    public init(lower: String?, upper: String?) {
        self.lower = lower
        self.upper = upper
    }

    /// Parses `start:end`; throws `RevisionLookupError.malformedRange` without exactly one `:`.
    public init(parsing text: String) throws {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw RevisionLookupError.malformedRange(range: text) }
        lower = parts[0].isEmpty ? nil : String(parts[0])
        upper = parts[1].isEmpty ? nil : String(parts[1])
    }
}
