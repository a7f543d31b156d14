/// A reserved Google Cloud address (`gcloud compute addresses describe NAME --global`).
public struct GCPStaticAddress: Hashable, Sendable {
    /// `RESERVED` (not used yet), `IN_USE` (a load balancer uses it) or `RESERVING`.
    public enum Status: String, Hashable, Sendable {
        /// Reserved and not attached to anything yet.
        case reserved = "RESERVED"
        /// Attached to a forwarding rule (the load balancer).
        case inUse = "IN_USE"
        /// Still being reserved.
        case reserving = "RESERVING"
    }

    /// The address's name (`posthog`).
    public var name: String
    /// The IP address.
    public var address: String
    /// Its status; nil when gcloud printed one this tool does not know.
    public var status: Status?
    /// `EXTERNAL` or `INTERNAL`.
    public var addressType: String?
    /// `IPV4` or `IPV6`.
    public var ipVersion: String?

    /// An address.
    public init(name: String, address: String, status: Status?, addressType: String? = nil, ipVersion: String? = nil) {
        self.name = name; self.address = address; self.status = status; self.addressType = addressType; self.ipVersion = ipVersion
    }
}

/// What asking gcloud about the static address showed (filled in by `GCloudClient`).
public enum StaticIPObservation: Hashable, Sendable {
    /// The address exists.
    case found(GCPStaticAddress)
    /// gcloud answered that no address of that name exists.
    case missing
    /// gcloud is not installed on this computer.
    case gcloudMissing
    /// gcloud has no signed-in account (or its credentials expired); gcloud's own text.
    case notSignedIn(String)
    /// gcloud has no project set; gcloud's own text.
    case noProject(String)
    /// Anything else: what went wrong in our words, and gcloud's own text.
    case failed(String, gcloudText: String)
}
