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
    /// The growth from the saved values to the changed ones, read against the cluster's claims.
    func settingsGrowth(
        connection: ClusterConnection, savedText: String, valuesText: String, profile: ProfileSet, options: PlanOptions
    ) async throws -> SettingsGrowth? {
        try await SettingsGrowth.plan(
            connection: connection, namespace: Self.namespace, old: try YAML.parse(savedText, file: command.valuesPath),
            new: try YAML.parse(valuesText, file: command.valuesPath), profile: profile, options: options)
    }

    /// Runs the growth steps; false (with the reason reported) when one fails.
    func runGrowth(_ growth: SettingsGrowth, connection: ClusterConnection, report: @Sendable (OperationEvent) -> Void) async -> Bool {
        await growth.run(connection: connection, namespace: Self.namespace, retry: "choose Change settings again", report: report)
    }
}
