import Cluster
import Effects
import Installer
import Kube
import TUI
import YAML

/// The wizard's connection details: `posthog-install info` as a read-only screen. `s` prepares
/// it again with the passwords read from the Secrets; `p` starts (and stops) a port-forward to
/// the bundled Prometheus, kept until the screen is left.
extension WizardTaskSession {
    /// The option `s` switches.
    static let showSecretsOption = "show-secrets"
    /// The option `p` switches.
    static let portForwardOption = "port-forward"

    func prepareInfo(_ inputs: TaskInputs) async throws -> WizardEvent {
        let connection = try await connection()
        let showSecrets = inputs.options.contains(Self.showSecretsOption)
        let forwardWanted = inputs.options.contains(Self.portForwardOption)
        if !forwardWanted { stopPrometheusForward() }
        guard let release = try await connection.helm.installedRelease(Self.release, namespace: Self.namespace) else {
            return .taskUnavailable(.info, "There is no release \"\(Self.release)\" in namespace \(Self.namespace) any more.")
        }
        let path = command.valuesPath
        var text: [StyledLine] = []
        var values = YAMLValue.null
        if command.files.exists(path) {
            do { values = try YAML.parse(try command.files.readString(path), file: path) } catch {
                return .taskUnavailable(.info, "\(error)\nFix the file (a backup of earlier versions sits beside it), then try again.")
            }
        } else {
            text += [
                StyledLine("\(path) was not found in this folder, so the chart's defaults are assumed.", style: .muted), StyledLine(""),
            ]
        }
        let services = try await connection.kubectl.services(namespace: Self.namespace)
        var facts = ConnectionInfo.Facts(
            namespace: Self.namespace, services: services, values: values, valuesPath: path,
            chart: release.chart, appVersion: release.appVersion.isEmpty ? nil : release.appVersion,
            showSecrets: showSecrets, release: Self.release)
        if showSecrets {
            let reader = InfoRun(files: command.files, connection: connection, signals: SystemSignals.shared, emit: { _ in })
            await reader.readSecrets(into: &facts)
        }
        for line in ConnectionInfo.text(facts).split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            // The headless flag means nothing here: the screen has a key for it.
            if line.hasPrefix("Passwords are not shown") { continue }
            text.append(StyledLine(String(line), style: line.hasPrefix(" ") || line.isEmpty ? .plain : .strong))
        }
        text.append(
            StyledLine(
                showSecrets
                    ? "Passwords are shown (read from the cluster's Secrets); press s to hide them."
                    : "Passwords are not shown; press s to show them.", style: .muted))
        text.append(StyledLine(""))
        var keys = [TaskKey(key: "s", label: showSecrets ? "hide passwords" : "show passwords", option: Self.showSecretsOption)]
        let (prometheus, forwardable) = await prometheusLines(
            values, connection: connection, forwardWanted: forwardWanted,
            context: await environment.cluster.value.info.context)
        // The forward's state is what p was pressed for: it leads the text rather than end it.
        text = forwardWanted ? prometheus + [StyledLine("")] + text.dropLast() : text + prometheus
        if forwardable {
            keys.append(TaskKey(key: "p", label: forwardWanted ? "stop forwarding" : "forward Prometheus", option: Self.portForwardOption))
        }
        return .taskReady(
            .info,
            TaskForm(
                heading: "Connection details of release \(release.name) in namespace \(release.namespace)",
                text: text, textTitle: "Same as posthog-install info", keys: keys))
    }

    /// The Prometheus part of the screen, and whether `p` can forward it; starts the forward when wanted.
    private func prometheusLines(
        _ values: YAMLValue, connection: ClusterConnection, forwardWanted: Bool,
        context: String?
    ) async -> ([StyledLine], Bool) {
        let path = command.valuesPath
        guard PrometheusAccess.enabled(values) else {
            return (
                [
                    StyledLine("Prometheus is not enabled in \(path), so there is no alerting to open.", style: .strong),
                    StyledLine("To turn it on: posthog-install values --prometheus -o \(path), then choose Upgrade PostHog."),
                ], false
            )
        }
        let pods = (try? await connection.kubectl.pods(namespace: Self.namespace)) ?? []
        guard let pod = PrometheusAccess.serverPod(in: pods) else {
            if connection.simulated {
                return (
                    [
                        StyledLine(
                            "Prometheus is enabled in \(path), but the simulated cluster runs no Prometheus server, "
                                + "so there is nothing to reach or forward here.", style: .strong)
                    ], false
                )
            }
            return (
                [
                    StyledLine(
                        "Prometheus is enabled in \(path), but no prometheus-server pod runs in namespace \(Self.namespace).",
                        style: .strong),
                    StyledLine("If you enabled it after installing, apply it with Upgrade PostHog; otherwise see posthog-install status."),
                ],
                false
            )
        }
        let url = "http://localhost:\(PrometheusAccess.port)"
        guard forwardWanted else {
            let argv = PrometheusAccess.portForwardArgv(pod: pod, namespace: Self.namespace, context: context)
            return (
                [
                    StyledLine("Prometheus: pod \(pod)", style: .strong),
                    StyledLine("  forward its port: \(argv.joined(separator: " "))"),
                    StyledLine("  then open: \(url)"),
                    StyledLine("  or press p to forward it from here until you leave this screen."),
                ], true
            )
        }
        let forward = startPrometheusForward(pod: pod, connection: connection, context: context)
        await forward.settle(within: .seconds(5))
        switch forward.status {
        case .forwarding:
            return (
                [
                    StyledLine("Prometheus: \(url) (forwarding; press p to stop)", style: CellStyle(bold: true, role: .success)),
                    StyledLine("  from pod \(pod) (kubectl port-forward)"),
                ], true
            )
        case .starting:
            return (
                [
                    StyledLine("Prometheus: starting the forward to \(url) (press p to stop)", style: .strong),
                    StyledLine("  from pod \(pod) (kubectl port-forward)"),
                ], true
            )
        case .ended(let why):
            return (
                [
                    StyledLine("Prometheus: the port forward ended: \(why).", style: .error),
                    StyledLine(
                        "  Press p to clear this, then p again to retry. Another program on port \(PrometheusAccess.port) "
                            + "stops it too."),
                ], true
            )
        }
    }

    /// The running forward to `pod`, or a new one kept with the screen's job.
    private func startPrometheusForward(pod: String, connection: ClusterConnection, context: String?) -> WizardPrometheusForward {
        if let running = prometheusForward.withLock({ $0 }), running.pod == pod {
            // Pressing s while forwarding prepares the screen again: the forward stays.
            if case .ended = running.status {} else { return running }
        }
        let forward = WizardPrometheusForward(pod: pod, namespace: Self.namespace, context: context)
        prometheusForward.withLock { $0 = forward }
        keep(.info, forward.start(runner: connection.runner))
        return forward
    }

    /// Ends the forward, if one runs.
    func stopPrometheusForward() {
        stop(.info)
        prometheusForward.withLock { $0 = nil }
    }
}
