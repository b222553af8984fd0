/// The operators of template expressions, with Python's meaning.
///
/// `int` and `float` mix in arithmetic and comparisons; booleans are not numbers here (unlike
/// Python), so `True + 1` is an error rather than `2`.
extension TemplateValue {
    /// `self + other`: numbers add (an `int` overflow is an error), strings and lists
    /// concatenate.
    func adding(_ other: TemplateValue) throws(ValueError) -> TemplateValue {
        switch (self, other) {
        case (.int(let a), .int(let b)):
            let (sum, overflow) = a.addingReportingOverflow(b)
            if overflow { throw ValueError("integer overflow in \(a) + \(b)") }
            return .int(sum)
        case (.int(let a), .double(let b)): return .double(Double(a) + b)
        case (.double(let a), .int(let b)): return .double(a + Double(b))
        case (.double(let a), .double(let b)): return .double(a + b)
        case (.string(let a), .string(let b)): return .string(a + b)
        case (.list(let a), .list(let b)): return .list(a + b)
        default: throw ValueError("cannot add '\(typeName)' and '\(other.typeName)'")
        }
    }

    /// `self - other` for numbers (an `int` overflow is an error).
    func subtracting(_ other: TemplateValue) throws(ValueError) -> TemplateValue {
        switch (self, other) {
        case (.int(let a), .int(let b)):
            let (difference, overflow) = a.subtractingReportingOverflow(b)
            if overflow { throw ValueError("integer overflow in \(a) - \(b)") }
            return .int(difference)
        case (.int(let a), .double(let b)): return .double(Double(a) - b)
        case (.double(let a), .int(let b)): return .double(a - Double(b))
        case (.double(let a), .double(let b)): return .double(a - b)
        default: throw ValueError("cannot subtract '\(other.typeName)' from '\(typeName)'")
        }
    }

    /// `-self` for a number.
    func negated() throws(ValueError) -> TemplateValue {
        switch self {
        case .int(let value):
            let (negation, overflow) = Int(0).subtractingReportingOverflow(value)
            if overflow { throw ValueError("integer overflow in -(\(value))") }
            return .int(negation)
        case .double(let value): return .double(-value)
        default: throw ValueError("cannot negate '\(typeName)'")
        }
    }

    /// Python's `==`: an `int` equals the `float` of the same value; lists and dicts compare
    /// item by item.
    func pythonEquals(_ other: TemplateValue) -> Bool {
        switch (self, other) {
        case (.int(let a), .double(let b)): return Double(a) == b
        case (.double(let a), .int(let b)): return a == Double(b)
        case (.list(let a), .list(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.pythonEquals($1) }
        case (.dict(let a), .dict(let b)):
            return a.count == b.count && a.allSatisfy { key, value in b[key].map(value.pythonEquals) ?? false }
        default: return self == other
        }
    }

    /// Evaluates `self op other`.
    func compare(_ op: ComparisonOperator, _ other: TemplateValue) throws(ValueError) -> Bool {
        switch op {
        case .equal: return pythonEquals(other)
        case .notEqual: return !pythonEquals(other)
        case .contains: return try other.containsItem(self)
        case .notContains: return try !other.containsItem(self)
        case .less: return try order(other, op) < 0
        case .lessOrEqual: return try order(other, op) <= 0
        case .greater: return try order(other, op) > 0
        case .greaterOrEqual: return try order(other, op) >= 0
        }
    }

    /// -1, 0 or 1 as `self` sorts before, with or after `other`: numbers by value, strings by
    /// code points, lists item by item. A NaN compares as equal, so every ordering with it is
    /// false except `<=` and `>=`.
    private func order(_ other: TemplateValue, _ op: ComparisonOperator) throws(ValueError) -> Int {
        func sign<T: Comparable>(_ a: T, _ b: T) -> Int { a < b ? -1 : (b < a ? 1 : 0) }
        switch (self, other) {
        case (.int(let a), .int(let b)): return sign(a, b)
        case (.int(let a), .double(let b)): return sign(Double(a), b)
        case (.double(let a), .int(let b)): return sign(a, Double(b))
        case (.double(let a), .double(let b)): return sign(a, b)
        case (.string(let a), .string(let b)):
            if a == b { return 0 }
            return a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) ? -1 : 1
        case (.list(let a), .list(let b)):
            for (x, y) in zip(a, b) where !x.pythonEquals(y) {
                return try x.order(y, op)
            }
            return sign(a.count, b.count)
        default:
            throw ValueError("cannot compare '\(typeName)' and '\(other.typeName)' with '\(op.rawValue)'")
        }
    }

    /// Python's `item in self`: a substring of a `str`, an item of a `list`, a key of a `dict`.
    func containsItem(_ item: TemplateValue) throws(ValueError) -> Bool {
        switch self {
        case .string(let text):
            guard case .string(let part) = item else {
                throw ValueError("'in <str>' needs a str on the left, not '\(item.typeName)'")
            }
            return Self.scalars(of: text, contain: part)
        case .list(let items):
            return items.contains { $0.pythonEquals(item) }
        case .dict(let items):
            guard case .string(let key) = item else { return false }
            return items[key] != nil
        default:
            throw ValueError("'in' needs a str, list or dict on the right, not '\(typeName)'")
        }
    }

    private static func scalars(of text: String, contain part: String) -> Bool {
        let haystack = Array(text.unicodeScalars)
        let needle = Array(part.unicodeScalars)
        guard !needle.isEmpty else { return true }
        guard needle.count <= haystack.count else { return false }
        return (0...(haystack.count - needle.count)).contains { start in
            haystack[start..<(start + needle.count)].elementsEqual(needle)
        }
    }

    /// `self.name`: the value of key `name` of a dict.
    func attribute(_ name: String) throws(ValueError) -> TemplateValue {
        guard case .dict(let items) = self else { throw ValueError("'\(typeName)' has no attribute '\(name)'") }
        guard let value = items[name] else { throw ValueError("dict has no key '\(name)'") }
        return value
    }

    /// `self[index]`: an item of a list (negative counts from the end), the value of a dict's
    /// key, a character of a str.
    func item(at index: TemplateValue) throws(ValueError) -> TemplateValue {
        switch (self, index) {
        case (.list(let items), .int(let position)):
            return items[try Self.offset(position, count: items.count, of: "list")]
        case (.string(let text), .int(let position)):
            let characters = Array(text)
            return .string(String(characters[try Self.offset(position, count: characters.count, of: "str")]))
        case (.dict(let items), .string(let key)):
            guard let value = items[key] else { throw ValueError("dict has no key \(TemplateValue.pythonQuoted(key))") }
            return value
        case (.list, _), (.string, _):
            throw ValueError("\(typeName) index must be an int, not '\(index.typeName)'")
        case (.dict, _):
            throw ValueError("dict key must be a str, not '\(index.typeName)'")
        default:
            throw ValueError("'\(typeName)' cannot be indexed")
        }
    }

    private static func offset(_ position: Int, count: Int, of type: String) throws(ValueError) -> Int {
        let offset = position < 0 ? count + position : position
        guard (0..<count).contains(offset) else {
            throw ValueError("\(type) index \(position) out of range (length \(count))")
        }
        return offset
    }

    /// What `% for x in self:` walks: a list's items, a dict's keys (sorted), a str's
    /// characters.
    func iterationItems() throws(ValueError) -> [TemplateValue] {
        switch self {
        case .list(let items): return items
        case .dict(let items): return items.keys.sorted().map(TemplateValue.string)
        case .string(let text): return text.map { .string(String($0)) }
        default: throw ValueError("cannot loop over '\(typeName)'")
        }
    }
}
