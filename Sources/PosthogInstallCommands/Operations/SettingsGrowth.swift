import Cluster
import Installer
import Kube
import YAML

/// Changed settings that grow the data volumes (a larger tier): the claims are grown and their
/// StatefulSets removed without their pods before helm upgrade, as `posthog-install resize`
/// does, so Kubernetes accepts the new volume templates. Used by the wizard's Change settings
/// and by a headless `upgrade` after `values --tier large`.
struct SettingsGrowth: Sendable {
    /// The claims to grow.
    var targets: [VolumeGrowth.Target]
    /// The steps before helm, for the plan.
    var steps: [PlanStep]
    /// The StatefulSets deleted without their pods first (their refused template change is handled).
    var statefulSets: Set<String>

    /// `statefulset/NAME` of each StatefulSet removed first, as the change table names them.
    var deletedObjects: Set<String> { Set(statefulSets.map { "statefulset/\($0)" }) }

    /// The growth from `old` to `new` values, read against the cluster's claims; nil when no
    /// volume grows. A `VolumeGrowth.Problem` (a StorageClass that cannot grow) says why it cannot be done.
    static func plan(
        connection: ClusterConnection, namespace: String, old: YAMLValue, new: YAMLValue, profile: ProfileSet, options: PlanOptions
    ) async throws -> SettingsGrowth? {
        let grown = SettingsVolumes.grown(old: old, new: new, profile: profile)
        guard !grown.isEmpty else { return nil }
        let kubectl = connection.kubectl
        let targets = try VolumeGrowth.plan(
            sizes: grown.map { ($0.component, $0.to) }, claims: try await kubectl.persistentVolumeClaims(namespace: namespace),
            statefulSets: try await kubectl.statefulSets(namespace: namespace), storageClasses: try await kubectl.storageClasses(),
            namespace: namespace)
        return SettingsGrowth(
            targets: targets, steps: SettingsVolumes.steps(targets, options: options),
            statefulSets: Set(targets.filter { !$0.managedByOperator }.compactMap(\.statefulSet)))
    }

    /// Runs the growth; false (with the reason reported) when a step fails. `retry` says how to
    /// go on after the volumes started growing ("choose Change settings again").
    func run(
        connection: ClusterConnection, namespace: String, retry: String, report: @Sendable (OperationEvent) -> Void
    ) async -> Bool {
        let kubectl = connection.kubectl
        for target in targets where target.needsPatch {
            do {
                report(.note("→ " + (try await kubectl.patchClaimStorage(target.claim, size: target.size, namespace: namespace))))
            } catch {
                report(.failure("Error: growing \(target.claim) failed: \(error). Nothing else was changed; the upgrade did not run."))
                return false
            }
        }
        for set in statefulSets.sorted() {
            do {
                report(.note("→ " + (try await kubectl.deleteStatefulSetOrphan(set, namespace: namespace)) + " (its pods keep running)"))
            } catch let error as KubectlError where error.kind == .notFound {
                report(.note("→ The StatefulSet \(set) is already gone; the upgrade recreates it."))
            } catch {
                report(.failure("Error: removing the StatefulSet \(set) failed: \(error). The volumes are growing; \(retry) to go on."))
                return false
            }
        }
        return true
    }
}
