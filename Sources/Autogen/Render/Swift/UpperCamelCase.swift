/// A name as the words of a Swift identifier: its runs of ASCII letters and digits, each with
/// its first letter capitalized (`audit_log` and `audit-log` give `AuditLog`). The one
/// spelling behind multidb function names and `inspect --format swift` table constants.
func upperCamelCase(_ name: String) -> String {
    name.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        .map { $0.prefix(1).uppercased() + $0.dropFirst() }
        .joined()
}
