#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSON

/// `kubectl delete` in the simulation: namespaces, workloads (with `--cascade`), pods, claims, services.
extension SimState {
    /// kubectl's singular resource names in its "deleted" lines.
    static let deletedNames: [String: String] = [
        "Namespace": "namespace", "StatefulSet": "statefulset.apps", "Deployment": "deployment.apps", "Job": "job.batch",
        "Pod": "pod", "PersistentVolumeClaim": "persistentvolumeclaim", "Service": "service", "Ingress": "ingress.networking.k8s.io",
    ]

    /// `kubectl delete TYPE NAME... [--cascade=background|foreground|orphan] [--ignore-not-found]`, or `TYPE/NAME`.
    mutating func kubectlDelete(_ words: [String], namespace: String, _ a: SimulatedArguments) -> SimOutput {
        var targets: [(type: String, name: String)] = []
        if let first = words.first, first.contains("/") {
            for w in words {
                guard let slash = w.firstIndex(of: "/") else {
                    return .fail(
                        "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'"
                    )
                }
                targets.append((String(w[..<slash]), String(w[w.index(after: slash)...])))
            }
        } else if let type = words.first, words.count >= 2 {
            targets = words.dropFirst().map { (type, $0) }
        } else {
            return .fail("error: resource(s) were provided, but no name was specified")
        }
        let cascade = a.value("cascade") ?? "background"
        guard ["background", "foreground", "orphan", "true", "false"].contains(cascade) else {
            return .fail("error: Invalid cascade value (\(cascade)). Must be \"background\", \"foreground\", or \"orphan\".")
        }
        var out = SimOutput()
        for target in targets {
            guard let type = Self.resourceTypes[target.type.lowercased()], let noun = Self.deletedNames[type.kind] else {
                out.stderr +=
                    "error: the simulated cluster deletes namespaces, statefulsets, deployments, jobs, pods, persistentvolumeclaims, services and ingresses only\n"
                out.code = 1
                continue
            }
            let result = delete(kind: type.kind, name: target.name, namespace: namespace, orphan: cascade == "orphan" || cascade == "false")
            switch result {
            case .deleted: out.stdout += "\(noun) \"\(target.name)\" deleted\n"
            case .notFound:
                if a.has("ignore-not-found") { continue }
                out.stderr += "Error from server (NotFound): \(type.resource) \"\(target.name)\" not found\n"
                out.code = 1
            case .refused(let message):
                out.stderr += message + "\n"
                out.code = 1
            }
        }
        return out
    }

    enum DeleteResult { case deleted, notFound, refused(String) }

    /// Deletes one object the way its controller and the garbage collector would.
    mutating func delete(kind: String, name: String, namespace: String, orphan: Bool) -> DeleteResult {
        switch kind {
        case "Namespace":
            guard namespaces[name] != nil else { return .notFound }
            if ["default", "kube-system", "kube-public", "kube-node-lease"].contains(name) {
                return .refused("Error from server (Forbidden): namespaces \"\(name)\" is forbidden: this namespace may not be deleted")
            }
            purgeNamespace(name)
        case "StatefulSet", "Deployment", "Job":
            let key = ObjectKey(kind: kind, namespace: namespace, name: name)
            guard let i = workloadIndex(key) else { return .notFound }
            if orphan {
                // The garbage collector removes the owner reference; the pods (and claims) live on.
                let w = workloads.remove(at: i)
                let owner = ownerUID(w)
                for p in pods.indices where pods[p].meta.owner?.uid == owner { pods[p].meta.owner = nil }
            } else {
                delete(key)
            }
        case "Pod":
            guard let i = pods.firstIndex(where: { $0.meta.namespace == namespace && $0.meta.name == name }) else { return .notFound }
            pods.remove(at: i)
            capacityChanged = true
        case "PersistentVolumeClaim", "Service", "Ingress":
            let key = ObjectKey(kind: kind, namespace: namespace, name: name)
            let exists =
                switch kind {
                case "PersistentVolumeClaim": claims.contains { $0.meta.namespace == namespace && $0.meta.name == name }
                case "Service": services.contains { $0.meta.namespace == namespace && $0.meta.name == name }
                default: ingresses.contains { $0.meta.namespace == namespace && $0.meta.name == name }
                }
            guard exists else { return .notFound }
            delete(key)
        default:
            return .notFound
        }
        return .deleted
    }

    /// A new StatefulSet adopts the pods an orphaning delete left behind (same name pattern, no owner);
    /// pods from another template are replaced, as its rolling update would.
    mutating func adoptOrphans(of key: ObjectKey) {
        guard let wi = workloadIndex(key), workloads[wi].kind == .statefulSet else { return }
        let w = workloads[wi]
        let revision = "\(w.meta.name)-\(w.templateHash)"
        var replaced = false
        pods.removeAll { pod in
            guard pod.meta.namespace == key.namespace, pod.meta.owner == nil, pod.meta.name.hasPrefix(w.meta.name + "-"),
                Int(pod.meta.name.dropFirst(w.meta.name.count + 1)) != nil
            else { return false }
            if pod.meta.labels["controller-revision-hash"] != revision {
                replaced = true
                return true
            }
            return false
        }
        for p in pods.indices
        where pods[p].meta.namespace == key.namespace && pods[p].meta.owner == nil
            && pods[p].meta.name.hasPrefix(w.meta.name + "-") && Int(pods[p].meta.name.dropFirst(w.meta.name.count + 1)) != nil
        {
            pods[p].meta.owner = w.owner
        }
        if replaced { capacityChanged = true }
    }
}

/// Objects kept as their manifests (Secrets, ConfigMaps) as the API server returns them.
extension SimState {
    /// The stored manifest with server-set metadata; a Secret's `stringData` folded into base64 `data`, and its `type`.
    func storedJSON(_ key: ObjectKey, _ manifest: JSONValue) -> JSONValue {
        var object = manifest
        let labels = manifest["metadata"]?["labels"]?.stringMap ?? [:]
        let annotations = manifest["metadata"]?["annotations"]?.stringMap ?? [:]
        let meta = SimMeta(
            name: key.name, namespace: key.namespace, uid: SimState.stableUID(key),
            labels: labels, annotations: annotations, created: namespaces[key.namespace] ?? now)
        object["metadata"] = meta.json()
        if key.kind == "Secret" {
            var data = manifest["data"]?.objectValue ?? [:]
            for (k, v) in manifest["stringData"]?.objectValue ?? [:] {
                data[k] = .string(Data((v.stringValue ?? v.compact).utf8).base64EncodedString())
            }
            object["stringData"] = nil
            object["data"] = data.isEmpty ? nil : .object(data)
            object["type"] = manifest["type"] ?? .string("Opaque")
        }
        return object
    }

    /// A UID that stays the same for an object kept as a manifest.
    static func stableUID(_ key: ObjectKey) -> String {
        var r = SimulatedRandom(seed: stableHash("\(key.kind)/\(key.namespace)/\(key.name)"))
        return r.uid()
    }
}
