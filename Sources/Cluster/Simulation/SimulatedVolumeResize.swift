#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSON
import Kube
import YAML

/// `kubectl patch pvc` and the volume expansion that follows, as Kubernetes 1.32 with a CSI driver
/// does it: the spec changes at once, the controller grows the volume (`Resizing`), the kubelet
/// grows the file system of a mounted volume (`FileSystemResizePending`), then `status.capacity`
/// shows the new size.
extension SimState {
    /// Seconds the controller takes to grow the volume.
    static let controllerResizeSeconds: TimeInterval = 5
    /// Seconds from the request until the file system has grown (the volume must be mounted by a running pod).
    static let resizeSeconds: TimeInterval = 20

    /// `kubectl patch TYPE NAME -p PATCH [--type merge|strategic|json]`; PersistentVolumeClaims only.
    mutating func kubectlPatch(_ words: [String], namespace: String, _ a: SimulatedArguments) -> SimOutput {
        var words = words
        if words.count == 1, let slash = words[0].firstIndex(of: "/") {
            words = [String(words[0][..<slash]), String(words[0][words[0].index(after: slash)...])]
        }
        guard words.count == 2 else {
            return .fail("error: you must specify the type of resource and its name, for example: kubectl patch pvc NAME -p PATCH")
        }
        guard let type = Self.resourceTypes[words[0].lowercased()] else {
            return .fail("error: the server doesn't have a resource type \"\(words[0])\"")
        }
        guard type.kind == "PersistentVolumeClaim" else {
            return .fail("error: the simulated cluster patches persistentvolumeclaims only")
        }
        guard let text = a.value("patch") else {
            return .fail("error: must specify --patch or --patch-file containing the contents of the patch")
        }
        let name = words[1]
        guard let i = claims.firstIndex(where: { $0.meta.namespace == namespace && $0.meta.name == name }) else {
            return .fail("Error from server (NotFound): persistentvolumeclaims \"\(name)\" not found")
        }
        let patchType = a.value("type") ?? "strategic"
        let patch: JSONValue
        do {
            patch = JSONValue(try YAML.parse(text, file: "patch"))
        } catch {
            return .fail("error: unable to parse \"\(text)\": yaml: \(error)")
        }
        let before = claims[i].json
        let after: JSONValue
        switch patchType {
        case "merge", "strategic":
            guard case .object = patch else { return .fail("error: unable to parse \"\(text)\": the patch must be a JSON object") }
            after = Self.mergePatch(before, patch)
        case "json":
            guard let result = Self.jsonPatch(before, patch) else {
                return .fail(
                    "Error from server (UnprocessableEntity): the simulated cluster applies JSON patches that add or replace /spec/resources/requests/storage, /metadata/labels and /metadata/annotations only"
                )
            }
            after = result
        default:
            return .fail("error: --type must be one of [json merge strategic], not \"\(patchType)\"")
        }
        if let refusal = claimUpdateRefusal(i, before: before, after: after) { return refusal }

        let newSize = after["spec"]?["resources"]?["requests"]?["storage"]?.stringValue ?? claims[i].size
        let labels = after["metadata"]?["labels"]?.stringMap ?? [:]
        let annotations = after["metadata"]?["annotations"]?.stringMap ?? [:]
        let changed = newSize != claims[i].size || labels != claims[i].meta.labels || annotations != claims[i].meta.annotations
        guard changed else { return SimOutput(stdout: "persistentvolumeclaim/\(name) patched (no change)\n") }
        claims[i].meta.labels = labels
        claims[i].meta.annotations = annotations
        if newSize != claims[i].size { requestResize(i, to: newSize) }
        return SimOutput(stdout: "persistentvolumeclaim/\(name) patched\n")
    }

    /// Why the API server refuses to change claim `i` from `before` to `after`, in kubectl's words; nil when it accepts.
    func claimUpdateRefusal(_ i: Int, before: JSONValue, after: JSONValue) -> SimOutput? {
        let claim = claims[i]
        let invalid = "The PersistentVolumeClaim \"\(claim.meta.name)\" is invalid: "
        var oldSpec = before["spec"] ?? .null
        var newSpec = after["spec"] ?? .null
        let newText =
            newSpec["resources"]?["requests"]?["storage"]?.stringValue
            ?? newSpec["resources"]?["requests"]?["storage"]?.intValue.map(String.init)
        guard let newText, let newSize = try? Quantity(newText) else {
            return .fail(
                invalid
                    + "spec.resources.requests[storage]: Invalid value: \"\(newSpec["resources"]?["requests"]?["storage"]?.compact ?? "null")\": must be a quantity such as 200Gi"
            )
        }
        oldSpec["resources"] = nil
        newSpec["resources"] = nil
        let sizeChanged = newText != claim.size
        if oldSpec != newSpec || (sizeChanged && claim.bound == nil) {
            return .fail(
                invalid
                    + "spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims"
            )
        }
        guard sizeChanged, let oldSize = try? Quantity(claim.size) else { return nil }
        if newSize.doubleValue < oldSize.doubleValue {
            // With RecoverVolumeExpansionFailure (on by default in 1.32) a request may go back down, but never to the size the volume has.
            let capacity = (try? Quantity(claim.capacity ?? claim.size))?.doubleValue ?? oldSize.doubleValue
            if newSize.doubleValue <= capacity {
                return .fail(invalid + "spec.resources.requests.storage: Forbidden: field can not be less than status.capacity")
            }
            return nil
        }
        if !spec.volumeExpansion || !storageClasses.contains(where: { $0.name == claim.storageClass }) {
            return .fail(
                "Error from server (Forbidden): persistentvolumeclaims \"\(claim.meta.name)\" is forbidden: only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize"
            )
        }
        return nil
    }

