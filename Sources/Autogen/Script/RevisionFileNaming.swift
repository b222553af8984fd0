import Foundation

/// How new revision files are named and dated: `file_template`, `truncate_slug_length` and
/// `timezone` from the configuration.
public struct RevisionFileNaming: Hashable, Sendable {
    /// The parsed `file_template` (default `%(rev)s_%(slug)s`).
    public var fileTemplate: FileTemplate
    /// Slugs longer than this are cut on a word boundary (default 40).
    public var truncateSlugLength: Int
    /// IANA time zone of the create date; nil is the local time zone.
    public var timeZone: String?

    /// The extension of revision files.
    public static let fileExtension = "swift"

    /// Alembic's defaults: `%(rev)s_%(slug)s`, 40, local time.
    public init() {
        // The default template is known to parse.
        fileTemplate = FileTemplate(uncheckedDefault: ())
        truncateSlugLength = 40
        timeZone = nil
    }

    /// Naming from configuration values; throws `FileTemplateError` for a bad template and
    /// `UnknownTimeZoneError` for a zone that does not exist (checked now, not at first use).
    public init(
        fileTemplate: String = FileTemplate.defaultTemplate, truncateSlugLength: Int = 40, timeZone: String? = nil
    ) throws {
        self.fileTemplate = try FileTemplate(fileTemplate)
        self.truncateSlugLength = truncateSlugLength > 0 ? truncateSlugLength : 40
        self.timeZone = timeZone
        if timeZone != nil { _ = try CreateDate(Date(timeIntervalSince1970: 0), timeZone: timeZone) }
    }

    /// The create date of a revision made at `date`, in the configured zone.
    public func createDate(at date: Date) throws -> CreateDate {
        try CreateDate(date, timeZone: timeZone)
    }

    /// The file's path relative to its version location, with the `.swift` extension:
    /// `3512b954651e_add_account.swift`, or `2026/11/3512b954651e.swift` when the template
    /// has folders.
    public func fileName(revisionID: String, message: String, createDate: CreateDate) -> String {
        let slug = Slug.make(from: message, truncateAt: truncateSlugLength)
        return fileTemplate.render(revisionID: revisionID, slug: slug, date: createDate) + "." + Self.fileExtension
    }
}
