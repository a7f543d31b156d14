/// Namespace for the Kube module.
public enum KubeModule {
    /// The module's name, for diagnostics.
    public static let name = "Kube"
}
