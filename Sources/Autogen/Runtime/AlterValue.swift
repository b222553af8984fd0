/// A new value for one attribute of `op.alterColumn`: `.set(value)` or `.drop`
/// (`default: .set(0)`, `comment: .drop`).
public enum AlterValue<Value: Sendable & Hashable>: Sendable, Hashable {
    case set(Value)
    case drop

    /// The value after the change: the set value, or nil when dropped.
    public var value: Value? {
        if case .set(let value) = self { return value }
        return nil
    }
}
