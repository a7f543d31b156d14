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

/// The work behind `posthog-install status`: the release, its pods and what is wrong with
/// them, the load balancer's address, the DNS record and the DNS and TLS checks. With
/// `--watch` it keeps watching until the pods are ready, which is how a quit install resumes.
struct StatusRun {
    /// The parsed command line.
    struct Request {
        var valuesPath = "values.yaml"
        var namespace = "posthog"
        var release = "posthog"
        var watch = false
        /// Print one JSON document (`StatusJSON`) instead of the text.
        var json = false
    }

    let files: any FileSystem
    let connection: ClusterConnection
    let network: any NetworkProbes
    let clock: any WallClock
    let emit: @Sendable (String) -> Void
    /// Ctrl-C, SIGTERM and SIGHUP stop `--watch` (exit 3); nil leaves signals to their defaults.
    var signals: (any SignalSource)?
    /// Gathers the facts for `-o json` (set by `execute` when the request asks for JSON).
    var collector: StatusJSONCollector?
    /// Where error lines go (standard error for the headless command); nil sends them to `emit`.
    var fail: (@Sendable (String) -> Void)?

    private func emitError(_ line: String) { (fail ?? emit)(line) }

    /// Runs the checks; 0 when the release is deployed and every pod is ready.
    func execute(_ request: Request) async -> ToolExitCode {
        guard request.json else {
            return await OperationOutcome.run(emit: emit, fail: emitError) { try await run(request) }
        }
        // JSON: the text is not printed; the same facts are collected and printed as one document.
        var quiet = self
        quiet.collector = StatusJSONCollector(namespace: request.namespace)
        quiet.quietText = true
        let code = await OperationOutcome.run(emit: { _ in }, fail: emitError) { try await quiet.run(request) }
        quiet.collector?.update { $0.exitCode = code.rawValue }
        if let report = quiet.collector?.value { emit(JSONText.encode(report)) }
        return code
    }

    /// True while collecting JSON: text lines are dropped.
    var quietText = false

    private func say(_ line: String) { if !quietText { emit(line) } }

    /// The cluster flags to repeat in a suggested command (`--simulate`, a non-default namespace or release).
    static func flags(_ request: Request, connection: ClusterConnection) -> String {
        var text = connection.simulated ? " --simulate" : connection.context.map { " --context \(ShellQuote.quote($0))" } ?? ""
        if request.namespace != "posthog" { text += " --namespace \(request.namespace)" }
        if request.release != "posthog" { text += " --release \(request.release)" }
        return text
    }

    private func run(_ request: Request) async throws -> ToolExitCode {
        let kubectl = connection.kubectl
        if let problem = await connection.accessProblem(requested: connection.context, needsHelm: true) {
            problem.lines.forEach(emitError)
            return problem.exitCode
        }
        let context = await connection.effectiveContext()
        collector?.update { $0.context = context }
        if let problem = await connection.unreachableReason() {
            collector?.update {
                $0.reachable = false
                $0.unreachable = problem
            }
            emitError("Error: cannot reach the cluster of kubectl context \(context ?? "(none)"): \(problem)")
            emitError(
                "fix: check that the cluster is running and that `kubectl get nodes` works, or choose another context with --context.")
            return .failed
        }

        // The release.
        let release = try? await connection.helm.installedRelease(request.release, namespace: request.namespace)
        if let release {
            collector?.update {
                $0.release = .init(
                    name: release.name, namespace: release.namespace, status: release.status, chart: release.chart,
                    appVersion: release.appVersion, revision: release.revision)
            }
            say(
                "Release \(release.name) in namespace \(release.namespace) (context \(context ?? "(none)")): \(release.status), "
                    + "chart \(release.chart), app \(release.appVersion), revision \(release.revision).")
        } else {
            say("No release \"\(request.release)\" in namespace \(request.namespace) (context \(context ?? "(none)")).")
        }

        // The pods, now or until they are ready.
        let printer = HeadlessPrinter(emit: { line in if !quietText { emit(line) } })
        let steps = ClusterSteps(connection: connection, clock: clock, report: { printer.print($0) })
        var ready = false
        if request.watch, release != nil {
            say("Watching namespace \(request.namespace) until PostHog is ready (Ctrl-C stops watching; it does not stop PostHog).")
            let namespace = request.namespace
            let watch: @Sendable () async throws -> Bool = {
                try await steps.watch(namespace: namespace, until: .seconds(25 * 60)) == .ready
            }
            if let signals {
                switch try await StopOnSignal.run(signals, watch) {
                case .finished(let isReady): ready = isReady
                case .stopped(let signal):
                    say("")
                    say("Stopped watching (\(StopOnSignal.name(signal))). Nothing was changed: PostHog goes on starting in the cluster.")
                    say("Watch again with: posthog-install status --watch" + Self.flags(request, connection: connection))
                    return .stopped
                }
            } else {
                ready = try await watch()
            }
        }
        if !request.watch || collector != nil,
            let update = try? await NamespacePoller(kubectl: kubectl, namespace: request.namespace, clock: clock).poll()
        {
            collector?.update { $0.add(update) }
            if request.watch { return try await afterPods(request, release: release, ready: ready, steps: steps) }
            say("")
            StatusReport.podLines(update).forEach(say)
            ready = update.decision == .allReady
        }
        return try await afterPods(request, release: release, ready: ready, steps: steps)
    }

