/// A VolumeSnapshotClass as the snapshot decision needs it (`snapshot.storage.k8s.io/v1`).
public struct SnapshotClassInfo: Sendable, Hashable {
    /// Its name (`do-block-storage`).
    public var name: String
    /// The CSI driver that takes its snapshots (`dobs.csi.digitalocean.com`); it must be the
    /// provisioner of the claim's StorageClass.
    public var driver: String
    /// Whether it carries `snapshot.storage.kubernetes.io/is-default-class: "true"`.
    public var isDefault: Bool

    /// A class.
    public init(name: String, driver: String, isDefault: Bool = false) {
        self.name = name
        self.driver = driver
        self.isDefault = isDefault
    }
}

/// A StorageClass as the snapshot decision needs it.
public struct StorageClassInfo: Sendable, Hashable {
    /// Its name (`do-block-storage`).
    public var name: String
    /// Who provisions its volumes (`dobs.csi.digitalocean.com`).
    public var provisioner: String
    /// Whether claims without a class get this one.
    public var isDefault: Bool

    /// A class.
    public init(name: String, provisioner: String, isDefault: Bool = false) {
        self.name = name
        self.provisioner = provisioner
        self.isDefault = isDefault
    }
}

/// A live PersistentVolumeClaim as the snapshot decision needs it.
public struct ClaimInfo: Sendable, Hashable {
    /// Its name (`data-posthog-posthog-postgresql-0`).
    public var name: String
    /// `spec.storageClassName` (nil: the default class).
    public var storageClass: String?
    /// Its size (`status.capacity.storage`, else the request), as written (`10Gi`).
    public var size: String?
    /// `Bound`, `Pending`, `Lost`.
    public var phase: String

    /// A claim.
    public init(name: String, storageClass: String? = nil, size: String? = nil, phase: String = "Bound") {
        self.name = name
        self.storageClass = storageClass
        self.size = size
        self.phase = phase
    }
}
