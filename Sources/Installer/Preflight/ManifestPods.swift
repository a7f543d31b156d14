#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Helm
import Kube
import YAML

/// A rendered manifest that could not be read as a Kubernetes object.
public struct ManifestPodsError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The template the document came from.
    public var path: String
    /// What was wrong.
    public var message: String

    /// An error.
    public init(path: String, message: String) { self.path = path; self.message = message }

    /// `posthog/templates/web.yaml: …`
    public var description: String { "\(path): \(message)" }
}

/// Reads the pods a rendered chart would create: Deployments and StatefulSets once per replica,
/// Jobs per parallelism, bare Pods; `helm test` hooks are left out (they run only on `helm test`).
public enum ManifestPods {
    /// The placement requests of every workload in the manifests, in manifest order.
    public static func requests(from manifests: [RenderedManifest]) throws -> [PodPlacementRequest] {
        try objects(from: manifests).flatMap(\.placementRequests)
    }

    /// The typed objects of the workload kinds, skipping test hooks and other kinds.
    public static func objects(from manifests: [RenderedManifest]) throws -> [KubeObject] {
        try manifests.compactMap { m in
            guard !m.isTestHook, ["Deployment", "StatefulSet", "Job", "Pod"].contains(m.kind) else { return nil }
            return try object(text: m.content, path: m.path)
        }
    }

    /// The requests of the workloads in a multi-document YAML stream (`helm template` output).
    public static func requests(fromYAML text: String, file: String = "manifests") throws -> [PodPlacementRequest] {
        let docs: [YAMLValue]
        do { docs = try YAML.parseDocuments(text, file: file, options: .helm) } catch {
            throw ManifestPodsError(path: file, message: "\(error)")
        }
        return try docs.compactMap { doc -> KubeObject? in
            guard case .mapping = doc, let kind = doc["kind"]?.stringValue,
                  ["Deployment", "StatefulSet", "Job", "Pod"].contains(kind) else { return nil }
            if let hook = doc["metadata"]?["annotations"]?["helm.sh/hook"]?.stringValue,
               hook.lowercased().contains("test") { return nil }
            return try decode(doc, path: file)
        }.flatMap(\.placementRequests)
    }

    /// The (kind, name) of every manifest, for `ClusterComponent.planned(in:)`.
    public static func kindsAndNames(_ manifests: [RenderedManifest]) -> [(kind: String, name: String)] {
        manifests.map { (kind: $0.kind, name: $0.name) }
    }

    static func object(text: String, path: String) throws -> KubeObject {
        let doc: YAMLValue
        do { doc = try YAML.parse(text, file: path, options: .helm) } catch {
            throw ManifestPodsError(path: path, message: "\(error)")
        }
        return try decode(doc, path: path)
    }

    static func decode(_ doc: YAMLValue, path: String) throws -> KubeObject {
        let json = ManifestJSON.text(doc)
        do {
            return try KubeJSON.decode(KubeObject.self, from: Data(json.utf8))
        } catch {
            throw ManifestPodsError(path: path, message: "\(error)")
        }
    }
}

/// YAML values as JSON text, so Kubernetes objects decode with the same code as kubectl's output.
enum ManifestJSON {
    static func text(_ v: YAMLValue) -> String {
        var out = ""
        write(v, &out)
        return out
    }

    private static func write(_ v: YAMLValue, _ out: inout String) {
        switch v {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .float(let d): out += d.isFinite ? "\(d)" : "null"
        case .string(let s): quote(s, &out)
        case .sequence(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                write(item, &out)
            }
            out += "]"
        case .mapping(let m):
            out += "{"
            for (i, e) in m.entries.enumerated() {
                if i > 0 { out += "," }
                quote(e.key, &out)
                out += ":"
                write(e.value, &out)
            }
            out += "}"
        }
    }

    private static func quote(_ s: String, _ out: inout String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out += "\""
    }
}
