import Foundation

/// Public real-world schemas for the round-trip tests, from `AUTOGEN_REAL_SCHEMAS_DIR`
/// (`scripts/real-schemas.sh` fills the folder from the Debian packages that ship them, and
/// `scripts/test.sh` sets the variable). Like `TestPostgres`, the suites run when the folder is
/// given or `CI` is set, so that in CI a missing folder fails instead of skipping.
public enum RealSchemaFixtures {
    public struct SetupError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Whether the real-schema suites should run.
    public static var isConfigured: Bool {
        let configured = ProcessInfo.processInfo.environment["AUTOGEN_REAL_SCHEMAS_DIR"] != nil || TestPostgres.isCI
        if !configured {
            SkipCount.shared.add(
                "real-schema suite(s) were skipped: AUTOGEN_REAL_SCHEMAS_DIR is not set (scripts/test.sh fills one with scripts/real-schemas.sh)"
            )
        }
        return configured
    }

    /// The text of fixture `name` (`zabbix.pg.sql`).
    public static func sql(_ name: String) throws -> String {
        guard let folder = ProcessInfo.processInfo.environment["AUTOGEN_REAL_SCHEMAS_DIR"] else {
            throw SetupError(
                description:
                    "AUTOGEN_REAL_SCHEMAS_DIR is not set (required when CI=true; scripts/real-schemas.sh fills one)"
            )
        }
        let path = URL(fileURLWithPath: folder).appendingPathComponent(name).path
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw SetupError(description: "\(path): cannot be read (run scripts/real-schemas.sh \(folder))")
        }
        return text
    }
}
