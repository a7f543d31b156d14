#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSON
import Kube

// The small value types the simulation's state is made of, Codable so the state can be saved
// between processes (`SimulatedStateFile`).

/// A pod spec with the form the scheduler reads decoded once; saved as the JSON it came from.
struct SimPodSpec: Codable, Sendable, Hashable {
    /// The spec as the API server stores it.
    let json: JSONValue
    /// The same spec as Kube reads it.
    let value: PodSpec

    init(_ json: JSONValue) {
        self.json = json
        value = (try? KubeJSON.decode(PodSpec.self, from: json)) ?? PodSpec()
    }

    init(from decoder: any Decoder) throws { self.init(try JSONValue(from: decoder)) }

    func encode(to encoder: any Encoder) throws { try json.encode(to: encoder) }
}

/// One of a StatefulSet's `volumeClaimTemplates`.
struct SimClaimTemplate: Codable, Sendable, Hashable {
    var name: String
    var size: String
    var storageClass: String?
}

/// Why the scheduler could not place a pod, since when, and when it last tried.
struct SimScheduleFailure: Codable, Sendable, Hashable {
    var reason: String
    var message: String
    var since: Date
    var lastAttempt: Date
}

/// The object an event is about.
struct SimInvolvedObject: Codable, Sendable, Hashable {
    var kind: String
    var name: String
    var uid: String
    var apiVersion: String
    var fieldPath: String?
}

/// A load balancer's address: an IP, or a host name (AWS).
struct SimAddress: Codable, Sendable, Hashable {
    var ip: String?
    var hostname: String?

    init(ip: String? = nil, hostname: String? = nil) {
        self.ip = ip
        self.hostname = hostname
    }
}

/// Object keys as `kind/namespace/name` map keys, so a saved state has sorted, readable keys.
extension ObjectKey: CodingKeyRepresentable {
    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    var codingKey: any CodingKey { Key(stringValue: "\(kind)/\(namespace)/\(name)") }

    init?<T: CodingKey>(codingKey: T) {
        let parts = codingKey.stringValue.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        self.init(kind: String(parts[0]), namespace: String(parts[1]), name: String(parts[2]))
    }
}
