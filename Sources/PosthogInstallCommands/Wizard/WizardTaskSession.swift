import Cluster
import Effects
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Installer
import Kube
import Synchronization
import TUI

/// The jobs the wizard's menu offers once PostHog is installed: finds the release, prepares
/// each job's screen (what is installed, the notes, the sizes, the commands) and runs the
/// job's headless run with its events translated for the install screens.
final class WizardTaskSession: Sendable {
    /// How the session reaches the world.
    struct Environment: Sendable {
        /// The cluster chosen at start.
        var cluster: Task<WizardClusterProbe.Choice, Never>
        /// Clock of the jobs (scaled for the simulated cluster when asked).
        var clock: any WallClock
        /// Runs kubectl, helm and gcloud on a real cluster.
        var runner: any ProcessRunner
        /// Where the simulated cluster and the transcripts are kept.
        var paths: XDGPaths = .current
        /// The simulated cluster's state (a file between runs; in memory in tests).
        var simulatedState: ClusterConnection.SimulatedState = .standard
        /// How long a job waits for the pods after helm (tests on scaled clocks give more).
        var patience: Duration = Waits.pods
        /// The DNS and HTTPS checks of a job that ends on the DNS record (HTTPS for a 1-click
        /// install); nil leaves them out.
        var checks: WizardPostInstallChecks?
    }

    /// The release the menu's jobs work on (design.md: fixed names).
    static let release = "posthog"
    /// Its namespace.
    static let namespace = "posthog"

    private struct Shared {
        var connection: ClusterConnection?
        var running: Task<Void, Never>?
        var background: [WizardTask: Task<Void, Never>] = [:]
    }

    let command: WizardCommand
    let environment: Environment
    private let shared = Mutex(Shared())
    /// The Prometheus port-forward of the connection-details screen, while one was started.
    let prometheusForward = Mutex<WizardPrometheusForward?>(nil)
    /// The checks of the DNS record a job ended on, while its screen is shown.
    let checkLoop = Mutex<WizardCheckLoop?>(nil)

    /// A session on the cluster `environment.cluster` names; `connection` is used instead when given.
    init(command: WizardCommand, environment: Environment, connection: ClusterConnection? = nil) {
        self.command = command
        self.environment = environment
        shared.withLock { $0.connection = connection }
    }

    // MARK: The cluster

    /// The connection to the chosen cluster, opened once (the simulated one from its saved state).
    func connection() async throws -> ClusterConnection {
        if let open = shared.withLock({ $0.connection }) { return open }
        let choice = await environment.cluster.value
        let connection: ClusterConnection
        if choice.info.simulated {
            connection = try ClusterConnection.simulated(
                nodes: choice.simulatedNodes, cloud: nil, clock: environment.clock,
                files: command.files, state: environment.simulatedState,
                paths: environment.paths)
        } else {
            connection = .real(context: choice.info.context, runner: environment.runner, paths: environment.paths, clock: environment.clock)
        }
        shared.withLock { $0.connection = connection }
        return connection
    }

    /// The cluster as the welcome screen names it, with the PostHog release found there.
    func clusterInfo() async -> ClusterInfo {
        var info = await environment.cluster.value.info
        guard info.problem == nil, let connection = try? await connection() else { return info }
        // Its size, for the tier screen (the preflight checks it again before installing).
        if let nodes = try? await connection.kubectl.nodes() {
            let size = ClusterSizeCheck.check(nodes: nodes)
            info.capacity = ClusterCapacity(
                nodes: nodes.filter { !$0.unschedulable && $0.isReady }.count,
                allocatable: size.allocatable, capacity: size.capacity)
        }
        guard let release = try? await connection.helm.installedRelease(Self.release, namespace: Self.namespace) else { return info }
        info.release = InstalledPostHog(
            release: release.name, namespace: release.namespace,
            chartVersion: release.chartVersion ?? release.chart,
            appVersion: release.appVersion.isEmpty ? nil : release.appVersion, status: release.status)
        return info
    }

    // MARK: Jobs

    /// Prepares a job's screen.
    func prepare(_ task: WizardTask, _ inputs: TaskInputs) async -> WizardEvent {
        do {
            switch task {
            case .upgrade, .changeSettings: return try await prepareUpgrade(inputs)
            case .uninstall: return try await prepareUninstall(inputs)
            case .oneClickTLS: return try await prepareTLS(inputs)
            case .resize: return try await prepareResize(inputs)
            case .info: return try await prepareInfo(inputs)
            case .install: return .taskUnavailable(task, "The install starts from the welcome screen when nothing is installed.")
            }
        } catch {
            return .taskUnavailable(task, "\(error)")
        }
    }

