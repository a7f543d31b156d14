#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSON
import Kube

/// Creating, updating and deleting objects from rendered manifests (what helm asks the API server for).
extension SimState {
    /// A change Kubernetes refuses, in helm's and the API server's words (`cannot patch "x" with
    /// kind StatefulSet: …`); nil when the manifest may be applied. The rules are the API server's
    /// validation of updates: a StatefulSet's spec beyond replicas, template, update strategy,
    /// retention policy, ordinals and min ready seconds; a workload's selector; a Job's template
    /// (hooks are deleted and created again, so they are never patched); a Service's clusterIP; a
    /// claim's spec other than a larger storage request.
    func forbiddenChange(_ manifest: JSONValue, namespace defaultNamespace: String) -> String? {
        guard let kind = manifest["kind"]?.stringValue, let name = manifest["metadata"]?["name"]?.stringValue else { return nil }
        let namespace = manifest["metadata"]?["namespace"]?.stringValue ?? defaultNamespace
        let key = ObjectKey(kind: kind, namespace: namespace, name: name)
        let newSpec = manifest["spec"] ?? .null
        func patch(_ group: String, _ detail: String) -> String {
            "cannot patch \"\(name)\" with kind \(kind): \(kind)\(group) \"\(name)\" is invalid: \(detail)"
        }
        switch kind {
        case "StatefulSet", "Deployment":
            guard let old = workloads.first(where: { $0.key == key }) else { return nil }
            let oldSpec = old.manifest["spec"] ?? .null
            if let selector = newSpec["selector"], oldSpec["selector"] != selector {
                return patch(".apps", "spec.selector: Invalid value: \(Self.goLabelSelector(selector)): field is immutable")
            }
            if kind == "StatefulSet" {
                let mutable: Set<String> = [
                    "replicas", "ordinals", "template", "updateStrategy", "persistentVolumeClaimRetentionPolicy", "minReadySeconds",
                ]
                let fixed = { (spec: JSONValue) in (spec.objectValue ?? [:]).filter { !mutable.contains($0.key) } }
                if fixed(oldSpec) != fixed(newSpec) {
                    return patch(
                        ".apps",
                        "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"
                    )
                }
            }
        case "Job":
            guard manifest["metadata"]?["annotations"]?["helm.sh/hook"] == nil,
                let old = workloads.first(where: { $0.key == key }),
                let template = newSpec["template"], old.manifest["spec"]?["template"] != template
            else { return nil }
            return patch(".batch", "spec.template: Invalid value: core.PodTemplateSpec{...}: field is immutable")
        case "Service":
            guard let old = services.first(where: { $0.meta.namespace == namespace && $0.meta.name == name }),
                let wanted = newSpec["clusterIP"]?.stringValue, !wanted.isEmpty, wanted != old.clusterIP
            else { return nil }
            return
                "cannot patch \"\(name)\" with kind Service: Service \"\(name)\" is invalid: spec.clusterIPs[0]: Invalid value: []string{\"\(wanted)\"}: may not change once set"
        case "PersistentVolumeClaim":
            guard let old = claims.first(where: { $0.meta.namespace == namespace && $0.meta.name == name }) else { return nil }
            let claim = "cannot patch \"\(name)\" with kind PersistentVolumeClaim: PersistentVolumeClaim \"\(name)\" is invalid: "
            if let cls = newSpec["storageClassName"]?.stringValue, cls != old.storageClass {
                return claim
                    + "spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims"
            }
            let size = newSpec["resources"]?["requests"]?["storage"]
            if let text = size?.stringValue ?? size?.intValue.map(String.init),
                let wanted = try? Quantity(text), let had = try? Quantity(old.capacity ?? old.size), wanted.value < had.value
            {
                return claim + "spec.resources.requests.storage: Forbidden: field can not be less than status.capacity"
            }
        default:
            break
        }
        return nil
    }

    /// A label selector as the API server prints it in errors (Go's `%#v` of v1.LabelSelector).
    static func goLabelSelector(_ selector: JSONValue) -> String {
        let labels = (selector["matchLabels"]?.objectValue ?? [:]).sorted { $0.key < $1.key }
            .map { "\"\($0.key)\":\"\($0.value.stringValue ?? "")\"" }.joined(separator: ", ")
        let expressions =
            selector["matchExpressions"]?.arrayValue.map { "[]v1.LabelSelectorRequirement{...\($0.count)}" }
            ?? "[]v1.LabelSelectorRequirement(nil)"
        return "v1.LabelSelector{MatchLabels:map[string]string{\(labels)}, MatchExpressions:\(expressions)}"
    }

