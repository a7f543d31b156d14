import Effects
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSON
import Kube

/// Runs kubectl through a `ProcessRunner` (real, scripted or the simulated cluster) and reads
/// its JSON with Kube's decoders. Every call is one process with a timeout.
public struct KubectlClient: Sendable {
    /// Where commands run.
    public let runner: any ProcessRunner
    /// Which kubectl, which cluster, which limits.
    public var options: KubectlOptions

    /// A client.
    public init(runner: any ProcessRunner, options: KubectlOptions = KubectlOptions()) {
        self.runner = runner
        self.options = options
    }

    // MARK: argv

    /// The command for `kubectl GLOBAL-FLAGS VERB… [-o json]`.
    public func command(
        _ verb: [String], namespace: String? = nil, json: Bool = true, withContext: Bool = true,
        timeout: Duration? = nil
    ) -> ProcessCommand {
        var args = options.globalFlags(namespace: namespace, withContext: withContext) + verb
        if json { args += ["-o", "json"] }
        return ProcessCommand(options.executable, args, timeout: timeout ?? options.processTimeout)
    }

    /// `kubectl version -o json`.
    public var versionCommand: ProcessCommand { command(["version"]) }
    /// `kubectl config current-context` (no `--context`: it reads the kubeconfig's choice).
    public var currentContextCommand: ProcessCommand { command(["config", "current-context"], json: false, withContext: false) }
    /// `kubectl config get-contexts -o name`.
    public var contextsCommand: ProcessCommand {
        command(["config", "get-contexts", "-o", "name"], json: false, withContext: false)
    }
    /// `kubectl config view -o json` (secrets redacted by kubectl; no `--context`: the whole file).
    public var configViewCommand: ProcessCommand { command(["config", "view"], withContext: false) }
    /// `kubectl get nodes -o json`.
    public var nodesCommand: ProcessCommand { command(["get", "nodes"]) }
    /// `kubectl get storageclasses -o json`.
    public var storageClassesCommand: ProcessCommand { command(["get", "storageclasses"]) }
    /// `kubectl get namespace NS -o json`.
    public func namespaceCommand(_ name: String) -> ProcessCommand { command(["get", "namespace", name]) }
    /// The single poll request: `kubectl get pods,jobs,…,events --namespace NS -o json`.
    public func namespaceObjectsCommand(_ namespace: String) -> ProcessCommand {
        command(["get", NamespaceObjects.resourceTypes.joined(separator: ",")], namespace: namespace)
    }
    /// `kubectl get pods --all-namespaces -o json` (what else runs on the nodes).
    public var allPodsCommand: ProcessCommand { command(["get", "pods", "--all-namespaces"]) }
    /// `kubectl logs POD -c CONTAINER --previous --tail N`.
    public func previousLogsCommand(pod: String, container: String, namespace: String, tail: Int) -> ProcessCommand {
        command(["logs", pod, "-c", container, "--previous", "--tail", String(tail)], namespace: namespace, json: false)
    }
    /// `kubectl get service NAME -o json`.
    public func serviceCommand(_ name: String, namespace: String) -> ProcessCommand {
        command(["get", "service", name], namespace: namespace)
    }
    /// `kubectl get ingress NAME -o json`.
    public func ingressCommand(_ name: String, namespace: String) -> ProcessCommand {
        command(["get", "ingress", name], namespace: namespace)
    }
    /// `kubectl delete namespace NS [--wait=false]`; waiting for the finalizers may take minutes.
    public func deleteNamespaceCommand(_ name: String, wait: Bool) -> ProcessCommand {
        command(
            ["delete", "namespace", name] + (wait ? [] : ["--wait=false"]), json: false,
            timeout: wait ? .seconds(600) : options.processTimeout)
    }

    // MARK: calls

    /// Client and server versions; an unreachable server is reported, not thrown.
    public func version() async throws -> KubectlVersionReport {
        let cmd = versionCommand
        let result = try await runner.run(cmd)
        let wire = try? JSONValueDecoder().decode(KubectlVersionReport.Wire.self, from: Data(result.standardOutput.utf8))
        guard let client = wire?.clientVersion else { throw KubectlError.from(failed(result), command: cmd) }
        if result.status.isSuccess, let server = wire?.serverVersion {
            return KubectlVersionReport(client: client, server: server, serverError: nil)
        }
        return KubectlVersionReport(client: client, server: nil, serverError: KubectlError.from(failed(result), command: cmd))
    }

    /// The kubeconfig's current context.
    public func currentContext() async throws -> String {
        try await text(currentContextCommand).trimmingWhitespaceAndNewlines()
    }

    /// The names of all contexts in the kubeconfig.
    public func contexts() async throws -> [String] {
        try await text(contextsCommand).split(separator: "\n").map { $0.trimmingSpacesAndTabs() }.filter { !$0.isEmpty }
    }

    /// `kubectl api-versions`: the group/versions the API server serves.
    public var apiVersionsCommand: ProcessCommand { command(["api-versions"], json: false) }

