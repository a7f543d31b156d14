#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSON

/// What a simulated command printed and how it ended.
struct SimOutput: Sendable {
    var stdout = ""
    var stderr = ""
    var code: Int32 = 0

    static func fail(_ message: String, code: Int32 = 1) -> SimOutput { SimOutput(stderr: message + "\n", code: code) }
}

/// kubectl v1.32 as the simulation answers it: the commands posthog-install sends, in kubectl's formats and words.
extension SimState {
    static let kubectlValueFlags: [String: String] = [
        "--context": "context", "--kubeconfig": "kubeconfig", "--namespace": "namespace", "-n": "namespace",
        "--request-timeout": "request-timeout", "--output": "output", "-o": "output", "--container": "container",
        "-c": "container", "--tail": "tail", "-f": "filename", "--filename": "filename", "--selector": "selector", "-l": "selector",
        "--wait": "wait", "--timeout": "timeout",
    ]
    static let kubectlSwitches: [String: String] = [
        "--previous": "previous", "-p": "previous", "--all-namespaces": "all", "-A": "all", "--client": "client",
        "--ignore-not-found": "ignore-not-found", "--cascade": "cascade",
    ]
    /// `kubectl patch` reads `-p` as its patch, not as `--previous`.
    static let kubectlPatchValueFlags: [String: String] = kubectlValueFlags.merging(["-p": "patch", "--patch": "patch", "--type": "type"]) {
        $1
    }
    static let kubectlPatchSwitches: [String: String] = kubectlSwitches.filter { $0.key != "-p" }

    /// The kinds `kubectl get` knows here: every accepted spelling → (kind, the plural.group used in errors, namespaced).
    static let resourceTypes: [String: (kind: String, resource: String, namespaced: Bool)] = {
        var m: [String: (String, String, Bool)] = [:]
        for (names, kind, resource, ns) in [
            (["pods", "pod", "po"], "Pod", "pods", true),
            (["jobs", "job", "jobs.batch"], "Job", "jobs.batch", true),
            (["deployments", "deployment", "deploy", "deployments.apps"], "Deployment", "deployments.apps", true),
            (["statefulsets", "statefulset", "sts", "statefulsets.apps"], "StatefulSet", "statefulsets.apps", true),
            (["persistentvolumeclaims", "persistentvolumeclaim", "pvc"], "PersistentVolumeClaim", "persistentvolumeclaims", true),
            (["services", "service", "svc"], "Service", "services", true),
            (["ingresses", "ingress", "ing", "ingresses.networking.k8s.io"], "Ingress", "ingresses.networking.k8s.io", true),
            (["events", "event", "ev"], "Event", "events", true),
            (["secrets", "secret"], "Secret", "secrets", true),
            (["configmaps", "configmap", "cm"], "ConfigMap", "configmaps", true),
            (["nodes", "node", "no"], "Node", "nodes", false),
            (
                ["storageclasses", "storageclass", "sc", "storageclasses.storage.k8s.io"], "StorageClass", "storageclasses.storage.k8s.io",
                false
            ),
            (["namespaces", "namespace", "ns"], "Namespace", "namespaces", false),
            (
                ["customresourcedefinitions", "customresourcedefinition", "crd", "crds", "customresourcedefinitions.apiextensions.k8s.io"],
                "CustomResourceDefinition", "customresourcedefinitions.apiextensions.k8s.io", false
            ),
            (
                ["managedcertificates", "managedcertificate", "mcrt", "managedcertificates.networking.gke.io"],
                "ManagedCertificate", "managedcertificates.networking.gke.io", true
            ),
            (
                ["volumesnapshotclasses", "volumesnapshotclass", "vsclass", "vsclasses", "volumesnapshotclasses.snapshot.storage.k8s.io"],
                "VolumeSnapshotClass", "volumesnapshotclasses.snapshot.storage.k8s.io", false
            ),
            (
                ["volumesnapshots", "volumesnapshot", "vs", "volumesnapshots.snapshot.storage.k8s.io"],
                "VolumeSnapshot", "volumesnapshots.snapshot.storage.k8s.io", true
            ),
        ] as [([String], String, String, Bool)] {
            for n in names { m[n] = (kind, resource, ns) }
        }
        return m
    }()

