import Cluster
import Helm
import Installer
import YAML

/// What an upgrade would change, before it runs: the release's deployed manifest (`helm get
/// manifest`) against the new render, as a change table with risks.
struct UpgradePreview {
    /// The changes, and both sides for the per-object details.
    struct Result {
        var changes: [ObjectChange]
        var deployed: [ManifestObject.Key: ManifestObject]
        var rendered: [ManifestObject.Key: ManifestObject]
    }

    let connection: ClusterConnection

    /// The change table, or nil (with helm's reason) when the deployed manifest cannot be read.
    func compute(release: String, namespace: String, rendered manifests: [RenderedManifest]) async -> (Result?, String?) {
        let manifest: String
        do { manifest = try await connection.helm.manifest(release: release, namespace: namespace) } catch {
            return (nil, "\(error)")
        }
        let deployed: [ManifestObject]
        do {
            deployed = ManifestObject.objects(try YAML.parseDocuments(manifest, file: "helm get manifest", options: .helm),
                                              defaultNamespace: namespace)
        } catch {
            return (nil, "helm get manifest printed YAML that could not be read: \(error)")
        }
        // helm keeps hooks out of the release's manifest; leave them out of the render too.
        let docs = manifests.filter { !$0.isHook }.compactMap { try? YAML.parse($0.content, file: $0.path, options: .helm) }
        let rendered = ManifestObject.objects(docs, defaultNamespace: namespace)
        let changes = ManifestDiff.changes(deployed: deployed, rendered: rendered)
        return (Result(changes: changes,
                       deployed: Dictionary(deployed.map { ($0.key, $0) }, uniquingKeysWith: { $1 }),
                       rendered: Dictionary(rendered.map { ($0.key, $0) }, uniquingKeysWith: { $1 })), nil)
    }

    /// The objects the plan deletes before `helm upgrade` (the upgrade notes' `kubectl delete
    /// KIND NAME` steps): their refused changes do not block, since they are created afresh.
    static func deletedFirst(_ plan: [PlanStep]) -> Set<String> {
        var names: Set<String> = []
        for step in plan {
            guard case .run(let argv) = step.action, argv.first == "kubectl", argv.count >= 4, argv[1] == "delete" else { continue }
            names.insert("\(argv[2].lowercased())/\(argv[3])")
        }
        return names
    }

    /// The risks that stop an upgrade unless the person accepts them.
    static func blocking(_ changes: [ObjectChange], deletedFirst: Set<String>) -> [(ObjectChange, ChangeRisk)] {
        changes.flatMap { change in
            change.risks.filter(\.blocksUpgrade).compactMap { risk in
                if risk.kind == .refused, deletedFirst.contains("\(change.key.kind.lowercased())/\(change.key.name)") { return nil }
                return (change, risk)
            }
        }
    }
}
