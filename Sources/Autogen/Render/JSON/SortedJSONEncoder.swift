import Foundation

/// Encodes an `Encodable` value to the bytes Foundation's `JSONEncoder` writes with
/// `.sortedKeys`, `.prettyPrinted` and `.withoutEscapingSlashes`, several times as fast: the
/// text is written while the value encodes itself (`JSONStream`), with no tree of values in
/// between, one reused `Encoder` per depth, and strings, integers, booleans and doubles
/// written without an `Encoder` at all.
///
/// It throws `JSONStreamError` for what it does not do as JSONEncoder does (values JSONEncoder
/// encodes specially, non-finite numbers, containers written out of order, super encoders);
/// the caller then uses JSONEncoder.
enum SortedJSONEncoder {
    static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoding = JSONEncoding()
        try encoding.write(value, depth: 0)
        encoding.stream.close(downTo: 0)
        if encoding.refused { throw JSONStreamError.outOfOrder }
        return encoding.stream.bytes
    }
}

/// One encoding run: the stream and the encoders, one per depth.
final class JSONEncoding {
    let stream = JSONStream()
    @exclusivity(unchecked) private var encoders: [JSONStreamEncoder] = []
    /// Set when the value asked for what a stream cannot do where no error can be thrown (a
    /// super encoder, a nested container out of order): the text is then not used.
    private(set) var refused = false

    func refuseOnError(_ body: () throws(JSONStreamError) -> Void) {
        do { try body() } catch { refused = true }
    }

    /// What `superEncoder()` returns: JSONEncoder writes a super value when its encoder is
    /// released, which a stream cannot do, so the run is refused (and JSONEncoder used).
    func refusingEncoder(depth: Int) -> any Encoder {
        refused = true
        return encoder(depth: depth)
    }

    private func encoder(depth: Int) -> JSONStreamEncoder {
        while encoders.count <= depth { encoders.append(JSONStreamEncoder(encoding: self, depth: encoders.count)) }
        return encoders[depth]
    }

    /// Writes `value` at the stream's position as the value of depth `depth`.
    func write<T: Encodable>(_ value: T, depth: Int) throws {
        // Metatype comparisons, not `as?` casts: a dynamic cast per value costs more than
        // writing it.
        if T.self == String.self { return stream.string(unsafeBitCast(value, to: String.self)) }
        if T.self == Int.self { return stream.literal(String(unsafeBitCast(value, to: Int.self))) }
        if T.self == Bool.self { return stream.literal(unsafeBitCast(value, to: Bool.self) ? "true" : "false") }
        if T.self == Double.self { return try number(unsafeBitCast(value, to: Double.self)) }
        if T.self == Date.self || T.self == Data.self || T.self == URL.self || T.self == Decimal.self {
            throw JSONStreamError.unsupported
        }
        let encoder = encoder(depth: depth)
        let open = stream.openCount
        let before = stream.bytes.count
        encoder.begin()
        try value.encode(to: encoder)
        stream.close(downTo: open)
        // A value that encoded nothing is an empty object, as in JSONEncoder.
        if stream.bytes.count == before { stream.close(downTo: stream.openObject(depth: depth).index) }
    }

    /// A floating-point number as JSONEncoder spells it: Swift's shortest form without a
    /// trailing `.0` (`100`, `0.1`, `1e+20`).
    func number<F: BinaryFloatingPoint & LosslessStringConvertible>(_ value: F) throws(JSONStreamError) {
        guard value.isFinite else { throw .unsupported }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        stream.literal(text)
    }

    /// An integer.
    func integer<I: BinaryInteger>(_ value: I) { stream.literal(String(value)) }
}

/// The `Encoder` of the values at one depth, reused for each of them in turn.
final class JSONStreamEncoder: Encoder {
    unowned let encoding: JSONEncoding
    let depth: Int
    /// The keyed container of the current value, for a second `container(keyedBy:)`.
    @exclusivity(unchecked) private var object: JSONStream.Handle?

    init(encoding: JSONEncoding, depth: Int) {
        self.encoding = encoding
        self.depth = depth
    }

    func begin() { object = nil }

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let handle = object ?? encoding.stream.openObject(depth: depth)
        object = handle
        return KeyedEncodingContainer(JSONStreamKeyedContainer<Key>(encoding: encoding, handle: handle, depth: depth))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        JSONStreamUnkeyedContainer(encoding: encoding, handle: encoding.stream.openArray(depth: depth), depth: depth)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        JSONStreamSingleValueContainer(encoding: encoding, depth: depth)
    }
}
