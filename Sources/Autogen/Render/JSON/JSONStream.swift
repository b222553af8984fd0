/// The output of `SortedJSONEncoder`: JSON written as values are encoded, in the layout of
/// Foundation's `JSONEncoder` with `.sortedKeys`, `.prettyPrinted` and
/// `.withoutEscapingSlashes` (two-space indents, `"key" : value`, empty containers as
/// `{\n\n}` at their indent, only `"`, `\` and control characters escaped).
///
/// An object's members are written in the order they come; when it closes and they did not
/// come in key order (UTF-8 byte order, which is Unicode scalar order), its text is
/// rearranged in place, the last of two equal keys kept, as JSONEncoder keeps it.
///
/// Containers are open one inside the other: writing to a container closes those opened
/// inside it, and writing to a closed one is `JSONStreamError.outOfOrder`, which makes
/// `SchemaJSON` fall back to JSONEncoder (synthesized `Encodable` never does it).
final class JSONStream {
    @exclusivity(unchecked) private(set) var bytes: [UInt8] = []

    /// An open object or array.
    private struct Frame {
        let serial: Int
        let isObject: Bool
        let depth: Int
        /// The first member's entry in `spans`.
        let spanBase: Int
        var count = 0
        /// Whether the members came in key order, without a key twice.
        var inOrder = true
    }

    /// One member of an open object: its raw key and where its text (indent, key, value) starts.
    private struct Span {
        let key: String
        let start: Int
        var end = 0
    }

    @exclusivity(unchecked) private var frames: [Frame] = []
    @exclusivity(unchecked) private var spans: [Span] = []
    @exclusivity(unchecked) private var nextSerial = 0
    @exclusivity(unchecked) private var scratch: [UInt8] = []

    init(capacity: Int = 1 << 20) { bytes.reserveCapacity(capacity) }

    /// A handle on an open container: its place on the stack and its serial number.
    struct Handle {
        let index: Int
        let serial: Int
    }

    // MARK: Containers

    func openObject(depth: Int) -> Handle { open(isObject: true, depth: depth) }

    func openArray(depth: Int) -> Handle { open(isObject: false, depth: depth) }

    private func open(isObject: Bool, depth: Int) -> Handle {
        bytes.append(isObject ? UInt8(ascii: "{") : UInt8(ascii: "["))
        nextSerial += 1
        frames.append(Frame(serial: nextSerial, isObject: isObject, depth: depth, spanBase: spans.count))
        return Handle(index: frames.count - 1, serial: nextSerial)
    }

    /// The number of open containers, to close down to after a value's `encode(to:)`.
    var openCount: Int { frames.count }

    /// Closes containers until `count` are open.
    func close(downTo count: Int) {
        while frames.count > count { closeTop() }
    }

    /// Makes `handle`'s container the innermost open one, closing those inside it.
    private func activate(_ handle: Handle) throws(JSONStreamError) {
        guard handle.index < frames.count, frames[handle.index].serial == handle.serial else {
            throw .outOfOrder
        }
        close(downTo: handle.index + 1)
    }

    /// Starts the next member of the object `handle`: separator, indent, `"key" : `.
    func member(_ handle: Handle, key: String) throws(JSONStreamError) {
        try activate(handle)
        let index = handle.index
        let frame = frames[index]
        if frame.count > 0 {
            bytes.append(UInt8(ascii: ","))
            spans[spans.count - 1].end = bytes.count - 1
            if frames[index].inOrder, !Self.precedes(spans[spans.count - 1].key, key) {
                frames[index].inOrder = false
            }
        }
        bytes.append(UInt8(ascii: "\n"))
        spans.append(Span(key: key, start: bytes.count))
        frames[index].count += 1
        pad(frame.depth + 1)
        string(key)
        bytes.append(UInt8(ascii: " "))
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: " "))
    }

    /// Starts the next element of the array `handle`: separator and indent.
    func element(_ handle: Handle) throws(JSONStreamError) {
        try activate(handle)
        if frames[handle.index].count > 0 { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\n"))
        frames[handle.index].count += 1
        pad(frames[handle.index].depth + 1)
    }

    /// The number of elements written to the array `handle`.
    func count(_ handle: Handle) -> Int {
        handle.index < frames.count && frames[handle.index].serial == handle.serial ? frames[handle.index].count : 0
    }

    private func closeTop() {
        let frame = frames.removeLast()
        if frame.count == 0 {
            bytes.append(UInt8(ascii: "\n"))
        } else if frame.isObject {
            spans[spans.count - 1].end = bytes.count
            if !frame.inOrder { rearrange(frame) }
        }
        if frame.isObject { spans.removeSubrange(frame.spanBase...) }
        bytes.append(UInt8(ascii: "\n"))
        pad(frame.depth)
        bytes.append(frame.isObject ? UInt8(ascii: "}") : UInt8(ascii: "]"))
    }

    /// Rewrites `frame`'s members in key order, the last of equal keys kept.
    private func rearrange(_ frame: Frame) {
        let members = spans[frame.spanBase...]
        var order = Array(members.indices)
        order.sort { a, b in
            Self.precedes(spans[a].key, spans[b].key) || (spans[a].key == spans[b].key && a < b)
        }
        var kept: [Int] = []
        kept.reserveCapacity(order.count)
        for index in order {
            if let last = kept.last, spans[last].key == spans[index].key {
                kept[kept.count - 1] = index
            } else {
                kept.append(index)
            }
        }
        let regionStart = spans[frame.spanBase].start - 1  // the newline before the first member
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: bytes[regionStart...])
        bytes.removeSubrange(regionStart...)
        for (position, index) in kept.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(UInt8(ascii: "\n"))
            let span = spans[index]
            bytes.append(contentsOf: scratch[(span.start - regionStart)..<(span.end - regionStart)])
        }
    }

    /// JSONEncoder's key order: UTF-8 bytes, which order as Unicode scalars do.
    private static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    // MARK: Scalars

    func literal(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 128)

    private func pad(_ level: Int) {
        var count = level * 2
        while count > 0 {
            let chunk = min(count, Self.spaces.count)
            Self.spaces.withUnsafeBufferPointer {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<chunk]))
            }
            count -= chunk
        }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// A string literal, escaped as JSONEncoder escapes it.
    func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                start = index + 1
                bytes.append(UInt8(ascii: "\\"))
                switch byte {
                case 0x22: bytes.append(UInt8(ascii: "\""))
                case 0x5C: bytes.append(UInt8(ascii: "\\"))
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                default:
                    bytes.append(UInt8(ascii: "u"))
                    bytes.append(UInt8(ascii: "0"))
                    bytes.append(UInt8(ascii: "0"))
                    bytes.append(Self.hex[Int(byte >> 4)])
                    bytes.append(Self.hex[Int(byte & 0xF)])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

/// Why `SortedJSONEncoder` gave up; `SchemaJSON` then encodes with JSONEncoder, which
/// either manages (values encoded out of order) or throws its own error (a NaN).
enum JSONStreamError: Error {
    /// A container was written after one opened beside or around it was.
    case outOfOrder
    /// A value JSONEncoder encodes specially (`Date`, `Data`, `URL`, `Decimal`), or a number
    /// JSON cannot hold.
    case unsupported
}
