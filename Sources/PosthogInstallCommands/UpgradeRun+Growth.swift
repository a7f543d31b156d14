import Cluster
import Installer
import YAML

extension UpgradeRun {
    /// `helm get values` text without the header older helm versions print.
    static func withoutHeader(_ text: String) -> String {
        let header = "USER-SUPPLIED VALUES:\n"
        return text.hasPrefix(header) ? String(text.dropFirst(header.count)) : text
    }

    /// The volumes that grow from the values the release runs with to `valuesText` (a larger
    /// tier written by `values --tier large`), planned against the cluster's claims and announced;
    /// nil when none grows or they cannot, and then the change table's refusal stands.
    func volumeGrowth(_ request: Request, valuesText: String, profile: ProfileSet, options: PlanOptions) async -> SettingsGrowth? {
        guard let deployed = try? await connection.helm.userValues(release: request.release, namespace: request.namespace),
            let old = try? YAML.parse(Self.withoutHeader(deployed), file: "helm get values"),
            let new = try? YAML.parse(valuesText, file: request.valuesPath)
        else { return nil }
        let growth: SettingsGrowth?
        do {
            growth = try await SettingsGrowth.plan(
                connection: connection, namespace: request.namespace, old: old, new: new, profile: profile, options: options)
        } catch {
            report(.note("The data volumes cannot grow to the new sizes before the upgrade: \(error)"))
            return nil
        }
        guard let growth, !growth.steps.isEmpty else { return growth }
        report(.note(""))
        report(.note("The new values make data volumes larger. Before helm upgrade they grow, as posthog-install resize does:"))
        growth.steps.forEach { report(.note("  \($0.title)")) }
        return growth
    }
}
