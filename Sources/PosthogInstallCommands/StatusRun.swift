import Cluster
import Effects
import Foundation
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
    }

    let files: any FileSystem
    let connection: ClusterConnection
    let network: any NetworkProbes
    let clock: any WallClock
    let emit: @Sendable (String) -> Void

    /// Runs the checks; 0 when the release is deployed and every pod is ready.
    func execute(_ request: Request) async -> ToolExitCode {
        await OperationOutcome.run(emit: emit) { try await run(request) }
    }

    private func run(_ request: Request) async throws -> ToolExitCode {
        let kubectl = connection.kubectl
        let context = await connection.effectiveContext()
        if let problem = await connection.unreachableReason() {
            emit("Cannot reach the cluster of kubectl context \(context ?? "(none)"): \(problem)")
            emit("fix: check that the cluster is running and that `kubectl get nodes` works, or choose another context with --context.")
            return .failed
        }

        // The release.
        let release = try? await connection.helm.installedRelease(request.release, namespace: request.namespace)
        if let release {
            emit("Release \(release.name) in namespace \(release.namespace) (context \(context ?? "(none)")): \(release.status), "
                 + "chart \(release.chart), app \(release.appVersion), revision \(release.revision).")
        } else {
            emit("No release \"\(request.release)\" in namespace \(request.namespace) (context \(context ?? "(none)")).")
        }

        // The pods, now or until they are ready.
        let printer = HeadlessPrinter(emit: emit, simulated: connection.simulated)
        let steps = ClusterSteps(connection: connection, clock: clock, report: { printer.print($0) })
        var ready = false
        if request.watch, release != nil {
            emit("Watching namespace \(request.namespace) until PostHog is ready (Ctrl-C stops watching; it does not stop PostHog).")
            ready = try await steps.watch(namespace: request.namespace, until: .seconds(25 * 60)) == .ready
        } else if let update = try? await NamespacePoller(kubectl: kubectl, namespace: request.namespace, clock: clock).poll() {
            emit("")
            StatusReport.podLines(update).forEach(emit)
            ready = update.decision == .allReady
        }
        guard let release else {
            emit("")
            emit("fix: install PostHog with `posthog-install install` (or pass --namespace/--release if it was installed under other names).")
            return .failed
        }

        // Address, DNS record and checks, from the saved values.
        guard files.exists(request.valuesPath), let text = try? files.readString(request.valuesPath),
              let values = try? YAML.parse(text, file: request.valuesPath) else {
            emit("")
            emit("No \(request.valuesPath) here, so the DNS and TLS checks are skipped (pass --values FILE to run them).")
            return ready && release.status == "deployed" ? .success : .failed
        }
        let cloud = values["cloud"]?.stringValue.flatMap(Cloud.init(rawValue:)) ?? .other
        guard let hostname = values.value(at: ["ingress", "hostname"])?.stringValue else {
            emit("")
            emit("\(request.valuesPath) sets no ingress.hostname, so there is no DNS record to check.")
            return ready && release.status == "deployed" ? .success : .failed
        }
        let source = AddressSource.forCloud(cloud, release: request.release)
        let status = await steps.address(source: source, namespace: request.namespace)
        emit("")
        guard case .ready(let address) = status else {
            let finding = AddressLookup.finding(status, source: source, cloud: cloud, namespace: request.namespace,
                                                simulated: connection.simulated)
            StatusReport.findingLines("Address", finding).forEach(emit)
            return .failed
        }
        DNSInstruction.make(hostname: hostname, address: address).lines.forEach(emit)
        let tls = values.value(at: ["web", "secureCookies"]) != .bool(false)
        let checks = await PostInstallChecks(connection: connection, network: network)
            .run(hostname: hostname, address: address, cloud: cloud, tls: tls, namespace: request.namespace, now: clock.now.date)
        emit("")
        for check in checks { StatusReport.findingLines(check.name, check.finding).forEach(emit) }
        emit("")
        emit("PostHog: \(ClusterSteps.url(hostname: hostname, values: values))")
        return ready && release.status == "deployed" ? .success : .failed
    }
}
