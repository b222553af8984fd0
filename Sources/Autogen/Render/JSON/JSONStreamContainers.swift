/// The keyed container of `JSONStreamEncoder`: each member is written as it comes.
struct JSONStreamKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoding: JSONEncoding
    let handle: JSONStream.Handle
    let depth: Int

    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws {
        try encoding.stream.member(handle, key: key.stringValue)
        encoding.stream.literal("null")
    }
    mutating func encode(_ value: Bool, forKey key: Key) throws {
        try encoding.stream.member(handle, key: key.stringValue)
        encoding.stream.literal(value ? "true" : "false")
    }
    mutating func encode(_ value: String, forKey key: Key) throws {
        try encoding.stream.member(handle, key: key.stringValue)
        encoding.stream.string(value)
    }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        try encoding.stream.member(handle, key: key.stringValue)
        try encoding.number(value)
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        try encoding.stream.member(handle, key: key.stringValue)
        try encoding.number(value)
    }
    mutating func encode(_ value: Int, forKey key: Key) throws {
        try encoding.stream.member(handle, key: key.stringValue)
        encoding.integer(value)
    }
    mutating func encode(_ value: Int8, forKey key: Key) throws {
        try encoding.stream.member(handle, key: key.stringValue)
        encoding.integer(value)
    }
    mutating func encode(_ value: Int16, forKey key: Key) throws {
        try encoding.stream.member(handle, key: key.stringValue)
        encoding.integer(value)
    }
    mutating func encode(_ value: Int32, forKey key: Key) throws {
        try encoding.stream.member(handle, key: key.stringValue)
        encoding.integer(value)
    }
    mutating func encode(_ value: Int64, forKey key: Key) throws {
        try encoding.stream.member(handle, key: key.stringValue)
        encoding.integer(value)
    }
    mutating func encode(_ value: UInt, forKey key: Key) throws {
        try encoding.stream.member(handle, key: key.stringValue)
        encoding.integer(value)
    }
    mutating func encode(_ value: UInt8, forKey key: Key) throws {
        try encoding.stream.member(handle, key: key.stringValue)
        encoding.integer(value)
    }
    mutating func encode(_ value: UInt16, forKey key: Key) throws {
        try encoding.stream.member(handle, key: key.stringValue)
        encoding.integer(value)
    }
    mutating func encode(_ value: UInt32, forKey key: Key) throws {
        try encoding.stream.member(handle, key: key.stringValue)
        encoding.integer(value)
    }
    mutating func encode(_ value: UInt64, forKey key: Key) throws {
        try encoding.stream.member(handle, key: key.stringValue)
        encoding.integer(value)
    }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try encoding.stream.member(handle, key: key.stringValue)
        try encoding.write(value, depth: depth + 1)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        // The member starts before the nested object opens; out of order, the run is refused.
        encoding.refuseOnError { () throws(JSONStreamError) in try encoding.stream.member(handle, key: key.stringValue)
        }
        return KeyedEncodingContainer(
            JSONStreamKeyedContainer<NestedKey>(
                encoding: encoding, handle: encoding.stream.openObject(depth: depth + 1), depth: depth + 1))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        encoding.refuseOnError { () throws(JSONStreamError) in try encoding.stream.member(handle, key: key.stringValue)
        }
        return JSONStreamUnkeyedContainer(
            encoding: encoding, handle: encoding.stream.openArray(depth: depth + 1), depth: depth + 1)
    }

    mutating func superEncoder() -> any Encoder { encoding.refusingEncoder(depth: depth + 1) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { encoding.refusingEncoder(depth: depth + 1) }
}

/// The unkeyed container of `JSONStreamEncoder`: each element is written as it comes.
struct JSONStreamUnkeyedContainer: UnkeyedEncodingContainer {
    let encoding: JSONEncoding
    let handle: JSONStream.Handle
    let depth: Int

    var codingPath: [any CodingKey] { [] }
    var count: Int { encoding.stream.count(handle) }