    mutating func kubectl(_ argv: [String], input: [UInt8]? = nil) -> SimOutput {
        var a = SimulatedArguments(argv, valueFlags: Self.kubectlValueFlags, switchFlags: Self.kubectlSwitches)
        if a.positionals.first == "patch" {
            a = SimulatedArguments(argv, valueFlags: Self.kubectlPatchValueFlags, switchFlags: Self.kubectlPatchSwitches)
        }
        if let unknown = a.unknownFlag { return .fail("error: \(unknown)\nSee 'kubectl --help' for usage.") }
        let words = a.positionals
        guard let verb = words.first else { return .fail("error: You must specify the type of resource to get.") }
        if verb == "config" { return kubectlConfig(Array(words.dropFirst()), a) }
        if let context = a.value("context"), context != spec.contextName {
            return .fail("Error in configuration: context was not found for specified context: \(context)")
        }
        let namespace = a.value("namespace") ?? "default"
        switch verb {
        case "version":
            guard a.value("output") == "json" else {
                return SimOutput(stdout: "Client Version: v1.32.4\nKustomize Version: v5.5.0\nServer Version: \(spec.serverVersion)\n")
            }
            return SimOutput(stdout: versionJSON(client: a.has("client")))
        case "get": return kubectlGet(Array(words.dropFirst()), namespace: namespace, a)
        case "logs": return kubectlLogs(Array(words.dropFirst()), namespace: namespace, a)
        case "delete": return kubectlDelete(Array(words.dropFirst()), namespace: namespace, a)
        case "patch": return kubectlPatch(Array(words.dropFirst()), namespace: namespace, a)
        case "create": return kubectlCreate(Array(words.dropFirst()), namespace: namespace, input: input, a)
        default:
            return .fail(
                "error: unknown command \"\(verb)\" for \"kubectl\"\n\nDid you mean this?\n\tget\n\nRun 'kubectl --help' for usage.")
        }
    }

    func kubectlConfig(_ words: [String], _ a: SimulatedArguments) -> SimOutput {
        switch words.first {
        case "current-context": return SimOutput(stdout: spec.contextName + "\n")
        case "get-contexts":
            if a.value("output") == "name" { return SimOutput(stdout: spec.contextName + "\n") }
            return SimOutput(
                stdout:
                    "CURRENT   NAME                CLUSTER             AUTHINFO            NAMESPACE\n*         \(spec.contextName)   \(spec.contextName)   \(spec.contextName)-admin   \n"
            )
        default:
            return .fail("error: the simulated cluster answers config current-context and config get-contexts only")
        }
    }

    func versionJSON(client: Bool) -> String {
        func info(_ git: String, _ minor: String, _ date: String) -> String {
            """
            {
                    "major": "1",
                    "minor": "\(minor)",
                    "gitVersion": "\(git)",
                    "gitCommit": "\(String(stableHash(git), radix: 16))\(String(stableHash(git + "c"), radix: 16))",
                    "gitTreeState": "clean",
                    "buildDate": "\(date)",
                    "goVersion": "go1.23.8",
                    "compiler": "gc",
                    "platform": "linux/amd64"
                }
            """
        }
        let serverMinor = spec.serverVersion.split(separator: ".").dropFirst().first.map(String.init) ?? "32"
        var text = "{\n    \"clientVersion\": \(info("v1.32.4", "32", "2025-04-22T16:03:13Z")),\n    \"kustomizeVersion\": \"v5.5.0\""
        if !client { text += ",\n    \"serverVersion\": \(info(spec.serverVersion, serverMinor, "2025-02-12T21:17:41Z"))" }
        return text + "\n}\n"
    }

    func kubectlGet(_ words: [String], namespace: String, _ a: SimulatedArguments) -> SimOutput {
        guard let typeList = words.first else {
            return .fail(
                "You must specify the type of resource to get. Use \"kubectl api-resources\" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse \"kubectl explain <resource>\" for a detailed description of that resource (e.g. kubectl explain pods).\nSee 'kubectl get -h' for help and examples"
            )
        }
        var types: [(kind: String, resource: String, namespaced: Bool)] = []
        for t in typeList.split(separator: ",").map(String.init) {
            guard let r = Self.resourceTypes[t.lowercased()], serves(kind: r.kind) else {
                return .fail("error: the server doesn't have a resource type \"\(t)\"")
            }
            types.append(r)
        }
        guard a.value("output") == "json" else {
            return .fail("error: the simulated cluster prints -o json only; run posthog-install status for a readable view")
        }
        let all = a.has("all")
        if words.count > 1 {
            guard types.count == 1, let type = types.first else {
                return .fail(
                    "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form"
                )
            }
            let name = words[1]
            let items = objects(of: type.kind, namespace: type.namespaced ? namespace : nil).filter {
                $0["metadata"]?["name"]?.stringValue == name
            }
            guard let item = items.first else {
                if a.has("ignore-not-found") { return SimOutput() }
                return .fail("Error from server (NotFound): \(type.resource) \"\(name)\" not found")
            }
            return SimOutput(stdout: item.pretty)
        }
        var items: [JSONValue] = []
        for type in types { items += objects(of: type.kind, namespace: type.namespaced && !all ? namespace : nil) }
        if let selector = a.value("selector") {
            guard let wanted = Self.equalitySelector(selector) else {
                return .fail("error: the simulated cluster understands label selectors of the form key=value,key2=value2 only")
            }
            items = items.filter { item in
                let labels = item["metadata"]?["labels"]?.stringMap ?? [:]
                return wanted.allSatisfy { labels[$0.key] == $0.value }
            }
        }
        let list: JSONValue = .object([
            "apiVersion": .string("v1"), "kind": .string("List"), "items": .array(items),
            "metadata": .object(["resourceVersion": .string("")]),
        ])
        return SimOutput(stdout: list.pretty)
    }

