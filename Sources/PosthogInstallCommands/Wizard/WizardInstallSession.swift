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

/// The wizard's install: writes the reviewed files, runs `InstallRun` against the chosen
/// cluster with its events translated for the screens, keeps the clock on screen, refreshes the
/// DNS and HTTPS checks afterwards, reads a pod's logs on request, and says where things stand
/// when the person leaves.
final class WizardInstallSession: Sendable {
    /// How the session reaches the world.
    struct Environment: Sendable {
        /// The cluster chosen at start.
        var cluster: Task<WizardClusterProbe.Choice, Never>
        /// Clock of the install (scaled for the simulated cluster when asked).
        var clock: any WallClock
        /// Runs kubectl and helm on a real cluster.
        var runner: any ProcessRunner
        /// Where helm's output goes when it may outlive the wizard.
        var stateDirectory: String
        /// The DNS and HTTPS checks.
        var checks: WizardPostInstallChecks
        /// How often the checks run again by themselves.
        var checkInterval: Duration = .seconds(5)
    }

    private struct Shared {
        var task: Task<Void, Never>?
        var bridge = WizardInstallBridge()
        var connection: ClusterConnection?
        var helm: WizardHelmRunner?
        var instruction: DNSInstruction?
        var url: String?
        var code: ToolExitCode?
    }

    let command: WizardCommand
    let environment: Environment
    private let shared = Mutex(Shared())
    private let loop: WizardCheckLoop

    init(command: WizardCommand, environment: Environment) {
        self.command = command
        self.environment = environment
        loop = WizardCheckLoop(checks: environment.checks, interval: environment.checkInterval)
    }

    /// Starts the install in the background; `report` receives the screens' updates.
    /// `consent` is what the person agreed to on the preflight's blocked screen (a re-run).
    func start(
        _ sheet: AnswerSheet, profile: ProfileSet, context: String?, consent: PreflightConsent = PreflightConsent(),
        report: @escaping @Sendable (InstallUpdate) -> Void
    ) {
        let task = Task { await self.run(sheet, profile: profile, context: context, consent: consent, report: report) }
        shared.withLock {
            $0.task?.cancel()
            $0 = Shared()
            $0.task = task
        }
    }

    private func run(
        _ sheet: AnswerSheet, profile: ProfileSet, context: String?, consent: PreflightConsent,
        report: @escaping @Sendable (InstallUpdate) -> Void
    ) async {
        let summary: String
        do { summary = try command.write(sheet, profile: profile) } catch {
            report(.note("Error: \(error)"))
            report(.ended(failure: "values.yaml could not be written: \(error)"))
            return
        }
        summary.split(separator: "\n").forEach { report(.note(String($0))) }
        let choice = await environment.cluster.value
        let connection: ClusterConnection
        if choice.info.simulated {
            do {
                connection = try .simulated(
                    nodes: choice.simulatedNodes, cloud: sheet.cloud?.rawValue ?? "do", clock: environment.clock,
                    files: command.files)
            } catch {
                report(.ended(failure: "The simulated cluster could not be set up: \(error)"))
                return
            }
        } else {
            let helm = WizardHelmRunner(base: environment.runner, directory: environment.stateDirectory, files: command.files)
            shared.withLock { $0.helm = helm }
            connection = .real(context: context, runner: helm)
        }
        shared.withLock { $0.connection = connection }

        let ticker = ElapsedTicker(clock: environment.clock, report: report)
        let run = InstallRun(
            files: command.files, profiles: command.profiles, secrets: command.secrets, connection: connection,
            clock: environment.clock,
            report: { [weak self] event in
                guard let self else { return }
                for update in self.translate(event) { report(update) }
            })
        var request = InstallRun.Request()
        request.values.output = command.valuesPath
        request.context = context
        request.consent = consent
        // The first run only checks: the wizard shows the preflight's result, and Enter starts the install.
        request.stopAfterPreflight = !consent.preflightSeen
        let code = await run.execute(request)
        ticker.stop()
        shared.withLock { $0.code = code }
        guard code == .success else {
            report(.ended(failure: failureText(code)))
            return
        }
        report(.ended(failure: nil))
        guard let (instruction, url) = shared.withLock({ s in s.instruction.map { ($0, s.url ?? "") } }) else { return }
        await loop.run(
            record: instruction.record, https: url.hasPrefix("https"), cloud: sheet.cloud ?? .other,
            simulated: choice.info.simulated, report: report)
    }

