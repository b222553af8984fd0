import CAutogenLibPQ

/// The rows of a finished statement, in libpq's text format; freed (`PQclear`) on deinit.
///
/// Cells are read straight from libpq's buffers: `string(_:_:)` makes one `String` per cell,
/// `isTrue`, `int` and `isNull` make none.
public final class PostgresResult {
    private let result: OpaquePointer
    /// The number of rows.
    public let rowCount: Int
    /// The number of columns.
    public let columnCount: Int

    init(_ result: OpaquePointer) {
        self.result = result
        rowCount = Int(PQntuples(result))
        columnCount = Int(PQnfields(result))
    }

    deinit { PQclear(result) }

    /// The cell's text, or `nil` for SQL NULL.
    public subscript(row: Int, column: Int) -> String? {
        isNull(row, column) ? nil : string(row, column)
    }

    /// Whether the cell is SQL NULL.
    public func isNull(_ row: Int, _ column: Int) -> Bool {
        PQgetisnull(result, Int32(row), Int32(column)) != 0
    }

    /// The cell's text; empty for SQL NULL.
    public func string(_ row: Int, _ column: Int) -> String {
        let length = Int(PQgetlength(result, Int32(row), Int32(column)))
        guard length > 0, let value = PQgetvalue(result, Int32(row), Int32(column)) else { return "" }
        return value.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
    }

    /// The cell's text, or `nil` for SQL NULL (the same as the subscript).
    public func optionalString(_ row: Int, _ column: Int) -> String? {
        isNull(row, column) ? nil : string(row, column)
    }

    /// Whether the cell is a boolean `t`.
    public func isTrue(_ row: Int, _ column: Int) -> Bool {
        guard let value = PQgetvalue(result, Int32(row), Int32(column)) else { return false }
        return value.pointee == CChar(UInt8(ascii: "t")) && PQgetlength(result, Int32(row), Int32(column)) == 1
    }

    /// The cell's first byte as a character (`"char"` catalog columns such as `contype`);
    /// `nil` for NULL or empty.
    public func character(_ row: Int, _ column: Int) -> Character? {
        guard PQgetlength(result, Int32(row), Int32(column)) > 0,
            let value = PQgetvalue(result, Int32(row), Int32(column))
        else { return nil }
        return Character(Unicode.Scalar(UInt8(bitPattern: value.pointee)))
    }

    /// The cell as an integer (an `oid`, a count); `nil` for NULL or text that is not one.
    public func int(_ row: Int, _ column: Int) -> Int? {
        let length = Int(PQgetlength(result, Int32(row), Int32(column)))
        guard length > 0, let value = PQgetvalue(result, Int32(row), Int32(column)) else { return nil }
        var number = 0
        var negative = false
        for offset in 0..<length {
            let byte = UInt8(bitPattern: value[offset])
            if offset == 0, byte == UInt8(ascii: "-") {
                negative = true
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let (times, overflow1) = number.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int(byte - UInt8(ascii: "0")))
            if overflow1 || overflow2 { return nil }
            number = sum
        }
        return negative ? -number : number
    }

    /// The cell as a one-dimensional integer array (`{1,2}`, `int2vector` as `1 2`); empty
    /// for NULL. Elements that are not integers are 0.
    public func intArray(_ row: Int, _ column: Int) -> [Int] {
        let length = Int(PQgetlength(result, Int32(row), Int32(column)))
        guard length > 0, let value = PQgetvalue(result, Int32(row), Int32(column)) else { return [] }
        var numbers: [Int] = []
        var current = 0
        var negative = false
        var inNumber = false
        var offset = 0
        // Skip a dimension decoration such as `[0:1]=`.
        if value[0] == CChar(UInt8(ascii: "[")) {
            while offset < length, value[offset] != CChar(UInt8(ascii: "=")) { offset += 1 }
            offset += 1
        }
        while offset < length {
            let byte = UInt8(bitPattern: value[offset])
            if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                current = current &* 10 &+ Int(byte - UInt8(ascii: "0"))
                inNumber = true
            } else if byte == UInt8(ascii: "-") {
                negative = true
            } else if inNumber {
                numbers.append(negative ? -current : current)
                current = 0
                negative = false
                inNumber = false
            }
            offset += 1
        }
        if inNumber { numbers.append(negative ? -current : current) }
        return numbers
    }

    /// The cell as a one-dimensional text array (`{a,"b c",NULL}`); empty for NULL.
    public func textArray(_ row: Int, _ column: Int) -> [String?] {
        isNull(row, column) ? [] : PostgresTextArray.parse(string(row, column))
    }
}