    /// `key=value,key2=value2` (also `==`) as a map; nil for set-based selectors.
    static func equalitySelector(_ text: String) -> [String: String]? {
        var out: [String: String] = [:]
        for part in text.split(separator: ",") {
            let pieces = part.replacing("==", with: "=").split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pieces.count == 2, !pieces[0].isEmpty, !pieces[0].contains("!") else { return nil }
            out[pieces[0].trimmingSpacesAndTabs()] = pieces[1].trimmingSpacesAndTabs()
        }
        return out
    }

    /// Every object of a kind, in one namespace (nil: all), sorted by namespace and name like the API server lists them.
    func objects(of kind: String, namespace: String?) -> [JSONValue] {
        func inNS(_ m: SimMeta) -> Bool { namespace == nil || m.namespace == namespace }
        func sorted<T>(_ xs: [T], _ meta: (T) -> SimMeta) -> [T] {
            xs.sorted { (meta($0).namespace, meta($0).name) < (meta($1).namespace, meta($1).name) }
        }
        switch kind {
        case "Pod": return sorted(pods.filter { inNS($0.meta) }, \.meta).map(\.json)
        case "Deployment", "StatefulSet", "Job":
            return sorted(workloads.filter { $0.kind.rawValue == kind && inNS($0.meta) }, \.meta).map(workloadJSON)
        case "PersistentVolumeClaim": return sorted(claims.filter { inNS($0.meta) }, \.meta).map(\.json)
        case "Service": return sorted(services.filter { inNS($0.meta) }, \.meta).map(\.json)
        case "Ingress": return sorted(ingresses.filter { inNS($0.meta) }, \.meta).map(\.json)
        case "Event": return events.filter { namespace == nil || $0.namespace == namespace }.map(\.json)
        case "Secret", "ConfigMap":
            return others.filter { $0.key.kind == kind && (namespace == nil || $0.key.namespace == namespace) }
                .sorted { $0.key < $1.key }.map { storedJSON($0.key, $0.value) }
        case "Node": return nodes.map(\.json)
        case "StorageClass": return storageClassesJSON
        case "VolumeSnapshotClass": return volumeSnapshotClassesJSON
        case "VolumeSnapshot":
            return others.filter { $0.key.kind == kind && (namespace == nil || $0.key.namespace == namespace) }
                .sorted { $0.key < $1.key }.map { volumeSnapshotJSON($0.key, $0.value) }
        case "CustomResourceDefinition":
            return customResourceDefinitionsJSON
                + others.filter { $0.key.kind == kind }.sorted { $0.key < $1.key }.map { storedJSON($0.key, $0.value) }
        case "ManagedCertificate":
            return others.filter { $0.key.kind == kind && (namespace == nil || $0.key.namespace == namespace) }
                .sorted { $0.key < $1.key }.map { managedCertificateJSON($0.key, $0.value) }
        case "Namespace":
            return namespaces.sorted { $0.key < $1.key }.map { name, created in
                .object([
                    "apiVersion": .string("v1"), "kind": .string("Namespace"),
                    "metadata": SimMeta(
                        name: name, namespace: "", uid: String(stableHash(name), radix: 16),
                        labels: ["kubernetes.io/metadata.name": name], created: created
                    ).json(),
                    "spec": .object(["finalizers": .array([.string("kubernetes")])]),
                    "status": .object(["phase": .string("Active")]),
                ])
            }
        default: return []
        }
    }

    func kubectlLogs(_ words: [String], namespace: String, _ a: SimulatedArguments) -> SimOutput {
        guard let podName = words.first else {
            return .fail(
                "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples"
            )
        }
        guard let pod = pods.first(where: { $0.meta.namespace == namespace && $0.meta.name == podName }) else {
            return .fail("Error from server (NotFound): pods \"\(podName)\" not found")
        }
        let all = pod.containers + pod.inits
        let name: String
        if let c = a.value("container") {
            name = c
        } else if pod.containers.count == 1, let only = pod.containers.first {
            name = only.name
        } else {
            return .fail(
                "error: a container name must be specified for pod \(podName), choose one of: [\(pod.containers.map(\.name).joined(separator: " "))] or one of the init containers: [\(pod.inits.map(\.name).joined(separator: " "))]"
            )
        }
        guard let container = all.first(where: { $0.name == name }) else {
            return .fail("error: container \(name) is not valid for pod \(podName)")
        }
        let tail = a.value("tail").flatMap(Int.init) ?? -1
        func lines(_ l: [String]) -> SimOutput {
            let kept = tail >= 0 ? Array(l.suffix(tail)) : l
            return SimOutput(stdout: kept.map { $0 + "\n" }.joined())
        }
        if a.has("previous") {
            guard container.lastState != nil || (container.crashLog != nil && container.restartCount > 0) else {
                return .fail("Error from server (BadRequest): previous terminated container \"\(name)\" in pod \"\(podName)\" not found")
            }
            return lines(container.crashLog ?? [])
        }
        if case let .waiting(reason, _) = container.state {
            return .fail("Error from server (BadRequest): container \"\(name)\" in pod \"\(podName)\" is waiting to start: \(reason)")
        }
        return lines(container.crashLog ?? ["\(name) started (simulated)", "listening"])
    }
}