    /// Runs a job in the background; `report` receives the screens' updates.
    func run(_ task: WizardTask, _ inputs: TaskInputs, context: String?, report: @escaping @Sendable (InstallUpdate) -> Void) {
        let job = Task {
            var start = WizardInstallBridge()
            start.waitsForAddress = [.upgrade, .oneClickTLS].contains(task)
            start.showsDNSScreen = task == .oneClickTLS
            let bridge = Mutex(start)
            let record = Mutex<(DNSRecord, String)?>(nil)
            let translate: @Sendable (OperationEvent) -> Void = { event in
                if case let .dnsRecord(instruction, _, url) = event { record.withLock { $0 = (instruction.record, url) } }
                for update in bridge.withLock({ $0.translate(event) }) { report(update) }
            }
            let ticker = ElapsedTicker(clock: environment.clock, report: report)
            let code: ToolExitCode
            do {
                let connection = try await connection()
                switch task {
                case .upgrade, .changeSettings: code = await runUpgrade(inputs, connection: connection, context: context, report: translate)
                case .uninstall: code = await runUninstall(inputs, connection: connection, context: context, report: translate)
                case .oneClickTLS: code = await runTLS(inputs, connection: connection, context: context, report: translate)
                case .resize: code = await runResize(inputs, connection: connection, context: context, report: translate)
                case .info, .install: code = .success
                }
            } catch {
                report(.note("Error: \(error)"))
                code = .failed
            }
            ticker.stop()
            if code == .success {
                report(.ended(failure: nil))
                // The DNS record's screen goes on checking DNS and HTTPS, as after an install.
                if start.showsDNSScreen, let checks = environment.checks, let (dns, url) = record.withLock({ $0 }) {
                    let loop = WizardCheckLoop(checks: checks)
                    checkLoop.withLock {
                        $0?.stop()
                        $0 = loop
                    }
                    await loop.run(
                        record: dns, https: url.hasPrefix("https"), cloud: .do,
                        simulated: await environment.cluster.value.info.simulated, report: report)
                }
            } else {
                let problem = bridge.withLock { $0.lastProblem }
                report(
                    .ended(
                        failure: code == .preflightBlocked
                            ? "The preflight found a blocker; nothing was changed."
                            : problem ?? "\(task.title) did not finish (exit code \(code.rawValue))."))
            }
        }
        shared.withLock {
            $0.running?.cancel()
            $0.running = job
        }
    }

    /// Keeps something a job started running until `stop` (a port-forward).
    func keep(_ task: WizardTask, _ work: Task<Void, Never>) {
        shared.withLock { s in
            s.background[task]?.cancel()
            s.background[task] = work
        }
    }

    /// Runs the checks of a job's DNS record again now (the `r` key).
    func recheck() { checkLoop.withLock { $0?.recheck() } }

    /// Stops what a job left running.
    func stop(_ task: WizardTask) {
        checkLoop.withLock {
            $0?.stop()
            $0 = nil
        }
        shared.withLock { s in
            s.background[task]?.cancel()
            s.background[task] = nil
        }
    }

    /// What to print after leaving a job's screens, once the terminal is restored, with the exit code.
    static func leave(_ state: InstallState) -> (text: String, code: ToolExitCode) {
        let titles = state.task.runningTitle
        var lines: [String] = []
        if !state.ended {
            let helm =
                state.helmRunning.map { " \($0.split(separator: " ").prefix(2).joined(separator: " ")) keeps running in the background." }
                ?? ""
            lines.append("Stopped watching: \(state.task.title.lowercased()) was still under way.\(helm)")
            lines.append("posthog-install status shows how it is going.")
            return (lines.joined(separator: "\n"), .stopped)
        }
        if let failure = state.failure {
            lines.append("\(titles.failed): \(failure)")
            lines += state.diagnoses.flatMap { ["  \($0.title): \($0.cause)"] + $0.fix.map { "  fix: \($0)" } }
            lines.append("posthog-install status shows the release and its pods.")
            return (lines.joined(separator: "\n"), .failed)
        }
        lines.append(titles.done + ".")
        return (lines.joined(separator: "\n"), .success)
    }
}
