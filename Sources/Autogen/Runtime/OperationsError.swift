/// A call of the operations API that cannot become an op.
public struct OperationsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// One line naming the call and the object.
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
