import Foundation
import ModelDSL

/// The JSON form of a schema: its Codable form with sorted keys, indented, so that two
/// runs over the same database print the same bytes.
public enum SchemaJSON {
    /// The schema as pretty-printed JSON with keys in sorted order.
    public static func encode(_ schema: Schema) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(schema), as: UTF8.self)
    }
}