    mutating func encodeNil() throws {
        try encoding.stream.element(handle)
        encoding.stream.literal("null")
    }
    mutating func encode(_ value: Bool) throws {
        try encoding.stream.element(handle)
        encoding.stream.literal(value ? "true" : "false")
    }
    mutating func encode(_ value: String) throws {
        try encoding.stream.element(handle)
        encoding.stream.string(value)
    }
    mutating func encode(_ value: Double) throws {
        try encoding.stream.element(handle)
        try encoding.number(value)
    }
    mutating func encode(_ value: Float) throws {
        try encoding.stream.element(handle)
        try encoding.number(value)
    }
    mutating func encode(_ value: Int) throws {
        try encoding.stream.element(handle)
        encoding.integer(value)
    }
    mutating func encode(_ value: Int8) throws {
        try encoding.stream.element(handle)
        encoding.integer(value)
    }
    mutating func encode(_ value: Int16) throws {
        try encoding.stream.element(handle)
        encoding.integer(value)
    }
    mutating func encode(_ value: Int32) throws {
        try encoding.stream.element(handle)
        encoding.integer(value)
    }
    mutating func encode(_ value: Int64) throws {
        try encoding.stream.element(handle)
        encoding.integer(value)
    }
    mutating func encode(_ value: UInt) throws {
        try encoding.stream.element(handle)
        encoding.integer(value)
    }
    mutating func encode(_ value: UInt8) throws {
        try encoding.stream.element(handle)
        encoding.integer(value)
    }
    mutating func encode(_ value: UInt16) throws {
        try encoding.stream.element(handle)
        encoding.integer(value)
    }
    mutating func encode(_ value: UInt32) throws {
        try encoding.stream.element(handle)
        encoding.integer(value)
    }
    mutating func encode(_ value: UInt64) throws {
        try encoding.stream.element(handle)
        encoding.integer(value)
    }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try encoding.stream.element(handle)
        try encoding.write(value, depth: depth + 1)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        encoding.refuseOnError { () throws(JSONStreamError) in try encoding.stream.element(handle) }
        return KeyedEncodingContainer(
            JSONStreamKeyedContainer<NestedKey>(
                encoding: encoding, handle: encoding.stream.openObject(depth: depth + 1), depth: depth + 1))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        encoding.refuseOnError { () throws(JSONStreamError) in try encoding.stream.element(handle) }
        return JSONStreamUnkeyedContainer(
            encoding: encoding, handle: encoding.stream.openArray(depth: depth + 1), depth: depth + 1)
    }

    mutating func superEncoder() -> any Encoder { encoding.refusingEncoder(depth: depth + 1) }
}

/// The single value container of `JSONStreamEncoder`: the value is written where it stands.
struct JSONStreamSingleValueContainer: SingleValueEncodingContainer {
    let encoding: JSONEncoding
    let depth: Int

    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { encoding.stream.literal("null") }
    mutating func encode(_ value: Bool) throws { encoding.stream.literal(value ? "true" : "false") }
    mutating func encode(_ value: String) throws { encoding.stream.string(value) }
    mutating func encode(_ value: Double) throws { try encoding.number(value) }
    mutating func encode(_ value: Float) throws { try encoding.number(value) }
    mutating func encode(_ value: Int) throws { encoding.integer(value) }
    mutating func encode(_ value: Int8) throws { encoding.integer(value) }
    mutating func encode(_ value: Int16) throws { encoding.integer(value) }
    mutating func encode(_ value: Int32) throws { encoding.integer(value) }
    mutating func encode(_ value: Int64) throws { encoding.integer(value) }
    mutating func encode(_ value: UInt) throws { encoding.integer(value) }
    mutating func encode(_ value: UInt8) throws { encoding.integer(value) }
    mutating func encode(_ value: UInt16) throws { encoding.integer(value) }
    mutating func encode(_ value: UInt32) throws { encoding.integer(value) }
    mutating func encode(_ value: UInt64) throws { encoding.integer(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try encoding.write(value, depth: depth) }
}