    /// The release's verdict, then the address, the DNS record and the checks.
    private func afterPods(_ request: Request, release: HelmRelease?, ready: Bool, steps: ClusterSteps) async throws -> ToolExitCode {
        guard let release else {
            say("")
            say(
                "fix: install PostHog with `posthog-install install` (or pass --namespace/--release if it was installed under other names)."
            )
            return .failed
        }

        // Address, DNS record and checks, from the saved values.
        guard files.exists(request.valuesPath), let text = try? files.readString(request.valuesPath),
            let values = try? YAML.parse(text, file: request.valuesPath)
        else {
            say("")
            say("No \(request.valuesPath) here, so the DNS and TLS checks are skipped (pass --values FILE to run them).")
            return ready && release.status == "deployed" ? .success : .failed
        }
        let cloud = values["cloud"]?.stringValue.flatMap(Cloud.init(rawValue:)) ?? .other
        guard let hostname = values.value(at: ["ingress", "hostname"])?.stringValue else {
            say("")
            say("\(request.valuesPath) sets no ingress.hostname, so there is no DNS record to check.")
            return ready && release.status == "deployed" ? .success : .failed
        }
        // Where the address is, from the objects the release created (names differ between
        // chart versions and clouds).
        let live = try? await connection.kubectl.namespaceObjects(request.namespace)
        let exposed = ExposedObjects(services: live?.snapshot.services ?? [], ingresses: live?.ingresses ?? [])
        say("")
        guard let source = AddressSource.fromManifests(exposed, hostname: hostname) else {
            StatusReport.findingLines("Address", AddressLookup.nothingExposed(hostname: hostname, cloud: cloud)).forEach(say)
            return .failed
        }
        let status = await steps.address(source: source, namespace: request.namespace)
        guard case .ready(let address) = status else {
            let next = FollowUpCommands(
                context: connection.context, namespace: request.namespace, release: request.release,
                simulated: connection.simulated)
            let finding = AddressLookup.finding(
                status, source: source, cloud: cloud, namespace: request.namespace,
                statusCommand: next.posthogInstall("status"), helmStatus: next.helm(["status", request.release]))
            collector?.update { $0.add("Address", finding) }
            StatusReport.findingLines("Address", finding).forEach(say)
            return .failed
        }
        let instruction = DNSInstruction.make(hostname: hostname, address: address)
        collector?.update {
            $0.address = address.value
            $0.dnsRecord = .init(type: instruction.record.type, name: instruction.record.name, value: instruction.record.value)
        }
        instruction.lines.forEach(say)
        let tls = values.value(at: ["web", "secureCookies"]) != .bool(false)
        let checks = await PostInstallChecks(connection: connection, network: network)
            .run(hostname: hostname, address: address, cloud: cloud, tls: tls, namespace: request.namespace, now: clock.now.date)
        say("")
        for check in checks {
            collector?.update { $0.add(check.name, check.finding) }
            StatusReport.findingLines(check.name, check.finding).forEach(say)
        }
        say("")
        let url = ClusterSteps.url(hostname: hostname, values: values)
        collector?.update { $0.url = url }
        say("PostHog: \(url)")
        return ready && release.status == "deployed" ? .success : .failed
    }
}
