/// Where the Kubernetes cluster runs; decides the ingress and certificate mechanism.
public enum Cloud: String, CaseIterable, Sendable {
    /// Google Cloud (GKE): Google load balancer with a managed certificate.
    case gcp
    /// Amazon Web Services (EKS): nginx ingress behind an ELB, Let's Encrypt.
    case aws
    /// DigitalOcean Kubernetes: nginx ingress behind a DigitalOcean load balancer, Let's Encrypt.
    case `do`
    /// Any other Kubernetes: nginx ingress, Let's Encrypt.
    case other

    /// The HTTP-only troubleshooting layer this cloud uses (`tls-off/<name>.yaml`).
    public var tlsOffLayer: String { self == .gcp ? "gcp" : "nginx" }
}
