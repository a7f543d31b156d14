/// Namespace for the Helm module.
public enum HelmModule {
    /// The module's name, for diagnostics.
    public static let name = "Helm"
}
