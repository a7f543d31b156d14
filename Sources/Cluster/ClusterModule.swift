/// Namespace for the Cluster module.
public enum ClusterModule {
    /// The module's name, for diagnostics.
    public static let name = "Cluster"
}
