/// One attribute changing from one value to another; reversing swaps them.
public struct Change<Value: Sendable & Hashable>: Sendable, Hashable {
    public var from: Value
    public var to: Value

    public init(from: Value, to: Value) {
        self.from = from
        self.to = to
    }

    /// The change that undoes this one.
    public var reversed: Change { Change(from: to, to: from) }
}
