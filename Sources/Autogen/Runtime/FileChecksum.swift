#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The checksum recorded for a revision file: FNV-1a 64 of its bytes, 16 hex digits. Enough
/// to notice an edit (not a defence against tampering).
enum FileChecksum {
    /// The checksum of the file at `path`, or nil when the path is empty or unreadable.
    static func of(path: String) -> String? {
        guard !path.isEmpty, let bytes = try? FileBytes.contents(of: path) else { return nil }
        return of(bytes: bytes)
    }

    static func of(bytes: [UInt8]) -> String {
        let hex = String(fnv1a(bytes), radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    static func fnv1a(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}
