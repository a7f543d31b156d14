import Cluster
import Effects
import Installer
import Kube
import TUI

/// The wizard's uninstall: what goes, what stays (the volumes with their sizes), one box to
/// confirm and one, optional, to delete the namespace too; then `UninstallRun`.
extension WizardTaskSession {
    func prepareUninstall(_ inputs: TaskInputs) async throws -> WizardEvent {
        let connection = try await connection()
        guard let installed = try await connection.helm.installedRelease(Self.release, namespace: Self.namespace) else {
            return .taskUnavailable(.uninstall, "There is no release \"\(Self.release)\" in namespace \(Self.namespace) any more.")
        }
        let context = await environment.cluster.value.info.context
        let options = PlanOptions(context: context, namespace: Self.namespace, release: Self.release)
        let probe = UninstallRun(connection: connection, clock: environment.clock, ask: nil, emit: { _ in })
        let snapshot = try await probe.leftovers(Self.namespace)
        let plan = Plans.uninstall(options, deleteNamespace: true)
        var text: [StyledLine] = [
            StyledLine(
                "Removes release \(installed.name) (chart \(installed.chartVersion ?? installed.chart)) from namespace "
                    + "\(Self.namespace) with helm uninstall. PostHog stops answering at once."),
            StyledLine(""),
        ]
        let sizes = snapshot.claims.map { claim in
            "  PersistentVolumeClaim \(claim.metadata.name)  \((claim.capacity ?? claim.requestedStorage)?.text ?? "")"
        }
        if sizes.isEmpty {
            text.append(StyledLine("No volumes are in the namespace now."))
        } else {
            text.append(
                StyledLine(
                    "These volumes hold your data. They stay after helm uninstall, so a later install can use them:",
                    style: .strong))
            text += sizes.map { StyledLine($0) }
        }
        text.append(StyledLine(""))
        text.append(StyledLine("Ticking \u{201C}delete the namespace\u{201D} also runs:", style: .strong))
        text += plan.filter { $0.id == "delete-namespace" }.compactMap(\.commandLine).map { StyledLine("  " + $0) }
        text.append(StyledLine("which removes the volumes, secrets and everything else in \(Self.namespace) for good."))
        let volumes = snapshot.claims.count
        return .taskReady(
            .uninstall,
            TaskForm(
                heading: "Uninstall PostHog from namespace \(Self.namespace)", text: text, textTitle: "What goes and what stays",
                checks: [
                    TaskCheck(id: "confirm", label: "Uninstall PostHog now; it stops serving at once"),
                    TaskCheck(
                        id: "delete-namespace",
                        label: "Also delete namespace \(Self.namespace)"
                            + (volumes == 0 ? "" : " and its \(volumes) volume\(volumes == 1 ? "" : "s") (cannot be undone)"),
                        required: false, commands: plan.filter { $0.id == "delete-namespace" }.compactMap(\.argv),
                        confirmation: Self.deleteNamespaceQuestion(namespace: Self.namespace, claims: snapshot.claims.map(\.metadata.name))),
                ],
                commands: plan.filter { $0.id == "uninstall" }.compactMap(\.argv), action: "uninstall", destructive: true))
    }

    /// The second question before the namespace goes: what is lost, by name, for good.
    static func deleteNamespaceQuestion(namespace: String, claims: [String]) -> TaskConfirmation {
        let volumes: String
        switch claims.count {
        case 0: volumes = "any volume created in it since is deleted too."
        case 1: volumes = "its volume \(claims[0]) is deleted with the data on it."
        default: volumes = "its \(claims.count) volumes (\(claims.joined(separator: ", "))) are deleted with the data on them."
        }
        return TaskConfirmation(
            title: "Delete namespace \(namespace)?",
            message: "Deleting namespace \(namespace) removes everything in it for good: \(volumes) "
                + "PostHog's events, persons and settings in ClickHouse and PostgreSQL, and its secrets, go with them; "
                + "nothing can bring them back. Press y to uninstall and delete the namespace, n to go back.",
            yes: "Delete it")
    }

    func runUninstall(
        _ inputs: TaskInputs, connection: ClusterConnection, context: String?,
        report: @escaping @Sendable (OperationEvent) -> Void
    ) async -> ToolExitCode {
        var run = UninstallRun(connection: connection, clock: environment.clock, ask: nil, emit: { report(.note($0)) })
        run.fail = { report(.failure($0)) }
        run.events = report
        let request = UninstallRun.Request(
            context: context, namespace: Self.namespace, release: Self.release,
            deleteNamespace: inputs.checks.contains("delete-namespace"), yes: true)
        return await run.execute(request)
    }
}
