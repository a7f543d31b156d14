#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Effects
import JSON

/// The clouds' own resources as the simulation serves them: the CRDs only a cloud has (GKE's
/// ManagedCertificate, FrontendConfig, BackendConfig), the ManagedCertificate's status as
/// Google's controller moves it, and the static global address `gcloud` reserves.
extension SimState {
    /// Every kind some cloud adds with its own CRD → its resource name.
    static let cloudKinds: [String: String] = {
        var all: [String: String] = [:]
        for flavour in SimulatedClusterSpec.Flavour.allCases { all.merge(flavour.cloud.customResources) { a, _ in a } }
        return all
    }()

    /// The API server's refusal of a manifest whose kind this cluster has no CRD for (helm's
    /// wording); nil when every kind is served.
    func unservedKind(in manifests: [JSONValue]) -> String? {
        for m in manifests {
            guard let kind = m["kind"]?.stringValue, Self.cloudKinds[kind] != nil, cloud.customResources[kind] == nil else { continue }
            let name = m["metadata"]?["name"]?.stringValue ?? ""
            let apiVersion = m["apiVersion"]?.stringValue ?? ""
            return "unable to build kubernetes objects from release manifest: resource mapping not found for name: \"\(name)\" "
                + "namespace: \"\" from \"\": no matches for kind \"\(kind)\" in version \"\(apiVersion)\"\nensure CRDs are installed first"
        }
        return nil
    }

    /// Whether `kubectl get` may list this kind here (cloud kinds only where the cloud has the CRD).
    func serves(kind: String) -> Bool {
        if Self.snapshotKinds.contains(kind) { return servesSnapshots }
        return Self.cloudKinds[kind] == nil || cloud.customResources[kind] != nil
    }

    /// The cloud's CRDs as `kubectl get crd` lists them.
    var customResourceDefinitionsJSON: [JSONValue] {
        cloud.customResources.sorted { $0.value < $1.value }.map { kind, resource in
            let parts = resource.split(separator: ".", maxSplits: 1).map(String.init)
            let meta = SimMeta(
                name: resource, namespace: "", uid: String(stableHash(resource), radix: 16), created: now.addingTimeInterval(-86_400))
            return .object([
                "apiVersion": .string("apiextensions.k8s.io/v1"), "kind": .string("CustomResourceDefinition"),
                "metadata": meta.json(),
                "spec": .object([
                    "group": .string(parts.count > 1 ? parts[1] : ""), "scope": .string("Namespaced"),
                    "names": .object(["kind": .string(kind), "plural": .string(parts[0])]),
                ]),
            ])
        }
    }

    /// A stored ManagedCertificate with the status GKE's controller gives it: `Provisioning`
    /// until its Ingress has had an address for the cloud's certificate delay, then `Active`.
    func managedCertificateJSON(_ key: ObjectKey, _ manifest: JSONValue) -> JSONValue {
        var object = storedJSON(key, manifest)
        let domains = manifest["spec"]?["domains"]?.arrayValue?.compactMap(\.stringValue) ?? []
        let ingress = ingresses.first { ing in
            ing.meta.namespace == key.namespace
                && (ing.meta.annotations["networking.gke.io/managed-certificates"] ?? "").split(separator: ",")
                    .contains { String($0).trimmingWhitespaceAndNewlines() == key.name }
        }
        var active = false
        if let ing = ingress, ing.address != nil, let since = ing.addressAt {
            active = now.timeIntervalSince(since) >= cloud.certificateDelay
        }
        let word = active ? "Active" : "Provisioning"
        var status: JSONObject = [
            "certificateStatus": .string(word),
            "domainStatus": .array(domains.map { .object(["domain": .string($0), "status": .string(word)]) }),
        ]
        if active { status["certificateName"] = .string("mcrt-\(String(stableHash(key.name), radix: 16))") }
        object["status"] = .object(status)
        return object
    }

    /// `gcloud` as far as the install's static-IP step asks it: describe and create the global
    /// address, the signed-in account, the managed certificates. Only on the GKE simulation;
    /// elsewhere gcloud is not there, as on a workstation that never installed it.
    mutating func gcloud(_ argv: [String]) -> SimOutput {
        let words = argv.filter { !$0.hasPrefix("--") }
        switch Array(words.prefix(3)) {
        case ["auth", "list"]:
            return SimOutput(stdout: #"[{"account": "you@example.com", "status": "ACTIVE"}]"# + "\n")
        case ["compute", "addresses", "describe"] where words.count >= 4:
            guard let ip = staticAddresses[words[3]] else {
                return .fail(
                    "ERROR: (gcloud.compute.addresses.describe) Could not fetch resource:\n - The resource 'projects/posthog-simulated/global/addresses/\(words[3])' was not found"
                )
            }
            return SimOutput(stdout: Self.addressJSON(name: words[3], ip: ip))
        case ["compute", "addresses", "create"] where words.count >= 4:
            if staticAddresses[words[3]] != nil {
                return .fail(
                    "ERROR: (gcloud.compute.addresses.create) Could not fetch resource:\n - The resource 'projects/posthog-simulated/global/addresses/\(words[3])' already exists"
                )
            }
            addressCounter += 1
            staticAddresses[words[3]] = "198.51.100.\(addressCounter)"
            return SimOutput(
                stderr: "Created [https://www.googleapis.com/compute/v1/projects/posthog-simulated/global/addresses/\(words[3])].\n")
        default:
            if words.starts(with: ["beta", "compute", "ssl-certificates", "list"]) { return SimOutput(stdout: "[]\n") }
            return .fail(
                "ERROR: (gcloud) the simulated gcloud answers only the static address and certificate commands posthog-install uses")
        }
    }

    static func addressJSON(name: String, ip: String) -> String {
        """
        {
          "address": "\(ip)",
          "addressType": "EXTERNAL",
          "ipVersion": "IPV4",
          "kind": "compute#address",
          "name": "\(name)",
          "networkTier": "PREMIUM",
          "selfLink": "https://www.googleapis.com/compute/v1/projects/posthog-simulated/global/addresses/\(name)",
          "status": "RESERVED"
        }

        """
    }
}