    /// Records a new requested size on claim `i`; a bound volume starts growing.
    mutating func requestResize(_ i: Int, to size: String) {
        claims[i].size = size
        guard claims[i].bound != nil else { return }
        if claims[i].capacity == size {
            claims[i].resizeRequested = nil
            claims[i].resizeAwaitsNode = false
            return
        }
        claims[i].resizeRequested = now
        claims[i].resizeAwaitsNode = false
        claims[i].resizedOnce = true
        let c = claims[i]
        record(
            "PersistentVolumeClaim", c.meta.name, uid: c.meta.uid, namespace: c.meta.namespace, reason: "Resizing",
            message: "External resizer is resizing volume \(c.volumeName)",
            component: "external-resizer \(provisioner(of: c.storageClass))", at: now)
    }

    /// One second of a growing volume: the controller part, then the file system once a running pod mounts it.
    mutating func stepResize(_ i: Int, at t: Date) {
        let c = claims[i]
        guard let since = c.resizeRequested else { return }
        let elapsed = t.timeIntervalSince(since)
        if !c.resizeAwaitsNode {
            guard elapsed >= Self.controllerResizeSeconds else { return }
            claims[i].resizeAwaitsNode = true
            record(
                "PersistentVolumeClaim", c.meta.name, uid: c.meta.uid, namespace: c.meta.namespace, reason: "FileSystemResizeRequired",
                message: "Require file system resize of volume on node", component: "external-resizer \(provisioner(of: c.storageClass))",
                at: t)
            return
        }
        guard elapsed >= Self.resizeSeconds,
            let pod = pods.first(where: { $0.meta.namespace == c.meta.namespace && $0.claims.contains(c.meta.name) && $0.stage == .running }
            )
        else { return }
        claims[i].capacity = c.size
        claims[i].resizeRequested = nil
        claims[i].resizeAwaitsNode = false
        record(
            "PersistentVolumeClaim", c.meta.name, uid: c.meta.uid, namespace: c.meta.namespace, reason: "FileSystemResizeSuccessful",
            message: "MountVolume.NodeExpandVolume succeeded for volume \"\(c.volumeName)\" \(pod.nodeName ?? "")",
            component: "kubelet", host: pod.nodeName, at: t)
    }

    /// RFC 7386 merge patch (a strategic merge patch acts the same on the fields a claim has).
    static func mergePatch(_ target: JSONValue, _ patch: JSONValue) -> JSONValue {
        guard case .object(let changes) = patch else { return patch }
        var result = target.objectValue ?? [:]
        for (key, value) in changes {
            if value == .null { result[key] = nil } else { result[key] = mergePatch(result[key] ?? .null, value) }
        }
        return .object(result)
    }

    /// RFC 6902 `add`/`replace` operations on object members; nil for anything else.
    static func jsonPatch(_ target: JSONValue, _ patch: JSONValue) -> JSONValue? {
        guard let operations = patch.arrayValue else { return nil }
        var result = target
        for op in operations {
            guard let kind = op["op"]?.stringValue, kind == "add" || kind == "replace",
                let path = op["path"]?.stringValue, path.hasPrefix("/"), let value = op["value"]
            else { return nil }
            let parts = path.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
                .map { String($0).replacing("~1", with: "/").replacing("~0", with: "~") }
            guard parts.first == "spec" || parts.first == "metadata" else { return nil }
            guard let updated = setting(result, parts[...], to: value) else { return nil }
            result = updated
        }
        return result
    }

    private static func setting(_ target: JSONValue, _ path: ArraySlice<String>, to value: JSONValue) -> JSONValue? {
        guard let key = path.first else { return value }
        guard case .object(var members) = target else { return nil }
        if path.count == 1 {
            members[key] = value
            return .object(members)
        }
        guard let child = members[key], let updated = setting(child, path.dropFirst(), to: value) else { return nil }
        members[key] = updated
        return .object(members)
    }
}
