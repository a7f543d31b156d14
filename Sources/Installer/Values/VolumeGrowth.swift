import Kube

/// `posthog-install resize` against the cluster: which PersistentVolumeClaims belong to each
/// component, whether they can grow (larger size, StorageClass with `allowVolumeExpansion`), and
/// which StatefulSets must be recreated so their volume templates carry the new size (pure).
public enum VolumeGrowth {
    /// One claim to grow.
    public struct Target: Equatable, Sendable {
        /// The component (`clickhouse`).
        public var component: String
        /// The claim's name (`data-posthog-posthog-postgresql-0`).
        public var claim: String
        /// The size asked for (`200Gi`).
        public var size: String
        /// The size in bytes.
        public var bytes: Int64
        /// The size before, as the claim reports it (capacity, else request).
        public var current: String?
        /// Whether the claim's request must still be raised (false: raised already, growing).
        public var needsPatch: Bool
        /// The StatefulSet whose volume template made the claim, if found.
        public var statefulSet: String?
        /// Whether that StatefulSet belongs to the ClickHouse operator, which resizes by itself
        /// and recreates it; such a StatefulSet is not deleted.
        public var managedByOperator: Bool
    }

    /// Why the volumes cannot grow; nothing was changed.
    public struct Problem: Error, Equatable, Sendable, CustomStringConvertible {
        /// What kind of problem, for the exit code.
        public enum Kind: Equatable, Sendable {
            /// The request itself is wrong (a smaller size than the volume has).
            case badRequest
            /// The cluster has no such volume.
            case notFound
            /// The StorageClass does not allow growing.
            case blocked
        }
        /// What kind.
        public let kind: Kind
        /// What is wrong and what to do.
        public let description: String
    }

    /// Name fragments that identify a component's claims, as the chart and its subcharts name them
    /// (`data-posthog-posthog-kafka-0`, `redis-data-posthog-posthog-redis-master-0`,
    /// `data-volumeclaim-template-chi-posthog-posthog-0-0-0`).
    static let fragments: [String: [String]] = [
        "clickhouse": ["clickhouse", "chi-"], "postgresql": ["postgresql"], "kafka": ["kafka"], "redis": ["redis"],
    ]

    /// The claims of `component` among `claims`.
    public static func claims(of component: String, in claims: [PersistentVolumeClaim]) -> [PersistentVolumeClaim] {
        let parts = fragments[component] ?? [component]
        return claims.filter { claim in
            let name = claim.metadata.name
            return parts.contains { name.contains($0) } && !name.contains("zookeeper")
        }.sorted { $0.metadata.name < $1.metadata.name }
    }

    /// The StatefulSet whose volume template created `claim` (`TEMPLATE-STATEFULSET-ORDINAL`).
    public static func owner(ofClaim claim: String, among statefulSets: [StatefulSet]) -> StatefulSet? {
        guard let dash = claim.lastIndex(of: "-"), claim[claim.index(after: dash)...].allSatisfy(\.isNumber) else { return nil }
        let stem = claim[..<dash]
        return statefulSets.filter { stem.hasSuffix("-" + $0.metadata.name) }.max { $0.metadata.name.count < $1.metadata.name.count }
    }

    /// The claims to grow for `sizes` (component → new size), or the problem that stops it.
    public static func plan(sizes: [(component: String, size: String)], claims: [PersistentVolumeClaim],
                            statefulSets: [StatefulSet], storageClasses: [StorageClass], namespace: String) throws(Problem) -> [Target] {
        var targets: [Target] = []
        for (component, size) in sizes {
            guard let wanted = try? Quantity(size) else {
                throw Problem(kind: .badRequest, description: "--\(component) \(size) is not a size; use a number and a unit, like 60Gi, 200G or 1Ti.")
            }
            let found = Self.claims(of: component, in: claims)
            guard !found.isEmpty else {
                throw Problem(kind: .notFound, description: "No volume of \(component) was found in namespace \(namespace) (kubectl get pvc -n \(namespace)). It may be external, have persistence turned off, or still be installing; nothing was changed.")
            }
            for claim in found {
                let current = [claim.capacity, claim.requestedStorage].compactMap { $0 }.max { $0.value < $1.value }
                if let current, current.value > wanted.value {
                    throw Problem(kind: .badRequest, description: "--\(component) \(size) is smaller than the volume \(claim.metadata.name), which has \(current.text). Kubernetes volumes can only grow: shrinking needs a new, empty volume and a restore from a backup, so posthog-install will not do it. Nothing was changed.")
                }
                let requested = claim.requestedStorage?.value ?? 0
                let owner = owner(ofClaim: claim.metadata.name, among: statefulSets)
                targets.append(Target(component: component, claim: claim.metadata.name, size: size, bytes: wanted.value,
                                      current: current?.text, needsPatch: requested < wanted.value,
                                      statefulSet: owner?.metadata.name, managedByOperator: owner.map(isOperatorManaged) ?? false))
            }
        }
        try checkExpansion(targets.filter(\.needsPatch), claims: claims, storageClasses: storageClasses, namespace: namespace)
        return targets
    }

    /// Whether every target reports at least its new size in `status.capacity.storage`.
    public static func done(_ targets: [Target], claims: [PersistentVolumeClaim]) -> Bool {
        targets.allSatisfy { target in
            (claims.first { $0.metadata.name == target.claim }?.capacity?.value ?? 0) >= target.bytes
        }
    }

    /// StatefulSets made by the ClickHouse operator (Altinity) carry its labels or owner.
    static func isOperatorManaged(_ set: StatefulSet) -> Bool {
        set.metadata.labels.keys.contains { $0.hasPrefix("clickhouse.altinity.com/") }
            || set.metadata.ownerReferences.contains { $0.kind == "ClickHouseInstallation" }
    }

    private static func checkExpansion(_ targets: [Target], claims: [PersistentVolumeClaim], storageClasses: [StorageClass],
                                       namespace: String) throws(Problem) {
        var refused: [String: [String]] = [:]
        for target in targets {
            let claim = claims.first { $0.metadata.name == target.claim }
            let className = claim?.storageClassName ?? storageClasses.first(where: \.isDefault)?.metadata.name
            guard let className, let storageClass = storageClasses.first(where: { $0.metadata.name == className }) else {
                throw Problem(kind: .blocked, description: "The volume \(target.claim) has no StorageClass this cluster knows (\(claim?.storageClassName ?? "no default class")), so it cannot be checked for volume expansion. Check kubectl get storageclass and kubectl describe pvc \(target.claim) -n \(namespace). Nothing was changed.")
            }
            if !storageClass.allowVolumeExpansion { refused[className, default: []].append(target.claim) }
        }
        guard let (name, names) = refused.sorted(by: { $0.key < $1.key }).first else { return }
        throw Problem(kind: .blocked, description: """
            The StorageClass \(name) does not allow volume expansion (allowVolumeExpansion is not true), so \(names.joined(separator: ", ")) cannot grow. Nothing was changed.
            If its provisioner supports expansion (most cloud CSI drivers do: DigitalOcean, EBS CSI, GCE PD CSI), allow it with:
              kubectl patch storageclass \(name) -p '{"allowVolumeExpansion": true}'
            then run posthog-install resize again. Otherwise the data must move to a new, larger volume (backup and restore).
            """)
    }
}
