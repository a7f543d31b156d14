/// Namespace for the Effects module.
public enum EffectsModule {
    /// The module's name, for diagnostics.
    public static let name = "Effects"
}
