/// A PersistentVolumeClaim: requested size, class, phase and bound capacity.
public struct PersistentVolumeClaim: Decodable, Hashable, Sendable {
    /// Metadata (creation time is used for "pending too long").
    public var metadata = ObjectMeta()
    /// `spec.storageClassName` (nil: the default class).
    public var storageClassName: String?
    /// `spec.resources.requests.storage`.
    public var requestedStorage: Quantity?
    /// `spec.volumeName` once bound.
    public var volumeName: String?
    /// `status.phase`: `Pending`, `Bound` or `Lost` (empty when absent).
    public var phase: String = ""
    /// `status.capacity.storage`.
    public var capacity: Quantity?

    /// A claim.
    public init(name: String = "", phase: String = "") { metadata = ObjectMeta(name: name); self.phase = phase }

    enum CodingKeys: String, CodingKey { case metadata, spec, status }
    enum SpecKeys: String, CodingKey { case storageClassName, resources, volumeName }
    enum ResKeys: String, CodingKey { case requests }
    enum StatusKeys: String, CodingKey { case phase, capacity }

    /// Decodes tolerantly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        metadata = try c.or(.metadata, ObjectMeta())
        if c.contains(.spec), try !c.decodeNil(forKey: .spec) {
            let s = try c.nestedContainer(keyedBy: SpecKeys.self, forKey: .spec)
            storageClassName = try s.opt(.storageClassName); volumeName = try s.opt(.volumeName)
            if s.contains(.resources), try !s.decodeNil(forKey: .resources) {
                let r = try s.nestedContainer(keyedBy: ResKeys.self, forKey: .resources)
                let req: [String: Quantity] = try r.or(.requests, [:])
                requestedStorage = req["storage"]
            }
        }
        if c.contains(.status), try !c.decodeNil(forKey: .status) {
            let s = try c.nestedContainer(keyedBy: StatusKeys.self, forKey: .status)
            phase = try s.or(.phase, "")
            let cap: [String: Quantity] = try s.or(.capacity, [:])
            capacity = cap["storage"]
        }
    }
}

/// A StorageClass: provisioner, binding mode, expansion and whether it is the default.
public struct StorageClass: Decodable, Hashable, Sendable {
    /// Metadata (the default-class annotation lives here).
    public var metadata = ObjectMeta()
    /// `provisioner`, e.g. `dobs.csi.digitalocean.com`.
    public var provisioner: String = ""
    /// `volumeBindingMode`: `Immediate` (default) or `WaitForFirstConsumer`.
    public var volumeBindingMode: String = "Immediate"
    /// `allowVolumeExpansion`.
    public var allowVolumeExpansion: Bool = false
    /// `reclaimPolicy` (default `Delete`).
    public var reclaimPolicy: String = "Delete"

    /// A storage class.
    public init(name: String = "", provisioner: String = "") { metadata = ObjectMeta(name: name); self.provisioner = provisioner }

    /// Whether the class carries `storageclass.kubernetes.io/is-default-class: "true"` (or the beta annotation).
    public var isDefault: Bool {
        metadata.annotations["storageclass.kubernetes.io/is-default-class"] == "true"
            || metadata.annotations["storageclass.beta.kubernetes.io/is-default-class"] == "true"
    }

    enum CodingKeys: String, CodingKey { case metadata, provisioner, volumeBindingMode, allowVolumeExpansion, reclaimPolicy }

    /// Decodes tolerantly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        metadata = try c.or(.metadata, ObjectMeta()); provisioner = try c.or(.provisioner, "")
        volumeBindingMode = try c.or(.volumeBindingMode, "Immediate")
        allowVolumeExpansion = try c.or(.allowVolumeExpansion, false); reclaimPolicy = try c.or(.reclaimPolicy, "Delete")
    }
}