    /// The API groups the cluster serves ("" for the core group `v1`).
    public func apiGroups() async throws -> Set<String> {
        let lines = try await text(apiVersionsCommand).split(separator: "\n").map { $0.trimmingSpacesAndTabs() }
        return Set(
            lines.filter { !$0.isEmpty }.map { line in
                guard let slash = line.lastIndex(of: "/") else { return "" }
                return String(line[..<slash])
            })
    }

    /// The cluster's CustomResourceDefinitions, by name and API group.
    public func customResourceDefinitions() async throws -> [(name: String, group: String)] {
        try await list(CustomResourceDefinitionName.self, command(["get", "customresourcedefinitions"])).map {
            (name: $0.metadata.name, group: $0.spec.group)
        }
    }

    /// The cluster's nodes.
    public func nodes() async throws -> [Node] { try await list(Node.self, nodesCommand) }

    /// The cluster's storage classes.
    public func storageClasses() async throws -> [StorageClass] { try await list(StorageClass.self, storageClassesCommand) }

    /// The namespace, or nil when it does not exist.
    public func namespace(_ name: String) async throws -> Namespace? {
        do {
            return try await object(Namespace.self, namespaceCommand(name))
        } catch let e as KubectlError where e.kind == .notFound {
            return nil
        }
    }

    /// Whether the namespace exists (a Terminating one counts).
    public func namespaceExists(_ name: String) async throws -> Bool { try await namespace(name) != nil }

    /// Pods, Jobs, Deployments, StatefulSets, PVCs, Services, Ingresses and Events of a namespace, in one request.
    public func namespaceObjects(_ namespace: String) async throws -> NamespaceObjects {
        let cmd = namespaceObjectsCommand(namespace)
        let out = try await text(cmd)
        do { return try NamespaceObjects.decode(Data(out.utf8)) } catch { throw unreadable(cmd, error) }
    }

    /// Every pod of the cluster (for what the nodes already carry).
    public func allPods() async throws -> [Pod] { try await list(Pod.self, allPodsCommand) }

