import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// One row of the applied-history table.
public struct HistoryEntry: Sendable, Hashable {
    public var revision: String
    /// `upgrade`, `downgrade` or `stamp`.
    public var direction: String
    /// UTC, ISO 8601 with milliseconds.
    public var appliedAt: String
    public var durationMilliseconds: Double
    /// The checksum of the revision file when it ran (nil when the file was unknown).
    public var checksum: String?

    public init(revision: String, direction: String, appliedAt: String, durationMilliseconds: Double, checksum: String?)
    {
        self.revision = revision
        self.direction = direction
        self.appliedAt = appliedAt
        self.durationMilliseconds = durationMilliseconds
        self.checksum = checksum
    }
}

extension HistoryEntry {
    /// `date` as `2026-11-26T20:40:00.123Z` (UTC); cheap enough to call once per revision.
    static func timestamp(_ date: Date = Date()) -> String {
        let since1970 = date.timeIntervalSince1970
        var seconds = time_t(since1970.rounded(.down))
        let millis = min(999, Int(((since1970 - Double(seconds)) * 1000).rounded()))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(Int(parts.tm_year) + 1900, 4))-\(pad(Int(parts.tm_mon) + 1, 2))-\(pad(Int(parts.tm_mday), 2))T"
            + "\(pad(Int(parts.tm_hour), 2)):\(pad(Int(parts.tm_min), 2)):\(pad(Int(parts.tm_sec), 2)).\(pad(millis, 3))Z"
    }
}
