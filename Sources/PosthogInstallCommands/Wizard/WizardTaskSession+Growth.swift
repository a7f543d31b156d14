import Cluster
import Effects
import Installer
import Kube
import YAML

/// Changed settings that grow the data volumes (a larger tier): the claims are grown and their
/// StatefulSets recreated without the pods before helm upgrade, as `posthog-install resize`
/// does, so Kubernetes accepts the new volume templates. A tier that would shrink them keeps
/// the larger sizes in values.yaml (volumes only grow) and the screen says so.
extension WizardTaskSession {
    /// What growing takes: the claims to grow, and the steps before helm (nil when nothing grows).
    struct SettingsGrowth {
        var targets: [VolumeGrowth.Target]
        var steps: [PlanStep]
        /// The StatefulSets deleted without their pods first (their refused template change is handled).
        var statefulSets: Set<String>
    }

    /// The growth from the saved values to the changed ones, read against the cluster's claims;
    /// a `VolumeGrowth.Problem` (a StorageClass that cannot grow) says why it cannot be done.
    func settingsGrowth(
        connection: ClusterConnection, savedText: String, valuesText: String, profile: ProfileSet, options: PlanOptions
    ) async throws -> SettingsGrowth? {
        let old = try YAML.parse(savedText, file: command.valuesPath)
        let new = try YAML.parse(valuesText, file: command.valuesPath)
        let grown = SettingsVolumes.grown(old: old, new: new, profile: profile)
        guard !grown.isEmpty else { return nil }
        let kubectl = connection.kubectl
        let targets = try VolumeGrowth.plan(
            sizes: grown.map { ($0.component, $0.to) }, claims: try await kubectl.persistentVolumeClaims(namespace: Self.namespace),
            statefulSets: try await kubectl.statefulSets(namespace: Self.namespace), storageClasses: try await kubectl.storageClasses(),
            namespace: Self.namespace)
        let steps = SettingsVolumes.steps(targets, options: options)
        return SettingsGrowth(
            targets: targets, steps: steps,
            statefulSets: Set(targets.filter { !$0.managedByOperator }.compactMap(\.statefulSet)))
    }

    /// Runs the growth steps; false (with the reason reported) when one fails.
    func runGrowth(_ growth: SettingsGrowth, connection: ClusterConnection, report: @Sendable (OperationEvent) -> Void) async -> Bool {
        let kubectl = connection.kubectl
        for target in growth.targets where target.needsPatch {
            do {
                report(.note("→ " + (try await kubectl.patchClaimStorage(target.claim, size: target.size, namespace: Self.namespace))))
            } catch {
                report(.failure("Error: growing \(target.claim) failed: \(error). Nothing else was changed; the upgrade did not run."))
                return false
            }
        }
        for set in growth.statefulSets.sorted() {
            do {
                report(
                    .note("→ " + (try await kubectl.deleteStatefulSetOrphan(set, namespace: Self.namespace)) + " (its pods keep running)"))
            } catch let error as KubectlError where error.kind == .notFound {
                report(.note("→ The StatefulSet \(set) is already gone; the upgrade recreates it."))
            } catch {
                report(
                    .failure(
                        "Error: removing the StatefulSet \(set) failed: \(error). The volumes are growing; choose Change settings again to go on."
                    ))
                return false
            }
        }
        return true
    }
}