    private func translate(_ event: OperationEvent) -> [InstallUpdate] {
        shared.withLock { s in
            if case let .dnsRecord(instruction, _, url) = event {
                s.instruction = instruction
                s.url = url
            }
            return s.bridge.translate(event)
        }
    }

    private func failureText(_ code: ToolExitCode) -> String {
        if code == .preflightBlocked { return "The preflight found a blocker; nothing was installed." }
        let problem = shared.withLock { $0.bridge.lastProblem }
        return problem ?? "The install did not finish (exit code \(code.rawValue))."
    }

    /// Stops the checks (the person went on to the jobs for the installed PostHog).
    func stopChecks() {
        shared.withLock { $0.task?.cancel() }
        loop.stop()
    }

    /// Runs the checks again now (the `r` key).
    func recheck() { loop.recheck() }

    /// The last log lines of each container of a pod (its previous run's for one that restarted).
    func podLogs(_ name: String) async -> [String] {
        guard let (connection, pod) = shared.withLock({ s in s.connection.flatMap { c in s.bridge.pods[name].map { (c, $0) } } }) else {
            return ["(the pod is not known yet)"]
        }
        let namespace = pod.metadata.namespace.isEmpty ? "posthog" : pod.metadata.namespace
        var lines: [String] = []
        for status in pod.status.initContainerStatuses + pod.status.containerStatuses {
            let kubectl = connection.kubectl
            if pod.status.containerStatuses.count + pod.status.initContainerStatuses.count > 1 { lines.append("[\(status.name)]") }
            do {
                if status.restartCount > 0 {
                    lines += try await kubectl.previousLogs(pod: name, container: status.name, namespace: namespace, tail: 15)
                } else {
                    let command = kubectl.command(["logs", name, "-c", status.name, "--tail", "15"], namespace: namespace, json: false)
                    lines += try await kubectl.text(command).split(separator: "\n").map(String.init)
                }
            } catch let error as KubectlError {
                lines.append("(\(error.message))")
            } catch {
                lines.append("(\(error))")
            }
        }
        return lines
    }

    /// Leaves the install as it stands (a helm command is left running in the background) and
    /// returns what to print once the terminal is restored, with the exit code.
    func leave(_ state: InstallState, simulated: Bool) async -> (text: String, code: ToolExitCode) {
        let helm = shared.withLock { $0.helm }
        let left = state.ended ? nil : await helm?.detach()
        shared.withLock { $0.task?.cancel() }
        let instruction = shared.withLock { $0.instruction }
        let status =
            "Run posthog-install status\(simulated ? " --simulate" : "") to see the pods, the address and the DNS and HTTPS checks at any time."
        switch state.phase {
        case .done:
            if simulated {
                return (
                    "PostHog was installed on the simulated cluster; nothing real was installed.\n"
                        + "\(status)\n"
                        + "To install for real, point kubectl at your cluster (kubectl config use-context NAME) and run posthog-install again.",
                    .success
                )
            }
            var lines = ["PostHog is installed."]
            if let instruction { lines += [""] + instruction.lines }
            if let post = state.post { lines += ["", "When the record resolves, PostHog is at \(post.url)"] }
            return ((lines + [status]).joined(separator: "\n"), .success)
        case .blocked:
            let count = state.preflight?.blockers.count ?? 1
            return (
                """
                Nothing was installed: the preflight found \(count) blocker\(count == 1 ? "" : "s"). \(command.valuesPath) is kept; \
                run posthog-install again to change your answers, or fix the cluster and run it again.
                """, .preflightBlocked
            )
        case .failed where state.ended:
            let why = state.failure ?? "the install did not finish"
            return ("The install did not finish: \(why)\n\(status)", .failed)
        default:
            if simulated {
                return (
                    "Stopped: the simulated install stopped with posthog-install; nothing ran on a real cluster.\n"
                        + "The simulated release it left half-installed stays, as a real one would: "
                        + "posthog-install uninstall --simulate removes it (the next install's checks say so too).", .stopped
                )
            }
            if let left {
                let pid = left.pid.map { " (process \($0))" } ?? ""
                return (
                    """
                    Stopped watching. \(left.commandLine) is still running in the background\(pid); its output goes to \(left.outputFile).
                    \(status)
                    """, .stopped
                )
            }
            if state.phase == .checked || (state.phase == .checking && state.plan.isEmpty) {
                return ("Stopped before anything was installed. \(command.valuesPath) is written and kept.", .stopped)
            }
            return ("Stopped watching; helm is not running. PostHog's pods may still be starting.\n\(status)", .stopped)
        }
    }
}
