/// Views in an order they can be created in: a view after every view its query names.
///
/// What a query names is read from its words and quoted identifiers (string literals and
/// comments skipped), so a column that happens to share a view's name can only add an
/// ordering constraint, never lose one. Views caught in a cycle of such mentions keep their
/// given order.
public struct ViewOrder {
    /// The views, each after the views it names.
    public let views: [View]

    public init(_ views: [View]) {
        var byName: [String: [Int]] = [:]
        for (i, view) in views.enumerated() { byName[view.name.lowercased(), default: []].append(i) }
        let needs: [[Int]] = views.enumerated().map { i, view in
            ViewOrder.identifiers(in: view.definition).flatMap { byName[$0] ?? [] }.filter { $0 != i }
        }
        var state = Array(repeating: 0, count: views.count)  // 0 new, 1 visiting, 2 placed
        var order: [Int] = []
        func visit(_ i: Int) {
            guard state[i] == 0 else { return }
            state[i] = 1
            for j in needs[i] where state[j] == 0 { visit(j) }
            state[i] = 2
            order.append(i)
        }
        for i in views.indices { visit(i) }
        self.views = order.map { views[$0] }
    }

    /// The names `sql` mentions: unquoted words lowercased, quoted identifiers as written.
    public static func identifiers(in sql: String) -> Set<String> {
        var out = Set<String>()
        let bytes = Array(sql.utf8)
        var i = 0
        func isStart(_ b: UInt8) -> Bool { (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || b == 0x5F || b >= 0x80 }
        func isPart(_ b: UInt8) -> Bool { isStart(b) || (b >= 0x30 && b <= 0x39) || b == 0x24 }
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x27 {  // 'string'
                i += 1
                while i < bytes.count {
                    if bytes[i] == 0x27 {
                        if i + 1 < bytes.count, bytes[i + 1] == 0x27 { i += 2; continue }
                        break
                    }
                    i += 1
                }
                i += 1
            } else if b == 0x22 || b == 0x60 || b == 0x5B {  // "id", `id`, [id]
                let close: UInt8 = b == 0x5B ? 0x5D : b
                var j = i + 1
                var name: [UInt8] = []
                while j < bytes.count {
                    if bytes[j] == close {
                        if close != 0x5D, j + 1 < bytes.count, bytes[j + 1] == close {
                            name.append(close)
                            j += 2
                            continue
                        }
                        break
                    }
                    name.append(bytes[j])
                    j += 1
                }
                out.insert(String(decoding: name, as: UTF8.self))
                out.insert(String(decoding: name, as: UTF8.self).lowercased())
                i = j + 1
            } else if b == 0x2D, i + 1 < bytes.count, bytes[i + 1] == 0x2D {  // -- comment
                while i < bytes.count, bytes[i] != 0x0A { i += 1 }
            } else if b == 0x2F, i + 1 < bytes.count, bytes[i + 1] == 0x2A {  // /* comment */
                i += 2
                while i + 1 < bytes.count, !(bytes[i] == 0x2A && bytes[i + 1] == 0x2F) { i += 1 }
                i += 2
            } else if isStart(b) {
                let start = i
                while i < bytes.count, isPart(bytes[i]) { i += 1 }
                out.insert(String(decoding: bytes[start..<i], as: UTF8.self).lowercased())
            } else {
                i += 1
            }
        }
        return out
    }
}
