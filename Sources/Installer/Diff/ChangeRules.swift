import Kube
import YAML

/// The rules that say which changes Kubernetes refuses, which lose data and which touch secrets
/// (pure; from the API server's validation of StatefulSets, workload selectors, Services, Jobs
/// and PersistentVolumeClaims).
public enum ChangeRules {
    /// The StatefulSet spec fields the API server lets an update change.
    static let mutableStatefulSetFields: Set<String> = [
        "replicas", "template", "updateStrategy", "persistentVolumeClaimRetentionPolicy", "minReadySeconds", "ordinals",
    ]
    /// Kinds whose `spec.selector` cannot change.
    static let selectorKinds: Set<String> = ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"]
    /// Kinds that run pods from a template (their secret references are checked).
    static let podTemplateKinds: Set<String> = ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job"]

    /// The risks of changing `old` into `new` (both the same object), given the changed paths.
    public static func risks(old: ManifestObject, new: ManifestObject, changed: [[String]]) -> [ChangeRisk] {
        let key = new.key
        let ns = key.namespace.isEmpty ? [] : ["-n", key.namespace]
        var risks: [ChangeRisk] = []
        let specPaths = changed.filter { $0.first == "spec" && $0.count >= 2 }
        if key.kind == "StatefulSet" {
            let fixed = specPaths.filter { !mutableStatefulSetFields.contains($0[1]) }
            if !fixed.isEmpty {
                let names = fixed.map(ValueDifference.text)
                let grows = fixed.allSatisfy { $0.count > 1 && $0[1] == "volumeClaimTemplates" && $0.last == "storage" }
                let delete = (["kubectl", "delete", "statefulset", key.name, "--cascade=orphan"] + ns).joined(separator: " ")
                risks.append(ChangeRisk(.refused,
                    "Kubernetes refuses to change \(names.joined(separator: ", ")) of a StatefulSet; helm upgrade would fail.",
                    fix: grows ? "Grow the volume with `posthog-install resize` instead (it deletes the StatefulSet without its pods and upgrades)."
                               : "Delete the StatefulSet without its pods first (`\(delete)`; its volumes stay), then upgrade; the chart's upgrade notes say when this is expected."))
            }
        }
        if selectorKinds.contains(key.kind), specPaths.contains(where: { $0[1] == "selector" }) {
            let delete = (["kubectl", "delete", key.kind.lowercased(), key.name] + ns).joined(separator: " ")
            risks.append(ChangeRisk(.refused, "Kubernetes refuses to change the selector of a \(key.kind); helm upgrade would fail.",
                                    fix: "Delete it first (`\(delete)`; PostHog's pods of it stop until the upgrade recreates them)."))
        }
        if key.kind == "Service", specPaths.contains(where: { $0[1] == "clusterIP" || $0[1] == "clusterIPs" }),
           let before = old.body.value(at: ["spec", "clusterIP"])?.stringValue, !before.isEmpty,
           new.body.value(at: ["spec", "clusterIP"])?.stringValue != nil {
            risks.append(ChangeRisk(.refused, "Kubernetes refuses to change a Service's clusterIP; helm upgrade would fail.",
                                    fix: "Delete the Service first (`\((["kubectl", "delete", "service", key.name] + ns).joined(separator: " "))`)."))
        }
        if key.kind == "Job", specPaths.contains(where: { $0[1] == "template" }) {
            risks.append(ChangeRisk(.refused, "Kubernetes refuses to change a Job's pod template; helm upgrade would fail.",
                                    fix: "Delete the finished Job first (`\((["kubectl", "delete", "job", key.name] + ns).joined(separator: " "))`)."))
        }
        if key.kind == "PersistentVolumeClaim" { risks += claimRisks(old: old, new: new, specPaths: specPaths) }
        if key.kind == "Secret", changed.contains(where: { $0.first == "data" || $0.first == "stringData" }) {
            let keys = Set(changed.filter { $0.first == "data" || $0.first == "stringData" }.compactMap { $0.dropFirst().first }).sorted()
            risks.append(ChangeRisk(.secret, "The Secret's \(keys.joined(separator: ", ")) change\(keys.count == 1 ? "s" : ""): a regenerated password locks PostHog out of data that keeps the old one.",
                                    fix: "Keep the passwords in values.yaml as posthog-install wrote them; if this change is not yours, find which key regenerates it before upgrading."))
        }
        if podTemplateKinds.contains(key.kind) {
            let before = secretReferences(old.body), after = secretReferences(new.body)
            if before != after {
                risks.append(ChangeRisk(.secret, "The pods read their secrets from other places (\(describe(before, after))).",
                                        fix: "Check that the new Secret exists with the same passwords before upgrading."))
            }
        }
        return risks
    }

