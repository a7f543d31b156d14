#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Installer
import JSON

/// Reads gcloud's `--format=json` output into the values the GCP decisions use.
public enum GCloudJSON {
    /// `gcloud compute addresses describe NAME --global --format=json`.
    public static func address(_ json: String) throws -> GCPStaticAddress {
        struct Raw: Decodable {
            var name: String?
            var address: String?
            var status: String?
            var addressType: String?
            var ipVersion: String?
        }
        let raw = try JSONValueDecoder().decode(Raw.self, from: Data(json.utf8))
        guard let address = raw.address, let name = raw.name else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "no name or address in the description"))
        }
        return GCPStaticAddress(
            name: name, address: address, status: raw.status.flatMap(GCPStaticAddress.Status.init(rawValue:)),
            addressType: raw.addressType, ipVersion: raw.ipVersion)
    }

    /// `gcloud beta compute ssl-certificates list --format=json`: the Google-managed ones only.
    public static func managedCertificates(_ json: String) throws -> [GCPManagedCertificate] {
        struct Managed: Decodable {
            var status: String?
            var domains: [String]?
            var domainStatus: [String: String]?
        }
        struct Raw: Decodable {
            var name: String?
            var type: String?
            var managed: Managed?
            var creationTimestamp: String?
            var expireTime: String?
        }
        let raws = try JSONValueDecoder().decode([Raw].self, from: Data(json.utf8))
        return raws.compactMap { raw in
            guard let managed = raw.managed, raw.type == nil || raw.type == "MANAGED" else { return nil }
            return GCPManagedCertificate(
                name: raw.name ?? "", status: managed.status ?? "", domains: managed.domains ?? [],
                domainStatus: managed.domainStatus ?? [:],
                created: raw.creationTimestamp.flatMap(timestamp), expires: raw.expireTime.flatMap(timestamp))
        }
    }

    /// `gcloud auth list --format=json`: the active account, nil when none is.
    public static func activeAccount(_ json: String) throws -> String? {
        struct Raw: Decodable {
            var account: String?
            var status: String?
        }
        return try JSONValueDecoder().decode([Raw].self, from: Data(json.utf8)).first { $0.status == "ACTIVE" }?.account
    }

    /// Google's RFC 3339 times, with or without fractional seconds (`2024-05-02T03:04:05.678-07:00`).
    public static func timestamp(_ text: String) -> Date? {
        if let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text) { return date }
        return try? Date.ISO8601FormatStyle().parse(text)
    }
}
