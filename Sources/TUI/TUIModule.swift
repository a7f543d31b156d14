/// Namespace for the TUI module.
public enum TUIModule {
    /// The module's name, for diagnostics.
    public static let name = "TUI"
}
