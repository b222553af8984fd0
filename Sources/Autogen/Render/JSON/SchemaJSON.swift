import Foundation
import ModelDSL

/// The JSON form of a schema: its Codable form with sorted keys, indented, so that two
/// runs over the same database print the same bytes. The bytes are those of Foundation's
/// `JSONEncoder` with `.sortedKeys`, `.prettyPrinted` and `.withoutEscapingSlashes`, written
/// by `SortedJSONEncoder` in a fraction of the time.
public enum SchemaJSON {
    /// The schema as pretty-printed JSON with keys in sorted order.
    public static func encode(_ schema: Schema) throws -> String {
        String(decoding: try bytes(schema), as: UTF8.self)
    }

    /// The same text as UTF-8 bytes, for writing out without a copy.
    public static func bytes(_ schema: Schema) throws -> [UInt8] {
        do {
            return try SortedJSONEncoder.encode(schema)
        } catch {
            // What the stream does not do as JSONEncoder does, JSONEncoder does (or names).
            return Array(try encodeWithFoundation(schema).utf8)
        }
    }

    /// The same through Foundation's `JSONEncoder`: what `encode` must equal byte for byte.
    public static func encodeWithFoundation(_ schema: Schema) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(schema), as: UTF8.self)
    }
}
