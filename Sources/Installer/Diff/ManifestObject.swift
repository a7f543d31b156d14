import YAML

/// One Kubernetes object of a manifest (a render, or a release's `helm get manifest`), keyed by
/// what identifies it in the cluster.
public struct ManifestObject: Sendable, Equatable {
    /// What names an object in the cluster: group, kind, namespace and name.
    public struct Key: Hashable, Sendable, Comparable {
        /// The API group ("" for the core group).
        public var group: String
        /// `StatefulSet`.
        public var kind: String
        /// The namespace ("" for cluster-wide objects).
        public var namespace: String
        /// `posthog-posthog-postgresql`.
        public var name: String

        /// A key.
        public init(group: String, kind: String, namespace: String, name: String) {
            self.group = group; self.kind = kind; self.namespace = namespace; self.name = name
        }

        /// `StatefulSet posthog/posthog-posthog-postgresql`.
        public var display: String { namespace.isEmpty ? "\(kind) \(name)" : "\(kind) \(namespace)/\(name)" }

        /// Ordered by kind, then namespace and name.
        public static func < (a: Key, b: Key) -> Bool {
            (a.kind, a.namespace, a.name, a.group) < (b.kind, b.namespace, b.name, b.group)
        }
    }

    /// Its key.
    public var key: Key
    /// The whole document.
    public var body: YAMLValue

    /// The objects of YAML documents; documents without kind or name are skipped, and objects
    /// without a namespace get `defaultNamespace` (as helm applies them) unless their kind is
    /// cluster-wide.
    public static func objects(_ documents: [YAMLValue], defaultNamespace: String) -> [ManifestObject] {
        documents.compactMap { doc in
            guard case .mapping = doc, let kind = doc["kind"]?.stringValue, !kind.isEmpty,
                  let name = doc["metadata"]?["name"]?.stringValue, !name.isEmpty else { return nil }
            let apiVersion = doc["apiVersion"]?.stringValue ?? ""
            let group = apiVersion.lastIndex(of: "/").map { String(apiVersion[..<$0]) } ?? ""
            let namespace = clusterWideKinds.contains(kind) ? "" : (doc["metadata"]?["namespace"]?.stringValue ?? defaultNamespace)
            return ManifestObject(key: Key(group: group, kind: kind, namespace: namespace, name: name), body: doc)
        }
    }

    /// Kinds that live outside namespaces.
    static let clusterWideKinds: Set<String> = [
        "Namespace", "Node", "PersistentVolume", "StorageClass", "CustomResourceDefinition", "ClusterRole",
        "ClusterRoleBinding", "ClusterIssuer", "PriorityClass", "IngressClass", "MutatingWebhookConfiguration",
        "ValidatingWebhookConfiguration", "APIService", "CSIDriver", "VolumeSnapshotClass",
    ]
}
