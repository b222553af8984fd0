/// Why the reader leaves a model file to the compiler: the first construct it does not read,
/// where it is. Not an error in the model: the compiler reads everything Swift allows.
public struct ModelUnreadable: Error, Sendable, Hashable, CustomStringConvertible {
    public let position: SourcePosition
    /// What the reader met, e.g. "`for` loop" or "`makeColumns`, which is not declared in this file".
    public let reason: String

    public init(_ position: SourcePosition, _ reason: String) {
        self.position = position
        self.reason = reason
    }

    public var description: String { "\(position): \(reason)" }
}
