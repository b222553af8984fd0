/// A failure of an operation on values (a wrong type, an index out of range), which the
/// evaluator reports with the position of the expression that caused it.
struct ValueError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
