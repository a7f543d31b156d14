import Cluster
import Effects
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Installer
import Kube
import YAML

/// The work behind `posthog-install info`: what is installed, how to reach its data stores
/// and, with `--prometheus`, its alerting.
struct InfoRun {
    /// The parsed command line.
    struct Request {
        var valuesPath = "values.yaml"
        var namespace = "posthog"
        var release = "posthog"
        var context: String?
        var showSecrets = false
        var prometheus = false
        var portForward = false
        /// Print the stores as one JSON document (`InfoReport`) instead of the text.
        var json = false
    }

    let files: any FileSystem
    let connection: ClusterConnection
    /// Ctrl-C, which ends `--port-forward`.
    let signals: any SignalSource
    /// Prints one line (standard output).
    let emit: @Sendable (String) -> Void
    /// Where error lines go (standard error for the headless command); nil sends them to `emit`.
    var fail: (@Sendable (String) -> Void)?

    /// Prints the information; returns the exit code.
    func execute(_ request: Request) async -> ToolExitCode {
        await OperationOutcome.run(emit: emit, fail: emitError) { try await run(request) }
    }

    private func run(_ request: Request) async throws -> ToolExitCode {
        let namespace = request.namespace
        if let problem = await connection.accessProblem(requested: request.context, needsHelm: true) {
            problem.lines.forEach(emitError)
            return problem.exitCode
        }
        // 1. Is PostHog installed here at all?
        let release: HelmRelease?
        do { release = try await connection.helm.installedRelease(request.release, namespace: namespace) } catch {
            emitError("Error: cannot ask the cluster which releases are installed: \(error)")
            emit("Check that kubectl reaches the cluster (kubectl get nodes\(request.context.map { " --context \($0)" } ?? "")) and try again.")
            return .failed
        }
        guard let release else {
            emitError("Error: no PostHog release \"\(request.release)\" is installed in namespace \(namespace) (helm list -n \(namespace) shows none).")
            emit("Install it with posthog-install install, or give --namespace and --release if it was installed under other names.")
            return .failed
        }

        // 2. The values it was installed with, as saved on this machine.
        let values = try readValues(request.valuesPath, note: request.json ? emitError : emit)

        // 3. Services, and the passwords when asked for.
        let services: [Service]
        do { services = try await connection.kubectl.services(namespace: namespace) } catch {
            emitError("Error: cannot list the services in namespace \(namespace): \(error)")
            return .failed
        }
        var facts = ConnectionInfo.Facts(namespace: namespace, services: services, values: values ?? .null,
                                         valuesPath: request.valuesPath, chart: release.chart,
                                         appVersion: release.appVersion.isEmpty ? nil : release.appVersion,
                                         showSecrets: request.showSecrets, release: request.release)
        if request.showSecrets { await readSecrets(into: &facts) }
        if request.json {
            emit(JSONText.encode(ConnectionInfo.report(facts)))
            return .success
        }
        ConnectionInfo.text(facts).split(separator: "\n", omittingEmptySubsequences: false).dropLast().forEach { emit(String($0)) }

        guard request.prometheus || request.portForward else { return .success }
        return try await prometheus(request, values: values ?? .null)
    }

    private func readValues(_ path: String, note: (String) -> Void) throws -> YAMLValue? {
        guard files.exists(path) else {
            note("Note: \(path) was not found, so the chart's defaults are assumed (give --values FILE if it is elsewhere).")
            note("")
            return nil
        }
        let text: String
        do { text = try files.readString(path) } catch {
            throw ValuesRun.Failure.input("cannot read the values file \(path): \(error)")
        }
        do { return try YAML.parse(text, file: path) } catch let error as YAMLError {
            throw ValuesRun.Failure.input("\(error.description)\nFix the line above, then run posthog-install info again.")
        }
    }

    /// Reads each bundled store's password from its Secret; what cannot be read is reported, not fatal.
    func readSecrets(into facts: inout ConnectionInfo.Facts) async {
        for store in DataStore.allCases {
            guard case .secret(let name, let key) = PasswordLocation.of(store, values: facts.values, release: facts.release) else { continue }
            do {
                if let value = try await connection.kubectl.secretValue(name, key: key, namespace: facts.namespace) {
                    facts.revealed[store] = value
                } else {
                    facts.unreadable[store] = "the Secret \(name) has no key \(key)"
                }
            } catch let error as KubectlError {
                facts.unreadable[store] = error.message
            } catch {
                facts.unreadable[store] = "\(error)"
            }
        }
    }

    // MARK: Prometheus

    private func prometheus(_ request: Request, values: YAMLValue) async throws -> ToolExitCode {
        emit("")
        guard PrometheusAccess.enabled(values) else {
            PrometheusAccess.notEnabled(valuesPath: request.valuesPath).forEach(emit)
            return request.portForward ? .failed : .success
        }
        let pods: [Pod]
        do { pods = try await connection.kubectl.pods(namespace: request.namespace) } catch {
            emitError("Error: cannot list the pods in namespace \(request.namespace): \(error)")
            return .failed
        }
        guard let pod = PrometheusAccess.serverPod(in: pods) else {
            emit("Prometheus is enabled in \(request.valuesPath), but no prometheus-server pod runs in namespace \(request.namespace).")
            emit("If you enabled it after installing, apply it with posthog-install upgrade; otherwise see posthog-install status.")
            return .failed
        }
        let context = request.context ?? connection.context
        PrometheusAccess.instructions(pod: pod, namespace: request.namespace, context: context).forEach(emit)
        guard request.portForward else { return .success }
        return try await portForward(pod: pod, namespace: request.namespace, context: context)
    }

    private func emitError(_ line: String) { (fail ?? emit)(line) }

    /// Runs the port-forward, passing its output on, until it ends or Ctrl-C stops it.
    private func portForward(pod: String, namespace: String, context: String?) async throws -> ToolExitCode {
        let argv = PrometheusAccess.portForwardArgv(pod: pod, namespace: namespace, context: context)
        // A forward runs as long as the person wants; the timeout is only a backstop.
        let command = ProcessCommand(argv[0], Array(argv.dropFirst()), timeout: .seconds(7 * 24 * 3600))
        emit("")
        emit("Forwarding http://localhost:\(PrometheusAccess.port) to \(pod); press Ctrl-C to stop.")
        let runner = connection.runner
        let emit = self.emit
        let result: ProcessResult
        switch try await StopOnSignal.run(signals, { try await runner.run(command) { line in emit("  \(line.text)") } }) {
        case .finished(let finished):
            result = finished
        case .stopped(let signal):
            // Cancelling the run stopped kubectl; the cluster itself was never changed.
            emit("Port forward stopped (\(StopOnSignal.name(signal))); nothing in the cluster was changed.")
            emit("Start it again with: posthog-install info --prometheus --port-forward"
                 + (connection.simulated ? " --simulate" : context.map { " --context \(ShellQuote.quote($0))" } ?? ""))
            return .stopped
        }
        if result.status.isSuccess { return .success }
        emitError("Error: the port forward ended: \(result.lastErrorLine ?? result.status.description)")
        if case .notFound = result.status { emit("kubectl must be installed and on PATH for --port-forward.") }
        return .failed
    }
}
