/// How an answer is checked.
public enum ValidationKind: String, CaseIterable, Sendable {
    /// A DNS host name (RFC 1123 labels), no scheme, port or path.
    case hostname
    /// A server PostHog connects to: a host name (single-label names allowed) or an IP address.
    case host
    /// An email address.
    case email
    /// A TCP port, 1–65535.
    case port
    /// One of the question's choices.
    case choice
    /// Free text.
    case text
    /// Free text never shown or logged.
    case secret
    /// A Kubernetes storage quantity such as `20Gi`.
    case size
}
