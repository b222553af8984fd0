import Foundation

/// A revision's creation time, broken down in the configured time zone.
///
/// `text` is what the file's `createDate` declaration holds: `yyyy-MM-dd HH:mm:ss.SSSSSS`
/// (microseconds), e.g. `2026-11-26 19:40:00.123456`. The components fill `file_template`'s
/// `%(year)d` ... `%(second)d` tokens and `epoch` its `%(epoch)s` token (whole seconds since
/// 1970 UTC).
public struct CreateDate: Hashable, Sendable {
    public let year: Int
    public let month: Int
    public let day: Int
    public let hour: Int
    public let minute: Int
    public let second: Int
    public let microsecond: Int
    /// Whole seconds since 1970-01-01 00:00:00 UTC.
    public let epoch: Int

    /// Breaks `date` down in the IANA time zone `timeZone` (`"Europe/Paris"`, `"UTC"`), or in
    /// the local time zone when it is nil. An unknown zone throws `UnknownTimeZoneError`;
    /// like Alembic, a name is also tried in upper case (`utc`).
    public init(_ date: Date, timeZone: String?) throws {
        let zone: TimeZone
        if let name = timeZone {
            guard let found = TimeZone(identifier: name) ?? TimeZone(identifier: name.uppercased()) else {
                throw UnknownTimeZoneError(name: name)
            }
            zone = found
        } else {
            zone = TimeZone.current
        }
        // Nearest microsecond: a Date is a Double, so 0.123456 may be stored as 0.12345599...
        let micros = (date.timeIntervalSince1970 * 1_000_000).rounded()
        let wholeSeconds = (micros / 1_000_000).rounded(.down)
        epoch = Int(wholeSeconds)
        microsecond = Int(micros - wholeSeconds * 1_000_000)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents(
            [.year, .month, .day, .hour, .minute, .second],
            from: Date(timeIntervalSince1970: wholeSeconds)
        )
        year = parts.year ?? 1970
        month = parts.month ?? 1
        day = parts.day ?? 1
        hour = parts.hour ?? 0
        minute = parts.minute ?? 0
        second = parts.second ?? 0
    }

    /// `yyyy-MM-dd HH:mm:ss.SSSSSS`.
    public var text: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
        }
        return
            "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2)) \(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2)).\(pad(microsecond, 6))"
    }
}

/// A `timezone` setting that names no known time zone.
public struct UnknownTimeZoneError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The name as configured.
    public let name: String

    public var description: String {
        "unknown timezone '\(name)': use an IANA time zone name such as 'UTC' or 'Europe/Paris'"
    }
}
