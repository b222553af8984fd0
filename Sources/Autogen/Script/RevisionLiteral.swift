/// Swift string and string-array literals spelled as the revision file contract requires.
///
/// `\\`, `"`, newline (`\n`) and tab (`\t`) get their short escapes; every other control
/// character (including carriage return and DEL) becomes `\u{..}` in lowercase hex; everything
/// else is written as is. `RevisionFileReader` reads these literals back.
public enum RevisionLiteral {
    /// `"text"` with the contract's escapes.
    public static func string(_ value: String) -> String {
        var out = "\""
        out.reserveCapacity(value.utf8.count + 2)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0) {
                    out += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
        return out
    }

    /// `["a", "b"]`, or `[]` when empty.
    public static func array(_ values: [String]) -> String {
        "[" + values.map(string).joined(separator: ", ") + "]"
    }
}
