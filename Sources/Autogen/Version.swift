/// The version of autogen, printed by `autogen --version`.
public enum AutogenVersion {
    public static let current = "0.1.0"
}
