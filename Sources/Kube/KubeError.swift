/// Errors raised while reading Kubernetes values; each names what was wrong and where.
public enum KubeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A resource quantity such as `1.5Gi` could not be parsed.
    case invalidQuantity(text: String, reason: String)
    /// A timestamp was not RFC 3339.
    case invalidTimestamp(text: String, path: String)
    /// The JSON did not have the shape of the expected Kubernetes object.
    case invalidJSON(kind: String, path: String, reason: String)

    /// A sentence for people.
    public var description: String {
        switch self {
        case let .invalidQuantity(text, reason):
            return "invalid resource quantity \"\(text)\": \(reason)"
        case let .invalidTimestamp(text, path):
            return "invalid timestamp \"\(text)\" at \(path.isEmpty ? "top level" : path): expected RFC 3339 like 2024-05-01T10:00:00Z"
        case let .invalidJSON(kind, path, reason):
            return "cannot read \(kind) JSON at \(path.isEmpty ? "top level" : path): \(reason)"
        }
    }
}
