#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSON
import Kube
import YAML

/// The CSI snapshot API as a cloud ships it: its VolumeSnapshotClasses, and VolumeSnapshots
/// created with `kubectl create -f -` that turn `readyToUse` after the cloud's delay (or carry
/// the snapshotter's error when their claim does not exist).
extension SimState {
    /// The kinds of the snapshot API.
    static let snapshotKinds: Set<String> = ["VolumeSnapshot", "VolumeSnapshotClass"]

    /// Whether this cluster serves the snapshot API.
    var servesSnapshots: Bool { cloud.snapshots != nil }

    /// The cloud's VolumeSnapshotClasses as `kubectl get volumesnapshotclasses` lists them.
    var volumeSnapshotClassesJSON: [JSONValue] {
        (cloud.snapshots?.classes ?? []).sorted { $0.name < $1.name }.map { c in
            let meta = SimMeta(
                name: c.name, namespace: "", uid: String(stableHash("vsc-" + c.name), radix: 16),
                annotations: c.isDefault ? ["snapshot.storage.kubernetes.io/is-default-class": "true"] : [:],
                created: now.addingTimeInterval(-86_400))
            return .object([
                "apiVersion": .string("snapshot.storage.k8s.io/v1"), "kind": .string("VolumeSnapshotClass"),
                "metadata": meta.json(), "driver": .string(c.provisioner), "deletionPolicy": .string("Delete"),
            ])
        }
    }

    /// `kubectl create -f -`: a VolumeSnapshot from standard input (the only kind created this way here).
    mutating func kubectlCreate(_ words: [String], namespace: String, input: [UInt8]?, _ a: SimulatedArguments) -> SimOutput {
        guard a.value("filename") == "-", words.isEmpty else {
            return .fail("error: the simulated cluster creates objects from -f - only")
        }
        guard let input, let text = String(validating: input, as: UTF8.self),
            let parsed = try? YAML.parse(text, file: "<stdin>")
        else {
            return .fail("error: no objects passed to create")
        }
        let manifest = JSONValue(parsed)
        guard let kind = manifest["kind"]?.stringValue, let name = manifest["metadata"]?["name"]?.stringValue else {
            return .fail("error: error validating \"STDIN\": error validating data: [apiVersion not set, kind not set]")
        }
        guard kind == "VolumeSnapshot" else { return .fail("error: the simulated cluster creates VolumeSnapshots only, not \(kind)") }
        guard servesSnapshots else {
            return .fail(
                "error: resource mapping not found for name: \"\(name)\" namespace: \"\(namespace)\" from \"STDIN\": no matches for kind \"VolumeSnapshot\" in version \"snapshot.storage.k8s.io/v1\"\nensure CRDs are installed first"
            )
        }
        let ns = manifest["metadata"]?["namespace"]?.stringValue ?? namespace
        let key = ObjectKey(kind: kind, namespace: ns, name: name)
        guard others[key] == nil else {
            return .fail(
                "Error from server (AlreadyExists): error when creating \"STDIN\": volumesnapshots.snapshot.storage.k8s.io \"\(name)\" already exists"
            )
        }
        var stored = manifest.objectValue ?? [:]
        var meta = stored["metadata"]?.objectValue ?? [:]
        meta["creationTimestamp"] = .time(now)
        stored["metadata"] = .object(meta)
        let claimName = manifest["spec"]?["source"]?["persistentVolumeClaimName"]?.stringValue ?? ""
        let className = manifest["spec"]?["volumeSnapshotClassName"]?.stringValue
        var status: JSONObject = ["readyToUse": .bool(false)]
        if let claim = claims.first(where: { $0.meta.namespace == ns && $0.meta.name == claimName }) {
            status["restoreSize"] = .string(claim.capacity ?? claim.size)
        } else {
            status["error"] = .object([
                "message": .string(
                    "Failed to create snapshot: failed to get input parameters to create snapshot for content snapcontent-\(String(stableHash(name), radix: 16)): \"persistentvolumeclaims \\\"\(claimName)\\\" not found\""
                ),
                "time": .time(now),
            ])
        }
        if let className, !(cloud.snapshots?.classes.contains { $0.name == className } ?? false) {
            status["error"] = .object([
                "message": .string(
                    "Failed to set default snapshot class with error: volumesnapshotclass.snapshot.storage.k8s.io \"\(className)\" not found"
                ),
                "time": .time(now),
            ])
            status["restoreSize"] = nil
        }
        stored["status"] = .object(status)
        others[key] = .object(stored)
        let json = volumeSnapshotJSON(key, .object(stored))
        return SimOutput(stdout: a.value("output") == "json" ? json.pretty : "volumesnapshot.snapshot.storage.k8s.io/\(name) created\n")
    }

    /// A stored VolumeSnapshot with its status as the snapshot controller moves it.
    func volumeSnapshotJSON(_ key: ObjectKey, _ manifest: JSONValue) -> JSONValue {
        var object = storedJSON(key, manifest)
        let created = manifest["metadata"]?["creationTimestamp"]
        if var meta = object["metadata"]?.objectValue, let created {
            meta["creationTimestamp"] = created
            object["metadata"] = .object(meta)
        }
        guard var status = manifest["status"]?.objectValue else { return object }
        let since = created?.stringValue.flatMap { KubeTime.parse($0) } ?? now
        if status["error"] == nil, spec.faults.stuckSnapshots != true, now.timeIntervalSince(since) >= (cloud.snapshots?.readyAfter ?? 0) {
            status["readyToUse"] = .bool(true)
            status["creationTime"] = .time(since.addingTimeInterval(1))
            status["boundVolumeSnapshotContentName"] = .string("snapcontent-\(String(stableHash(key.name), radix: 16))")
        }
        object["status"] = .object(status)
        return object
    }
}
