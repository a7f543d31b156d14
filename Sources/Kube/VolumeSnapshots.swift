/// A VolumeSnapshotClass (`snapshot.storage.k8s.io/v1`): which CSI driver cuts snapshots.
public struct VolumeSnapshotClass: Decodable, Hashable, Sendable {
    /// Metadata (the default-class annotation lives here).
    public var metadata = ObjectMeta()
    /// The CSI driver, e.g. `dobs.csi.digitalocean.com`.
    public var driver: String = ""
    /// `Delete` or `Retain`.
    public var deletionPolicy: String = ""

    /// A class.
    public init(name: String = "", driver: String = "") {
        metadata = ObjectMeta(name: name)
        self.driver = driver
    }

    /// Whether it carries `snapshot.storage.kubernetes.io/is-default-class: "true"`.
    public var isDefault: Bool { metadata.annotations["snapshot.storage.kubernetes.io/is-default-class"] == "true" }

    enum CodingKeys: String, CodingKey { case metadata, driver, deletionPolicy }

    /// Decodes tolerantly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        metadata = try c.or(.metadata, ObjectMeta())
        driver = try c.or(.driver, "")
        deletionPolicy = try c.or(.deletionPolicy, "")
    }
}

/// A VolumeSnapshot (`snapshot.storage.k8s.io/v1`): its source claim and whether it is ready.
public struct VolumeSnapshot: Decodable, Hashable, Sendable {
    /// Metadata.
    public var metadata = ObjectMeta()
    /// `spec.source.persistentVolumeClaimName`.
    public var sourceClaim: String?
    /// `spec.volumeSnapshotClassName`.
    public var className: String?
    /// `status.readyToUse` (nil before the controller has looked at it).
    public var readyToUse: Bool?
    /// `status.restoreSize`, as written (`10Gi`).
    public var restoreSize: String?
    /// `status.error.message`.
    public var errorMessage: String?

    /// A snapshot.
    public init(name: String = "", sourceClaim: String? = nil) {
        metadata = ObjectMeta(name: name)
        self.sourceClaim = sourceClaim
    }

    enum CodingKeys: String, CodingKey { case metadata, spec, status }
    enum SpecKeys: String, CodingKey { case source, volumeSnapshotClassName }
    enum SourceKeys: String, CodingKey { case persistentVolumeClaimName }
    enum StatusKeys: String, CodingKey { case readyToUse, restoreSize, error }
    enum ErrorKeys: String, CodingKey { case message }

    /// Decodes tolerantly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        metadata = try c.or(.metadata, ObjectMeta())
        if c.contains(.spec), try !c.decodeNil(forKey: .spec) {
            let s = try c.nestedContainer(keyedBy: SpecKeys.self, forKey: .spec)
            className = try s.opt(.volumeSnapshotClassName)
            if s.contains(.source), try !s.decodeNil(forKey: .source) {
                sourceClaim = try s.nestedContainer(keyedBy: SourceKeys.self, forKey: .source).opt(.persistentVolumeClaimName)
            }
        }
        if c.contains(.status), try !c.decodeNil(forKey: .status) {
            let s = try c.nestedContainer(keyedBy: StatusKeys.self, forKey: .status)
            readyToUse = try s.opt(.readyToUse)
            let size: Quantity? = try? s.opt(.restoreSize)
            restoreSize = size?.description
            if s.contains(.error), try !s.decodeNil(forKey: .error) {
                errorMessage = try s.nestedContainer(keyedBy: ErrorKeys.self, forKey: .error).opt(.message)
            }
        }
    }
}
