/// How an answer is checked.
public enum ValidationKind: String, CaseIterable, Sendable {
    /// A DNS host name (RFC 1123 labels), no scheme, port or path.
    case hostname
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