    /// The risks of deleting `old`.
    public static func deletionRisks(_ old: ManifestObject) -> [ChangeRisk] {
        switch old.key.kind {
        case "PersistentVolumeClaim":
            return [ChangeRisk(.dataLoss, "The volume claim \(old.key.name) is deleted with the data on it.",
                               fix: "Back the data up first, or keep the claim out of the upgrade (check the chart's upgrade notes).")]
        case "StatefulSet" where (old.body.value(at: ["spec", "volumeClaimTemplates"]).map { if case .sequence(let s) = $0 { return !s.isEmpty } else { return false } } ?? false):
            return [ChangeRisk(.dataLoss, "The StatefulSet \(old.key.name), which owns volumes, is deleted; what it stored is no longer served, and its volumes may go with it.",
                               fix: "Back up what it stores first and read the chart's upgrade notes for this version.")]
        default:
            return []
        }
    }

    private static func claimRisks(old: ManifestObject, new: ManifestObject, specPaths: [[String]]) -> [ChangeRisk] {
        let storage = ["spec", "resources", "requests", "storage"]
        let others = specPaths.filter { $0 != storage }
        var risks: [ChangeRisk] = []
        if !others.isEmpty {
            risks.append(ChangeRisk(.refused, "Kubernetes refuses to change \(others.map(ValueDifference.text).joined(separator: ", ")) of a volume claim.",
                                    fix: "Keep the claim's settings as they are; only a larger storage request can change."))
        }
        if specPaths.contains(storage),
           let before = old.body.value(at: storage).flatMap(scalarText), let after = new.body.value(at: storage).flatMap(scalarText),
           let b = try? Quantity(before), let a = try? Quantity(after), a.value < b.value {
            risks.append(ChangeRisk(.refused, "A volume claim cannot shrink (\(before) → \(after)).",
                                    fix: "Keep the size at \(before) or more in values.yaml."))
        }
        return risks
    }

    private static func scalarText(_ v: YAMLValue) -> String? {
        switch v {
        case .string(let s): return s
        case .int(let i): return String(i)
        default: return nil
        }
    }

    /// `secretName/key` of every `secretKeyRef`, `secretRef` and secret volume in a pod template.
    static func secretReferences(_ body: YAMLValue) -> Set<String> {
        var refs: Set<String> = []
        func walk(_ v: YAMLValue) {
            switch v {
            case .mapping(let m):
                if let ref = m["secretKeyRef"], let name = ref["name"]?.stringValue { refs.insert(name + "/" + (ref["key"]?.stringValue ?? "")) }
                if let ref = m["secretRef"], let name = ref["name"]?.stringValue { refs.insert(name) }
                if let secret = m["secret"], let name = secret["secretName"]?.stringValue { refs.insert(name) }
                m.keys.forEach { if let child = m[$0] { walk(child) } }
            case .sequence(let s): s.forEach(walk)
            default: break
            }
        }
        if let template = body.value(at: ["spec", "template"]) { walk(template) }
        return refs
    }

    private static func describe(_ before: Set<String>, _ after: Set<String>) -> String {
        let gone = before.subtracting(after).sorted(), added = after.subtracting(before).sorted()
        var parts: [String] = []
        if !gone.isEmpty { parts.append("no longer " + gone.joined(separator: ", ")) }
        if !added.isEmpty { parts.append("now " + added.joined(separator: ", ")) }
        return parts.joined(separator: "; ")
    }
}