    /// Creates or updates one object; returns its key.
    @discardableResult
    mutating func apply(_ manifest: JSONValue, namespace defaultNamespace: String, release: String, at t: Date) -> ObjectKey? {
        guard let kind = manifest["kind"]?.stringValue, let name = manifest["metadata"]?["name"]?.stringValue else { return nil }
        let clusterScoped = [
            "Namespace", "ClusterRole", "ClusterRoleBinding", "ClusterIssuer", "StorageClass",
            "CustomResourceDefinition", "PriorityClass", "IngressClass",
        ].contains(kind)
        let namespace = clusterScoped ? "" : (manifest["metadata"]?["namespace"]?.stringValue ?? defaultNamespace)
        let key = ObjectKey(kind: kind, namespace: namespace, name: name)
        var meta = SimMeta(
            name: name, namespace: namespace, uid: rng.uid(),
            labels: manifest["metadata"]?["labels"]?.stringMap ?? [:],
            annotations: manifest["metadata"]?["annotations"]?.stringMap ?? [:], created: t)
        meta.annotations["meta.helm.sh/release-name"] = release
        meta.annotations["meta.helm.sh/release-namespace"] = defaultNamespace
        meta.labels["app.kubernetes.io/managed-by"] = meta.labels["app.kubernetes.io/managed-by"] ?? "Helm"
        let spec = manifest["spec"] ?? .object([:])

        switch kind {
        case "Deployment", "StatefulSet", "Job":
            let wkind = SimWorkload.Kind(rawValue: kind) ?? .deployment
            let template = spec["template"] ?? .object([:])
            let podSpecJSON = normalizedPodSpec(template["spec"] ?? .object([:]))
            let podSpec = SimPodSpec(podSpecJSON)
            let hash = templateHash(template)
            var claimTemplates: [SimClaimTemplate] = []
            for t in spec["volumeClaimTemplates"]?.arrayValue ?? [] {
                let size = t["spec"]?["resources"]?["requests"]?["storage"]
                let sizeText = size?.stringValue ?? size?.intValue.map(String.init) ?? "1Gi"
                claimTemplates.append(
                    SimClaimTemplate(
                        name: t["metadata"]?["name"]?.stringValue ?? "data", size: sizeText,
                        storageClass: t["spec"]?["storageClassName"]?.stringValue))
            }
            var replicas = spec["replicas"]?.intValue ?? 1
            if wkind == .job { replicas = 1 }
            if let i = workloadIndex(key), wkind != .job {
                workloads[i].manifest = manifest
                workloads[i].replicas = replicas
                if workloads[i].templateHash != hash {
                    // A new template: the old pods go, the controller makes new ones.
                    let oldUID = workloads[i].meta.uid
                    workloads[i].template = replaceSpec(template, podSpecJSON)
                    workloads[i].decodedSpec = podSpec
                    workloads[i].templateHash = hash
                    workloads[i].generation += 1
                    pods.removeAll {
                        $0.meta.owner?.uid == oldUID
                            || $0.meta.owner?.name.hasPrefix(workloads[i].meta.name + "-") == true && $0.meta.owner?.kind == "ReplicaSet"
                    }
                    capacityChanged = true
                }
                return key
            }
            if wkind == .job, workloadIndex(key) != nil {
                // Jobs are immutable; the chart's hook policy deletes and recreates them.
                delete(key)
            }
            var w = SimWorkload(
                kind: wkind, meta: meta, manifest: manifest, replicas: replicas,
                template: replaceSpec(template, podSpecJSON), decodedSpec: podSpec, templateHash: hash)
            w.claimTemplates = claimTemplates
            w.backoffLimit = spec["backoffLimit"]?.intValue ?? 6
            w.completions = spec["completions"]?.intValue ?? 1
            if wkind == .job { w.startTime = t }
            workloads.append(w)
            if wkind == .statefulSet { adoptOrphans(of: key) }
        case "Service":
            let type = spec["type"]?.stringValue ?? "ClusterIP"
            var ports: [JSONValue] = []
            for p in spec["ports"]?.arrayValue ?? [] {
                var port = p
                port["protocol"] = p["protocol"] ?? .string("TCP")
                port["targetPort"] = p["targetPort"] ?? p["port"] ?? .int(80)
                if type == "NodePort" || type == "LoadBalancer", p["nodePort"] == nil {
                    port["nodePort"] = .int(Int64(30000 + rng.below(2767)))
                }
                ports.append(port)
            }
            if let i = services.firstIndex(where: { $0.meta.namespace == namespace && $0.meta.name == name }) {
                services[i].manifest = manifest
                services[i].ports = ports
                return key
            }
            let asked = spec["clusterIP"]?.stringValue ?? ""
            var svc = SimService(
                meta: meta, manifest: manifest, type: type, clusterIP: asked.isEmpty ? nextServiceIP() : asked, ports: ports)
            if type == "LoadBalancer", cloud.loadBalancer != .none {
                svc.addressAt = t.addingTimeInterval(Double(self.spec.loadBalancerDelay.components.seconds))
                record(
                    "Service", name, uid: meta.uid, namespace: namespace, reason: "EnsuringLoadBalancer",
                    message: "Ensuring load balancer", component: "service-controller", at: t)
            }
            services.append(svc)
        case "Ingress":
            if let i = ingresses.firstIndex(where: { $0.meta.namespace == namespace && $0.meta.name == name }) {
                ingresses[i].manifest = manifest
                return key
            }
            var ing = SimIngress(meta: meta, manifest: manifest)
            if ing.ingressClass == "gce", let delay = cloud.cloudIngressDelay {
                // GKE's Ingress controller builds an HTTP(S) load balancer: the address shows on the Ingress itself.
                ing.addressAt = t.addingTimeInterval(delay)
                record(
                    "Ingress", name, uid: meta.uid, apiVersion: "networking.k8s.io/v1", namespace: namespace, reason: "Sync",
                    message: "Scheduled for sync", component: "loadbalancer-controller", at: t)
            }
            ingresses.append(ing)
        case "PersistentVolumeClaim":
            if claims.contains(where: { $0.meta.namespace == namespace && $0.meta.name == name }) { return key }
            let size = spec["resources"]?["requests"]?["storage"]?.stringValue ?? "1Gi"
            addClaim(meta: meta, size: size, storageClass: spec["storageClassName"]?.stringValue, at: t)
        case "Namespace":
            if namespaces[name] == nil { namespaces[name] = t }
        default:
            others[key] = manifest
        }
        return key
    }

