/// The line scanner behind `RevisionFileReader`: finds the `static let` declarations of the
/// revision file contract in UTF-8 bytes and reads their string and list literals.
struct DeclarationScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let path: String
    var position = 0
    var lineStart = 0
    var lineNumber = 0

    init(bytes: UnsafeBufferPointer<UInt8>, path: String) {
        self.bytes = bytes
        self.path = path
    }

    enum Value {
        case string(String)
        case list([String])
    }

    private static let displayNames = ["id", "downRevisions", "branchLabels", "dependsOn", "message", "createDate"]
    private static let modifiers: [[UInt8]] = ["public", "internal", "fileprivate", "private", "nonisolated"].map {
        Array($0.utf8)
    }

    mutating func header() throws -> RevisionHeader? {
        var values: [Value?] = Array(repeating: nil, count: 6)
        var lines = Array(repeating: 0, count: 6)
        let end = bytes.count
        while lineStart < end {
            lineNumber += 1
            var lineEnd = lineStart
            while lineEnd < end, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            if let (slot, value) = try declaration(upTo: lineEnd) {
                if lines[slot] != 0 {
                    throw fail(
                        "'static let \(Self.displayNames[slot])' is declared twice (first on line \(lines[slot]))",
                        at: nil)
                }
                values[slot] = value
                lines[slot] = lineNumber
            }
            lineStart = lineEnd + 1
        }
        guard case .string(let id)? = values[0] else { return nil }
        guard case .list(let downRevisions)? = values[1] else {
            throw RevisionFileError(
                path: path, line: lines[0], problem: "revision '\(id)' has no 'static let downRevisions' declaration")
        }
        func list(_ slot: Int) -> [String] {
            if case .list(let items)? = values[slot] { return items }
            return []
        }
        func string(_ slot: Int) -> String {
            if case .string(let text)? = values[slot] { return text }
            return ""
        }
        return RevisionHeader(
            id: id, downRevisions: downRevisions, branchLabels: list(2), dependsOn: list(3),
            message: string(4), createDate: string(5), path: path,
            lines: .init(
                id: lines[0], downRevisions: lines[1], branchLabels: lines[2], dependsOn: lines[3], message: lines[4],
                createDate: lines[5])
        )
    }

    /// Reads one line; nil when it is not one of the six declarations.
    private mutating func declaration(upTo lineEnd: Int) throws -> (Int, Value)? {
        position = lineStart
        skipSpaces(lineEnd)
        guard position < lineEnd else { return nil }
        let first = bytes[position]
        // Cheap rejection: every declaration starts with `static` or a modifier.
        guard
            first == UInt8(ascii: "s") || first == UInt8(ascii: "p") || first == UInt8(ascii: "i")
                || first == UInt8(ascii: "f") || first == UInt8(ascii: "n")
        else { return nil }
        while let word = peekWord(lineEnd), Self.modifiers.contains(where: { $0.elementsEqual(word) }) {
            position += word.count
            skipSpaces(lineEnd)
        }
        guard consumeWord("static", lineEnd), consumeWord("let", lineEnd) else { return nil }
        guard let name = peekWord(lineEnd), let slot = Self.slot(of: name) else { return nil }
        let display = Self.displayNames[slot]
        position += name.count
        skipSpaces(lineEnd)
        if position < lineEnd, bytes[position] == UInt8(ascii: ":") {
            while position < lineEnd, bytes[position] != UInt8(ascii: "=") { position += 1 }
        }
        guard position < lineEnd, bytes[position] == UInt8(ascii: "=") else {
            throw fail("malformed 'static let \(display)': expected '='", at: position)
        }
        position += 1
        skipSpaces(lineEnd)
        let wantsList = slot >= 1 && slot <= 3
        let value: Value
        if wantsList {
            guard position < lineEnd, bytes[position] == UInt8(ascii: "[") else {
                throw fail(
                    "malformed 'static let \(display)': expected a list of string literals such as [\"ab12\"]",
                    at: position)
            }
            value = .list(try list(lineEnd, display))
        } else {
            guard position < lineEnd, bytes[position] == UInt8(ascii: "\"") else {
                throw fail("malformed 'static let \(display)': expected a string literal", at: position)
            }
            value = .string(try string(lineEnd, display))
        }
        skipSpaces(lineEnd)
        if position < lineEnd, bytes[position] == UInt8(ascii: ";") {
            position += 1
            skipSpaces(lineEnd)
        }
        let isComment =
            position + 1 < lineEnd && bytes[position] == UInt8(ascii: "/") && bytes[position + 1] == UInt8(ascii: "/")
        guard position >= lineEnd || isComment || bytes[position] == 0x0D else {
            throw fail("malformed 'static let \(display)': unexpected text after the value", at: position)
        }
        return (slot, value)
    }

    private mutating func list(_ lineEnd: Int, _ display: String) throws -> [String] {
        position += 1  // [
        var items: [String] = []
        skipSpaces(lineEnd)
        if position < lineEnd, bytes[position] == UInt8(ascii: "]") {
            position += 1
            return items
        }
        while true {
            guard position < lineEnd, bytes[position] == UInt8(ascii: "\"") else {
                throw fail("malformed 'static let \(display)': expected a string literal in the list", at: position)
            }
            items.append(try string(lineEnd, display))
            skipSpaces(lineEnd)
            guard position < lineEnd else {
                throw fail("malformed 'static let \(display)': the list has no closing ']'", at: position)
            }
            if bytes[position] == UInt8(ascii: "]") {
                position += 1
                return items
            }
            guard bytes[position] == UInt8(ascii: ",") else {
                throw fail("malformed 'static let \(display)': expected ',' or ']'", at: position)
            }
            position += 1
            skipSpaces(lineEnd)
            if position < lineEnd, bytes[position] == UInt8(ascii: "]") {
                position += 1
                return items
            }
        }
    }

    /// A string literal starting at the opening quote, with Swift's escapes.
    private mutating func string(_ lineEnd: Int, _ display: String) throws -> String {
        let open = position
        position += 1
        let start = position
        var escaped: [UInt8]?
        while position < lineEnd {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let text: String
                if let escaped {
                    text = String(decoding: escaped, as: UTF8.self)
                } else {
                    text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
                }
                position += 1
                return text
            }
            if byte == UInt8(ascii: "\\") {
                if escaped == nil { escaped = Array(bytes[start..<position]) }
                let escapeStart = position
                position += 1
                guard position < lineEnd else { break }
                switch bytes[position] {
                case UInt8(ascii: "n"): escaped?.append(0x0A)
                case UInt8(ascii: "t"): escaped?.append(0x09)
                case UInt8(ascii: "r"): escaped?.append(0x0D)
                case UInt8(ascii: "0"): escaped?.append(0x00)
                case UInt8(ascii: "\\"): escaped?.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "\""): escaped?.append(UInt8(ascii: "\""))
                case UInt8(ascii: "'"): escaped?.append(UInt8(ascii: "'"))
                case UInt8(ascii: "u"):
                    position += 1
                    guard position < lineEnd, bytes[position] == UInt8(ascii: "{") else {
                        throw fail("malformed 'static let \(display)': expected '{' after \\u", at: escapeStart)
                    }
                    position += 1
                    var value: UInt32 = 0
                    var digits = 0
                    while position < lineEnd, let digit = Self.hexValue(bytes[position]) {
                        value = value &* 16 &+ digit
                        digits += 1
                        position += 1
                    }
                    guard position < lineEnd, bytes[position] == UInt8(ascii: "}"), (1...8).contains(digits),
                        let scalar = Unicode.Scalar(value)
                    else {
                        throw fail("malformed 'static let \(display)': bad \\u{...} escape", at: escapeStart)
                    }
                    escaped?.append(contentsOf: Array(String(Character(scalar)).utf8))
                default:
                    throw fail("malformed 'static let \(display)': unknown escape", at: escapeStart)
                }
                position += 1
                continue
            }
            escaped?.append(byte)
            position += 1
        }
        throw fail("malformed 'static let \(display)': unterminated string literal", at: open)
    }

    /// Which of the six declarations a name is, without hashing.
    private static func slot(of name: UnsafeBufferPointer<UInt8>.SubSequence) -> Int? {
        for (slot, display) in displayNames.enumerated() where display.utf8.count == name.count {
            if display.utf8.elementsEqual(name) { return slot }
        }
        return nil
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    private mutating func skipSpaces(_ lineEnd: Int) {
        while position < lineEnd, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
    }

    /// The identifier at the position, without consuming it.
    private func peekWord(_ lineEnd: Int) -> UnsafeBufferPointer<UInt8>.SubSequence? {
        var end = position
        while end < lineEnd {
            let b = bytes[end]
            let isWord = (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x5F
            if !isWord { break }
            end += 1
        }
        return end > position ? bytes[position..<end] : nil
    }

    /// Consumes `word` and the spaces after it when the identifier at the position is `word`.
    private mutating func consumeWord(_ word: StaticString, _ lineEnd: Int) -> Bool {
        guard let found = peekWord(lineEnd) else { return false }
        let matches = word.withUTF8Buffer { found.elementsEqual($0) }
        guard matches else { return false }
        position += found.count
        skipSpaces(lineEnd)
        return true
    }

    /// An error at byte offset `offset` of the current line (columns count UTF-8 bytes).
    private func fail(_ problem: String, at offset: Int?) -> RevisionFileError {
        RevisionFileError(
            path: path, line: lineNumber, column: offset.map { $0 - lineStart + 1 } ?? 0, problem: problem)
    }
}
