/// One object of a render, by its API version, kind and name.
public struct RenderedObjectRef: Hashable, Sendable {
    /// `networking.gke.io/v1`.
    public var apiVersion: String
    /// `ManagedCertificate`.
    public var kind: String
    /// `posthog-gke-cert`.
    public var name: String

    /// A reference.
    public init(apiVersion: String, kind: String, name: String) {
        self.apiVersion = apiVersion; self.kind = kind; self.name = name
    }

    /// The API group: `networking.gke.io`, or "" for the core group (`v1`).
    public var group: String {
        guard let slash = apiVersion.lastIndex(of: "/") else { return "" }
        return String(apiVersion[..<slash])
    }
}
