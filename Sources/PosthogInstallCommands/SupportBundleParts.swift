import Cluster
import Effects
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSON
import Kube

/// The Secrets of a namespace as the bundle keeps them: name, type and keys; the decoded values
/// only to mask them elsewhere (pure).
struct SecretInventory {
    var name: String
    var type: String
    var keys: [String]
    /// Decoded values worth masking (a multi-line value by each of its longer lines).
    var values: [String]

    /// Values shorter than this are not masked (ports, `true`, user names would garble the text).
    static let shortest = 8

    /// The Secrets of `kubectl get secrets -o json`.
    static func read(_ json: String) -> [SecretInventory] {
        guard let list = try? JSONValueDecoder().decode(SecretList.self, from: Data(json.utf8)) else { return [] }
        return list.items.map { item in
            var values: [String] = []
            for encoded in (item.data ?? [:]).values {
                guard let data = Data(base64Encoded: encoded) else { continue }
                let text = String(decoding: data, as: UTF8.self)
                let lines = text.split(whereSeparator: \.isNewline).map(String.init)
                if lines.count <= 1 {
                    if text.count >= shortest { values.append(text) }
                } else {
                    values += lines.filter { $0.count >= 16 }
                }
            }
            return SecretInventory(
                name: item.metadata.name, type: item.type ?? "Opaque",
                keys: (item.data ?? [:]).keys.sorted(), values: values)
        }
    }

    /// One line per Secret: `name  type  keys`.
    static func text(_ secrets: [SecretInventory]) -> String {
        var lines = ["# name, type and keys of each Secret; their values are never written"]
        for s in secrets.sorted(by: { $0.name < $1.name }) {
            lines.append("\(s.name)  \(s.type)  \(s.keys.joined(separator: ","))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private struct SecretList: Decodable {
        struct Item: Decodable {
            struct Meta: Decodable { var name: String }
            var metadata: Meta
            var type: String?
            var data: [String: String]?
        }
        var items: [Item]
    }
}

/// Which kinds of the namespace the bundle lists (pure).
enum NamespaceKinds {
    /// Kinds every cluster serves, used when discovery did not answer.
    static let fallback = [
        "pods", "deployments.apps", "statefulsets.apps", "jobs.batch", "persistentvolumeclaims",
        "services", "ingresses.networking.k8s.io", "configmaps",
    ]
    /// Collected apart (Secrets: names only; events: their own file) or useless in a bundle.
    static let skipped: Set<String> = [
        "secrets", "events", "events.events.k8s.io", "bindings", "localsubjectaccessreviews.authorization.k8s.io",
    ]

    /// The kinds from `kubectl api-resources --verbs=list --namespaced -o name`, or the fallback.
    static func pick(_ discovered: String?) -> [String] {
        let names = (discovered ?? "").split(whereSeparator: \.isNewline).map { String($0).trimmingWhitespaceAndNewlines() }
            .filter { !$0.isEmpty && !skipped.contains($0) }
        return names.isEmpty ? fallback : names
    }
}

/// What the summary is computed from, gathered at the edge.
struct SupportBundleFacts {
    var release: HelmRelease?
    var pods: NamespacePollUpdate?
    var nodes: [NodeUsage] = []

    static func gather(
        kubectl: KubectlClient, helm: HelmClient, clock: any WallClock, request: SupportBundleRun.Request,
        pods: [Pod]
    ) async -> SupportBundleFacts {
        var facts = SupportBundleFacts()
        facts.release = try? await helm.installedRelease(request.release, namespace: request.namespace)
        facts.pods = try? await NamespacePoller(kubectl: kubectl, namespace: request.namespace, clock: clock).poll()
        if let nodes = try? await kubectl.nodes() {
            let all = (try? await kubectl.allPods()) ?? pods
            facts.nodes = NodeUsage.compute(nodes: nodes, pods: all)
        }
        return facts
    }
}
