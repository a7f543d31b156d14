import YAML

/// Which volumes an upgrade puts at risk and how each can be snapshotted first (pure): the
/// claims behind the change table's refused or data-losing changes, each matched to the
/// VolumeSnapshotClass whose `driver` is the provisioner of the claim's StorageClass.
public enum SnapshotPlan {
    /// What can be offered before the upgrade.
    public enum Offer: Sendable, Hashable {
        /// No refused or data-losing change touches a volume: nothing to snapshot.
        case nothingAffected
        /// The cluster does not serve `snapshot.storage.k8s.io` (no snapshot CRDs or controller).
        case noSnapshotAPI(claims: [String])
        /// The API is there but no VolumeSnapshotClass fits these claims' drivers.
        case noSnapshotClass(claims: [String], drivers: [String])
        /// Snapshots that can be taken; claims that cannot (with why) are listed too.
        case snapshots([SnapshotTarget], unsupported: [String: String])
    }

    /// The names of the live claims whose data the blocking changes put at risk: changed or
    /// deleted claims, and the claims of StatefulSets with volume claim templates whose change
    /// is refused or that are deleted (`TEMPLATE-STATEFULSET-ORDINAL`).
    public static func affectedClaims(
        blocking: [ObjectChange], deployed: [ManifestObject.Key: ManifestObject],
        claims: [ClaimInfo]
    ) -> [String] {
        var names: Set<String> = []
        for change in blocking where change.risks.contains(where: \.blocksUpgrade) {
            switch change.key.kind {
            case "PersistentVolumeClaim":
                if claims.contains(where: { $0.name == change.key.name }) { names.insert(change.key.name) }
            case "StatefulSet":
                for template in claimTemplates(deployed[change.key]) {
                    let prefix = "\(template)-\(change.key.name)-"
                    for claim in claims
                    where claim.name.hasPrefix(prefix)
                        && !claim.name.dropFirst(prefix.count).isEmpty && claim.name.dropFirst(prefix.count).allSatisfy(\.isNumber)
                    {
                        names.insert(claim.name)
                    }
                }
            default:
                break
            }
        }
        return names.sorted()
    }

    /// The names of a StatefulSet's volume claim templates.
    static func claimTemplates(_ object: ManifestObject?) -> [String] {
        guard case .sequence(let templates)? = object?.body.value(at: ["spec", "volumeClaimTemplates"]) else { return [] }
        return templates.compactMap { $0["metadata"]?["name"]?.stringValue }
    }

    /// The offer for `affected` claims. `snapshotClasses` is nil when the cluster has no snapshot
    /// API. Snapshot names are `CLAIM-before-r<revision>-<stamp>` (stamp: `20261206201503`).
    public static func offer(
        affected: [String], claims: [ClaimInfo], storageClasses: [StorageClassInfo],
        snapshotClasses: [SnapshotClassInfo]?, nextRevision: Int, stamp: String
    ) -> Offer {
        guard !affected.isEmpty else { return .nothingAffected }
        guard let snapshotClasses else { return .noSnapshotAPI(claims: affected) }
        var targets: [SnapshotTarget] = []
        var unsupported: [String: String] = [:]
        var drivers: Set<String> = []
        for name in affected {
            guard let claim = claims.first(where: { $0.name == name }) else { continue }
            guard claim.phase == "Bound" else {
                unsupported[name] = "it is \(claim.phase.isEmpty ? "not bound" : claim.phase), so it holds no data to snapshot"
                continue
            }
            let className = claim.storageClass ?? storageClasses.first(where: \.isDefault)?.name
            guard let storage = storageClasses.first(where: { $0.name == className }) else {
                unsupported[name] = "its StorageClass \(className ?? "(none)") is not in the cluster, so its driver is unknown"
                continue
            }
            drivers.insert(storage.provisioner)
            guard let chosen = snapshotClass(for: storage.provisioner, in: snapshotClasses) else {
                unsupported[name] =
                    "no VolumeSnapshotClass has driver \(storage.provisioner) (its StorageClass \(storage.name)'s provisioner)"
                continue
            }
            targets.append(
                SnapshotTarget(
                    claim: name, size: claim.size, storageClass: storage.name, snapshotClass: chosen.name,
                    name: snapshotName(claim: name, nextRevision: nextRevision, stamp: stamp)))
        }
        if targets.isEmpty && !unsupported.isEmpty && unsupported.values.allSatisfy({ $0.hasPrefix("no VolumeSnapshotClass") }) {
            return .noSnapshotClass(claims: affected, drivers: drivers.sorted())
        }
        return .snapshots(targets, unsupported: unsupported)
    }

    /// The class for a driver: the default-marked one, else the first by name.
    static func snapshotClass(for driver: String, in classes: [SnapshotClassInfo]) -> SnapshotClassInfo? {
        let fitting = classes.filter { $0.driver == driver }.sorted { $0.name < $1.name }
        return fitting.first(where: \.isDefault) ?? fitting.first
    }

    /// A name the API server accepts (a DNS subdomain of at most 253 characters); the stamp has seconds, so
    /// a second try after a snapshot that was not ready does not collide with the first.
    static func snapshotName(claim: String, nextRevision: Int, stamp: String) -> String {
        let suffix = "-before-r\(nextRevision)-\(stamp)"
        return String(claim.prefix(253 - suffix.count)) + suffix
    }
}

/// One VolumeSnapshot to take before an upgrade.
public struct SnapshotTarget: Sendable, Hashable {
    /// The claim it copies.
    public var claim: String
    /// The claim's size, when known (`10Gi`).
    public var size: String?
    /// The claim's StorageClass.
    public var storageClass: String
    /// The VolumeSnapshotClass used.
    public var snapshotClass: String
    /// The VolumeSnapshot's name.
    public var name: String

    /// A target.
    public init(claim: String, size: String?, storageClass: String, snapshotClass: String, name: String) {
        self.claim = claim
        self.size = size
        self.storageClass = storageClass
        self.snapshotClass = snapshotClass
        self.name = name
    }

    /// The VolumeSnapshot object, labelled so `kubectl get volumesnapshots -l` finds the upgrade's set.
    public func manifest(namespace: String, release: String) -> YAMLValue {
        .mapping(
            YAMLMapping([
                ("apiVersion", .string("snapshot.storage.k8s.io/v1")),
                ("kind", .string("VolumeSnapshot")),
                (
                    "metadata",
                    .mapping(
                        YAMLMapping([
                            ("name", .string(name)), ("namespace", .string(namespace)),
                            (
                                "labels",
                                .mapping(
                                    YAMLMapping([
                                        ("app.kubernetes.io/created-by", .string("posthog-install")),
                                        ("posthog-install/release", .string(release)),
                                    ]))
                            ),
                        ]))
                ),
                (
                    "spec",
                    .mapping(
                        YAMLMapping([
                            ("volumeSnapshotClassName", .string(snapshotClass)),
                            ("source", .mapping(YAMLMapping([("persistentVolumeClaimName", .string(claim))]))),
                        ]))
                ),
            ]))
    }

    /// A claim restored from this snapshot (`dataSource` naming it), for the person to apply.
    public func restoreManifest(namespace: String) -> String {
        """
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata:
          name: \(claim)-restored
          namespace: \(namespace)
        spec:
          storageClassName: \(storageClass)
          dataSource:
            apiGroup: snapshot.storage.k8s.io
            kind: VolumeSnapshot
            name: \(name)
          accessModes: [ReadWriteOnce]
          resources:
            requests:
              storage: \(size ?? "SIZE")
        """
    }
}
