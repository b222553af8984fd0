/// Parses PostgreSQL's text output of a one-dimensional array: `{a,"b c","x\"y",NULL}`.
enum PostgresTextArray {
    /// The elements of `text`; an unquoted `NULL` is `nil`. A leading dimension decoration
    /// (`[0:1]=`) is skipped. Text that is not an array gives an empty list.
    static func parse(_ text: String) -> [String?] {
        var bytes = Array(text.utf8)[...]
        if bytes.first == UInt8(ascii: "["), let equals = bytes.firstIndex(of: UInt8(ascii: "=")) {
            bytes = bytes[(equals + 1)...]
        }
        guard bytes.first == UInt8(ascii: "{"), bytes.last == UInt8(ascii: "}") else { return [] }
        bytes = bytes.dropFirst().dropLast()
        if bytes.isEmpty { return [] }
        var elements: [String?] = []
        var current: [UInt8] = []
        var quoted = false
        var wasQuoted = false
        var escaped = false
        for byte in bytes {
            if escaped {
                current.append(byte)
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: "\"") {
                quoted.toggle()
                wasQuoted = true
            } else if byte == UInt8(ascii: ","), !quoted {
                elements.append(element(current, wasQuoted))
                current = []
                wasQuoted = false
            } else {
                current.append(byte)
            }
        }
        elements.append(element(current, wasQuoted))
        return elements
    }

    private static func element(_ bytes: [UInt8], _ wasQuoted: Bool) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        return !wasQuoted && text == "NULL" ? nil : text
    }
}
