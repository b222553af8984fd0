/// Splits SQLite SQL into tokens, skipping whitespace and comments.
///
/// Knows SQLite's quoting (`"x"`, `` `x` ``, `[x]`, `'str'` with doubled quotes), numbers
/// (`12`, `1.5e3`, `0x1F`), blob literals (`x'00'`), placeholders and multi-character
/// operators. It never fails: an unterminated quote or comment runs to the end of the text,
/// and an unknown byte becomes a one-byte symbol.
public enum SQLiteTokenizer {
    /// The tokens of `sql`, in order.
    public static func tokens(_ sql: String) -> [SQLiteToken] {
        var sql = sql
        return sql.withUTF8 { tokens(bytes: $0) }
    }

    /// The tokens of UTF-8 `bytes`, in order.
    public static func tokens(bytes: UnsafeBufferPointer<UInt8>) -> [SQLiteToken] {
        var out: [SQLiteToken] = []
        let n = bytes.count
        var i = 0
        func text(_ from: Int, _ to: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
        }
        /// Reads a quoted run closed by `close`, where a doubled `close` is an escaped one
        /// (unless `doubling` is false); returns the unescaped content and the end offset.
        func quoted(from start: Int, close: UInt8, doubling: Bool) -> (String, Int) {
            var j = start + 1
            var content: [UInt8] = []
            while j < n {
                let b = bytes[j]
                if b == close {
                    if doubling, j + 1 < n, bytes[j + 1] == close {
                        content.append(close)
                        j += 2
                        continue
                    }
                    return (String(decoding: content, as: UTF8.self), j + 1)
                }
                content.append(b)
                j += 1
            }
            return (String(decoding: content, as: UTF8.self), n)
        }
        while i < n {
            let b = bytes[i]
            let next: UInt8 = i + 1 < n ? bytes[i + 1] : 0
            if isSpace(b) {
                i += 1
            } else if b == 0x2D, next == 0x2D {  // -- comment
                i += 2
                while i < n, bytes[i] != 0x0A { i += 1 }
            } else if b == 0x2F, next == 0x2A {  // /* comment */
                i += 2
                while i < n, !(bytes[i] == 0x2A && i + 1 < n && bytes[i + 1] == 0x2F) { i += 1 }
                i = min(n, i + 2)
            } else if b == 0x27 {  // 'string'
                let (value, end) = quoted(from: i, close: 0x27, doubling: true)
                out.append(SQLiteToken(kind: .string, value: value, start: i, end: end))
                i = end
            } else if b == 0x22 || b == 0x60 {  // "identifier" or `identifier`
                let (value, end) = quoted(from: i, close: b, doubling: true)
                out.append(SQLiteToken(kind: .quotedIdentifier, value: value, start: i, end: end))
                i = end
            } else if b == 0x5B {  // [identifier]
                let (value, end) = quoted(from: i, close: 0x5D, doubling: false)
                out.append(SQLiteToken(kind: .quotedIdentifier, value: value, start: i, end: end))
                i = end
            } else if (b == 0x78 || b == 0x58), next == 0x27 {  // x'blob'
                let (_, end) = quoted(from: i + 1, close: 0x27, doubling: false)
                out.append(SQLiteToken(kind: .blob, value: text(i, end), start: i, end: end))
                i = end
            } else if isDigit(b) || (b == 0x2E && isDigit(next)) {
                let end = numberEnd(bytes, from: i)
                out.append(SQLiteToken(kind: .number, value: text(i, end), start: i, end: end))
                i = end
            } else if isIdentifierStart(b) {
                var j = i + 1
                while j < n, isIdentifierPart(bytes[j]) { j += 1 }
                out.append(SQLiteToken(kind: .word, value: text(i, j), start: i, end: j))
                i = j
            } else if b == 0x3F || b == 0x3A || b == 0x40 || b == 0x24 {  // ? : @ $
                var j = i + 1
                while j < n, isIdentifierPart(bytes[j]) { j += 1 }
                if b == 0x3A, next == 0x3A {  // PostgreSQL's :: cast, for normalizing
                    j = i + 2
                    out.append(SQLiteToken(kind: .symbol, value: "::", start: i, end: j))
                } else {
                    out.append(SQLiteToken(kind: .variable, value: text(i, j), start: i, end: j))
                }
                i = j
            } else {
                let length = symbolLength(b, next, i + 2 < n ? bytes[i + 2] : 0)
                out.append(SQLiteToken(kind: .symbol, value: text(i, i + length), start: i, end: i + length))
                i += length
            }
        }
        return out
    }

    /// The length of the operator starting with bytes `a b c`: `->>` is 3; `<>`, `<=`, `>=`,
    /// `!=`, `==`, `||`, `<<`, `>>`, `->` are 2; anything else is 1.
    static func symbolLength(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Int {
        switch (a, b) {
        case (0x2D, 0x3E): return c == 0x3E ? 3 : 2  // -> ->>
        case (0x3C, 0x3E), (0x3C, 0x3D), (0x3E, 0x3D), (0x21, 0x3D), (0x3D, 0x3D), (0x7C, 0x7C),
            (0x3C, 0x3C), (0x3E, 0x3E):
            return 2
        default: return 1
        }
    }

    /// The end of the number starting at `start`: digits, one fraction, an exponent, or hex.
    static func numberEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let n = bytes.count
        var j = start
        if bytes[j] == 0x30, j + 1 < n, bytes[j + 1] | 0x20 == 0x78 {  // 0x...
            j += 2
            while j < n, isHexDigit(bytes[j]) { j += 1 }
            return j
        }
        while j < n, isDigit(bytes[j]) || bytes[j] == 0x5F { j += 1 }
        if j < n, bytes[j] == 0x2E {
            j += 1
            while j < n, isDigit(bytes[j]) || bytes[j] == 0x5F { j += 1 }
        }
        if j < n, bytes[j] | 0x20 == 0x65 {  // e / E
            var k = j + 1
            if k < n, bytes[k] == 0x2B || bytes[k] == 0x2D { k += 1 }
            if k < n, isDigit(bytes[k]) {
                j = k
                while j < n, isDigit(bytes[j]) { j += 1 }
            }
        }
        return j
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C }
    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    static func isHexDigit(_ b: UInt8) -> Bool { isDigit(b) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x66) }
    static func isIdentifierStart(_ b: UInt8) -> Bool {
        (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || b == 0x5F || b >= 0x80
    }
    static func isIdentifierPart(_ b: UInt8) -> Bool { isIdentifierStart(b) || isDigit(b) || b == 0x24 }
}
