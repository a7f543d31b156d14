import Kube

/// What is in the namespace after `helm uninstall`, as gathered by the command layer.
public struct LeftoverSnapshot: Hashable, Sendable {
    /// A Secret by name and type (its data is never read).
    public struct SecretEntry: Hashable, Sendable {
        /// Name.
        public var name: String
        /// `type` (`Opaque`, `kubernetes.io/tls`, `helm.sh/release.v1`...).
        public var type: String
        /// An entry.
        public init(name: String, type: String = "Opaque") { self.name = name; self.type = type }
    }

    /// The namespace looked at.
    public var namespace: String
    /// Whether it still exists.
    public var namespaceExists: Bool
    /// Its PersistentVolumeClaims.
    public var claims: [PersistentVolumeClaim]
    /// Its Secrets.
    public var secrets: [SecretEntry]
    /// Names of its ConfigMaps.
    public var configMaps: [String]

    /// A snapshot.
    public init(namespace: String = "posthog", namespaceExists: Bool = true, claims: [PersistentVolumeClaim] = [],
                secrets: [SecretEntry] = [], configMaps: [String] = []) {
        self.namespace = namespace; self.namespaceExists = namespaceExists; self.claims = claims
        self.secrets = secrets; self.configMaps = configMaps
    }
}

/// One thing `helm uninstall` did not remove.
public struct Leftover: Hashable, Sendable {
    /// `PersistentVolumeClaim`, `Secret` or `ConfigMap`.
    public var kind: String
    /// Its name.
    public var name: String
    /// Size and class for volumes, type for secrets.
    public var detail: String
}

/// The leftovers of an uninstall and what to tell the person about them.
public struct LeftoverReport: Hashable, Sendable {
    /// What is left, volumes first.
    public var items: [Leftover]
    /// The storage the volumes hold, in bytes (requested size where capacity is unknown).
    public var storageBytes: Int64
    /// A paragraph for people.
    public var message: String
    /// `kubectl delete namespace …`, offered when anything is left; nil when nothing is.
    public var deleteNamespace: PlanStep?

    /// Lists what is left from `snapshot`: volumes (which keep data and cost money), secrets and
    /// config maps. Kubernetes' own objects (service-account tokens, `kube-root-ca.crt`) and helm's
    /// release records are not listed.
    public static func from(_ snapshot: LeftoverSnapshot, options: PlanOptions) -> LeftoverReport {
        guard snapshot.namespaceExists else {
            return LeftoverReport(items: [], storageBytes: 0,
                                  message: "Namespace \(snapshot.namespace) is gone; nothing is left behind.", deleteNamespace: nil)
        }
        var items: [Leftover] = []
        var bytes: Int64 = 0
        for claim in snapshot.claims.sorted(by: { $0.metadata.name < $1.metadata.name }) {
            let size = claim.capacity ?? claim.requestedStorage
            bytes += size?.value ?? 0
            let sizeText = size.map { ResourceFormat.bytes($0.value) } ?? "unknown size"
            let cls = claim.storageClassName.map { ", class \($0)" } ?? ""
            items.append(Leftover(kind: "PersistentVolumeClaim", name: claim.metadata.name, detail: sizeText + cls))
        }
        let ignoredTypes: Set<String> = ["helm.sh/release.v1", "kubernetes.io/service-account-token"]
        for s in snapshot.secrets.sorted(by: { $0.name < $1.name }) where !ignoredTypes.contains(s.type) {
            items.append(Leftover(kind: "Secret", name: s.name, detail: s.type))
        }
        for c in snapshot.configMaps.sorted() where c != "kube-root-ca.crt" {
            items.append(Leftover(kind: "ConfigMap", name: c, detail: ""))
        }
        guard !items.isEmpty else {
            return LeftoverReport(items: [], storageBytes: 0,
                                  message: "Namespace \(snapshot.namespace) is empty. You can delete it with `kubectl delete namespace \(snapshot.namespace)`.",
                                  deleteNamespace: Plans.deleteNamespaceStep(options))
        }
        let volumes = items.filter { $0.kind == "PersistentVolumeClaim" }.count
        var message = ""
        if volumes > 0 {
            message += "\(volumes) volume\(volumes == 1 ? "" : "s") (\(ResourceFormat.bytes(bytes)) in total) still hold\(volumes == 1 ? "s" : "") PostHog's data and keep costing money. "
                + "A new install into namespace \(snapshot.namespace) would reuse them, with their old passwords. "
        }
        message += "Deleting namespace \(snapshot.namespace) removes everything listed; that cannot be undone."
        return LeftoverReport(items: items, storageBytes: bytes, message: message, deleteNamespace: Plans.deleteNamespaceStep(options))
    }
}