    /// Creates a claim that waits for its first consumer, as the default storage class does; with
    /// no class named and no default class (a cluster of one's own) nothing will ever provision
    /// it, and the controller says so.
    mutating func addClaim(meta: SimMeta, size: String, storageClass: String?, at t: Date) {
        let cls = storageClass ?? defaultStorageClass?.name ?? ""
        claims.append(
            SimClaim(
                meta: meta, storageClass: cls, size: size, volumeName: "pvc-\(meta.uid)",
                stuck: spec.faults.stuckClaims.contains(meta.name)))
        if cls.isEmpty {
            record(
                "PersistentVolumeClaim", meta.name, uid: meta.uid, namespace: meta.namespace, reason: "FailedBinding",
                message: "no persistent volumes available for this claim and no storage class is set",
                component: "persistentvolume-controller", at: t)
            return
        }
        record(
            "PersistentVolumeClaim", meta.name, uid: meta.uid, namespace: meta.namespace, reason: "WaitForFirstConsumer",
            message: "waiting for first consumer to be created before binding", component: "persistentvolume-controller", at: t)
    }

    /// Deletes one object and what its controller made (pods); claims of StatefulSets stay, as in Kubernetes.
    mutating func delete(_ key: ObjectKey) {
        switch key.kind {
        case "Deployment", "StatefulSet", "Job":
            guard let i = workloadIndex(key) else { return }
            let w = workloads.remove(at: i)
            pods.removeAll {
                $0.meta.owner?.uid == w.meta.uid || ($0.meta.owner?.kind == "ReplicaSet" && $0.meta.owner?.name == w.replicaSetName)
            }
            capacityChanged = true
        case "Service": services.removeAll { $0.meta.namespace == key.namespace && $0.meta.name == key.name }
        case "Ingress": ingresses.removeAll { $0.meta.namespace == key.namespace && $0.meta.name == key.name }
        case "PersistentVolumeClaim": claims.removeAll { $0.meta.namespace == key.namespace && $0.meta.name == key.name }
        case "Namespace": purgeNamespace(key.name)
        default: others[key] = nil
        }
    }

    /// The pod spec with quantities as strings, the way the API server stores them.
    func normalizedPodSpec(_ spec: JSONValue) -> JSONValue {
        var s = spec
        for field in ["containers", "initContainers"] {
            guard let list = s[field]?.arrayValue else { continue }
            s[field] = .array(
                list.map { c in
                    var c = c
                    guard var res = c["resources"], case .object = res else { return c }
                    for part in ["requests", "limits"] {
                        guard let members = res[part]?.objectValue else { continue }
                        res[part] = .object(
                            members.mapValues { v in
                                switch v {
                                case .number(let n): return .string(n.int64Value.map { String($0) } ?? String(n.value))
                                default: return v
                                }
                            })
                    }
                    c["resources"] = res
                    return c
                })
        }
        return s
    }

    func replaceSpec(_ template: JSONValue, _ spec: JSONValue) -> JSONValue {
        var t = template
        t["spec"] = spec
        return t
    }

    /// A pod-template-hash: ten characters of the Kubernetes alphabet from a stable hash of the template.
    func templateHash(_ template: JSONValue) -> String {
        var h = stableHash(template.compact)
        var out = ""
        for _ in 0..<10 {
            out.append(SimulatedRandom.alphabet[Int(h % UInt64(SimulatedRandom.alphabet.count))])
            h /= UInt64(SimulatedRandom.alphabet.count)
        }
        return out
    }
}
