#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One entry of `helm history RELEASE -o json`.
public struct HelmRevision: Decodable, Sendable, Hashable {
    /// The revision number.
    public var revision: Int
    /// When it was deployed (RFC 3339).
    public var updated: String
    /// `deployed`, `superseded`, `failed`, `pending-upgrade`…
    public var status: String
    /// `posthog-30.46.0`.
    public var chart: String
    /// The app version.
    public var appVersion: String
    /// helm's description (`Install complete`, `Upgrade "posthog" failed: …`, `Rollback to 2`).
    public var description: String

    enum CodingKeys: String, CodingKey {
        case revision, updated, status, chart, description
        case appVersion = "app_version"
    }

    /// Decodes tolerantly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        revision = try c.decode(Int.self, forKey: .revision)
        updated = try c.decodeIfPresent(String.self, forKey: .updated) ?? ""
        status = try c.decodeIfPresent(String.self, forKey: .status) ?? ""
        chart = try c.decodeIfPresent(String.self, forKey: .chart) ?? ""
        appVersion = try c.decodeIfPresent(String.self, forKey: .appVersion) ?? ""
        description = try c.decodeIfPresent(String.self, forKey: .description) ?? ""
    }

    /// A revision (tests).
    public init(revision: Int, status: String, chart: String, description: String = "", updated: String = "", appVersion: String = "") {
        self.revision = revision; self.status = status; self.chart = chart; self.description = description
        self.updated = updated; self.appVersion = appVersion
    }
}
