/// API groups that a managed cloud's Kubernetes serves itself (GKE's load balancer objects, EKS's
/// load balancer controller, …): a chart may use them, but they are the cloud's, never the chart's.
public enum CloudAPIGroups {
    /// Suffixes of the clouds' own groups.
    static let suffixes = [".gke.io", "cloud.google.com", ".k8s.aws", ".eks.amazonaws.com", ".digitalocean.com"]

    /// Whether `group` belongs to the cloud rather than to anything installed into the cluster.
    public static func isCloudProvided(_ group: String) -> Bool {
        suffixes.contains { group == String($0.drop { $0 == "." }) || group.hasSuffix($0) }
    }
}