    /// The last `tail` log lines of a container's previous run; empty when it has not restarted.
    public func previousLogs(pod: String, container: String, namespace: String, tail: Int = 20) async throws -> [String] {
        do {
            let out = try await text(previousLogsCommand(pod: pod, container: container, namespace: namespace, tail: tail))
            return out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).trimmingTrailing { $0.isEmpty }
        } catch let e as KubectlError where e.message.contains("previous terminated container") {
            return []
        }
    }

    /// A Service (for its load balancer address).
    public func service(_ name: String, namespace: String) async throws -> Service {
        try await object(Service.self, serviceCommand(name, namespace: namespace))
    }

    /// An Ingress (for its load balancer address).
    public func ingress(_ name: String, namespace: String) async throws -> Ingress {
        try await object(Ingress.self, ingressCommand(name, namespace: namespace))
    }

    /// Deletes a namespace and everything in it; returns kubectl's confirmation line.
    @discardableResult
    public func deleteNamespace(_ name: String, wait: Bool = true) async throws -> String {
        try await text(deleteNamespaceCommand(name, wait: wait)).trimmingWhitespaceAndNewlines()
    }

    // MARK: day-2 operations (info, resize)

    /// The Services of a namespace.
    public func services(namespace: String) async throws -> [Service] {
        try await list(Service.self, command(["get", "services"], namespace: namespace))
    }

    /// The Pods of a namespace.
    public func pods(namespace: String) async throws -> [Pod] {
        try await list(Pod.self, command(["get", "pods"], namespace: namespace))
    }

    /// The PersistentVolumeClaims of a namespace.
    public func persistentVolumeClaims(namespace: String) async throws -> [PersistentVolumeClaim] {
        try await list(PersistentVolumeClaim.self, command(["get", "persistentvolumeclaims"], namespace: namespace))
    }

    /// The StatefulSets of a namespace.
    public func statefulSets(namespace: String) async throws -> [StatefulSet] {
        try await list(StatefulSet.self, command(["get", "statefulsets"], namespace: namespace))
    }

    /// One value of a Secret, decoded from base64; nil when the Secret has no such key.
    public func secretValue(_ name: String, key: String, namespace: String) async throws -> String? {
        struct Wire: Decodable { var data: [String: String]? }
        let cmd = command(["get", "secret", name], namespace: namespace)
        let out = try await text(cmd)
        let wire: Wire
        do { wire = try JSONValueDecoder().decode(Wire.self, from: Data(out.utf8)) } catch { throw unreadable(cmd, error) }
        guard let encoded = wire.data?[key] else { return nil }
        guard let bytes = Data(base64Encoded: encoded) else {
            throw KubectlError(
                kind: .unreadableOutput, command: cmd.displayString, message: "the value of \(key) is not base64",
                hint: "The Secret \(name) looks damaged; check it with kubectl describe secret \(name) -n \(namespace).")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `kubectl patch pvc NAME -p '{"spec":{"resources":{"requests":{"storage":"SIZE"}}}}'`.
    public func patchClaimStorageCommand(_ name: String, size: String, namespace: String) -> ProcessCommand {
        let patch = #"{"spec":{"resources":{"requests":{"storage":"\#(size)"}}}}"#
        return command(["patch", "pvc", name, "-p", patch], namespace: namespace, json: false)
    }

    /// Asks for a bigger volume for a claim; returns kubectl's confirmation line.
    @discardableResult
    public func patchClaimStorage(_ name: String, size: String, namespace: String) async throws -> String {
        try await text(patchClaimStorageCommand(name, size: size, namespace: namespace)).trimmingWhitespaceAndNewlines()
    }

    /// `kubectl delete statefulset NAME --cascade=orphan`: the pods and volumes stay.
    public func deleteStatefulSetOrphanCommand(_ name: String, namespace: String) -> ProcessCommand {
        command(["delete", "statefulset", name, "--cascade=orphan"], namespace: namespace, json: false)
    }

    /// Deletes a StatefulSet but leaves its pods running; returns kubectl's confirmation line.
    @discardableResult
    public func deleteStatefulSetOrphan(_ name: String, namespace: String) async throws -> String {
        try await text(deleteStatefulSetOrphanCommand(name, namespace: namespace)).trimmingWhitespaceAndNewlines()
    }

    // MARK: plumbing

    /// Runs a command and returns its stdout, or throws `KubectlError` with kubectl's message.
    public func text(_ cmd: ProcessCommand) async throws -> String {
        let result = try await runner.run(cmd)
        guard result.status.isSuccess else { throw KubectlError.from(result, command: cmd) }
        return result.standardOutput
    }

    /// Runs a `kubectl get … -o json` and decodes its `items` (or the single object it printed).
    public func list<T: Decodable>(_ type: T.Type, _ cmd: ProcessCommand) async throws -> [T] {
        let out = try await text(cmd)
        do { return try KubeJSON.decodeList(T.self, from: Data(out.utf8)) } catch { throw unreadable(cmd, error) }
    }

    func object<T: Decodable>(_ type: T.Type, _ cmd: ProcessCommand) async throws -> T {
        let out = try await text(cmd)
        do { return try KubeJSON.decode(T.self, from: Data(out.utf8)) } catch { throw unreadable(cmd, error) }
    }

    func unreadable(_ cmd: ProcessCommand, _ error: any Error) -> KubectlError {
        KubectlError(
            kind: .unreadableOutput, command: cmd.displayString, message: "\(error)",
            hint:
                "kubectl printed JSON we could not read; check that kubectl and the cluster are compatible versions (within one minor version)."
        )
    }

    /// A result treated as failed even when kubectl exited 0 (for the version call's checks).
    private func failed(_ r: ProcessResult) -> ProcessResult {
        var copy = r
        if copy.status.isSuccess { copy.status = .exited(1) }
        return copy
    }
}

extension Array {
    /// The array without trailing elements matching `predicate`.
    fileprivate func trimmingTrailing(where predicate: (Element) -> Bool) -> [Element] {
        var out = self
        while let last = out.last, predicate(last) { out.removeLast() }
        return out
    }
}

// MARK: volume snapshots

extension KubectlClient {
    /// `kubectl get volumesnapshotclasses.snapshot.storage.k8s.io -o json`.
    public var volumeSnapshotClassesCommand: ProcessCommand { command(["get", "volumesnapshotclasses.snapshot.storage.k8s.io"]) }

    /// The cluster's VolumeSnapshotClasses; nil when it serves no snapshot API (the CRDs are missing).
    public func volumeSnapshotClasses() async throws -> [VolumeSnapshotClass]? {
        do { return try await list(VolumeSnapshotClass.self, volumeSnapshotClassesCommand) } catch let error as KubectlError
            where error.kind == .unknownResource
        {
            return nil
        }
    }

    /// `kubectl create -f - -o json` with `manifest` (one object, YAML or JSON) on standard input.
    public func createCommand(manifest: String, namespace: String) -> ProcessCommand {
        var cmd = command(["create", "-f", "-"], namespace: namespace)
        cmd.standardInput = Array(manifest.utf8)
        return cmd
    }

    /// Creates one object; returns what the API server stored.
    public func create(manifest: String, namespace: String) async throws -> String {
        try await text(createCommand(manifest: manifest, namespace: namespace))
    }

    /// `kubectl get volumesnapshots.snapshot.storage.k8s.io -l SELECTOR -o json`.
    public func volumeSnapshotsCommand(namespace: String, selector: String) -> ProcessCommand {
        command(["get", "volumesnapshots.snapshot.storage.k8s.io", "-l", selector], namespace: namespace)
    }

    /// The VolumeSnapshots of a namespace carrying `selector`'s labels.
    public func volumeSnapshots(namespace: String, selector: String) async throws -> [VolumeSnapshot] {
        try await list(VolumeSnapshot.self, volumeSnapshotsCommand(namespace: namespace, selector: selector))
    }
}
