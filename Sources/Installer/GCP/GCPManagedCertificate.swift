#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A Google-managed SSL certificate as gcloud lists it (`gcloud beta compute ssl-certificates list`).
public struct GCPManagedCertificate: Hashable, Sendable {
    /// The certificate's name (GKE names them `mcrt-…`).
    public var name: String
    /// `managed.status`: `PROVISIONING`, `ACTIVE`, `PROVISIONING_FAILED`,
    /// `PROVISIONING_FAILED_PERMANENTLY`, `RENEWAL_FAILED`.
    public var status: String
    /// `managed.domains`.
    public var domains: [String]
    /// `managed.domainStatus`: per domain, `PROVISIONING`, `ACTIVE`, `FAILED_NOT_VISIBLE`,
    /// `FAILED_CAA_CHECKING`, `FAILED_CAA_FORBIDDEN`, `FAILED_RATE_LIMITED`.
    public var domainStatus: [String: String]
    /// `creationTimestamp`.
    public var created: Date?
    /// `expireTime`, once issued.
    public var expires: Date?

    /// A certificate.
    public init(name: String, status: String, domains: [String] = [], domainStatus: [String: String] = [:],
                created: Date? = nil, expires: Date? = nil) {
        self.name = name; self.status = status; self.domains = domains; self.domainStatus = domainStatus
        self.created = created; self.expires = expires
    }
}
