import Cluster
import Effects
import Foundation
import Installer
import Kube
import PosthogTestSupport
import Synchronization
import Testing
import TUI
@testable import PosthogInstallCommands

/// The bridge from the install's events to the wizard's screens, fed with real readings of the
/// simulated cluster (on a manual clock, so the screens are the same on every run), and the
/// 80×24 progress and post-install screens drawn from them.
@Suite struct WizardInstallBridgeTests {
    static let values = """
        cloud: do
        notificationEmail: ops@example.com
        ingress:
          hostname: posthog.example.com
          nginx:
            enabled: true
        cert-manager:
          enabled: true

        """

    /// A simulated cluster on a manual clock, with helm installing into it in the background.
    struct Simulation {
        let clock = ManualClock()
        let connection: ClusterConnection

        init(nodes: String, values: String = WizardInstallBridgeTests.values) throws {
            let files = InMemoryFileSystem(files: ["/work/values.yaml": values], clock: clock)
            connection = try TestConnections.simulated(nodes: nodes, clock: clock, files: files)
        }

        /// Starts `helm install` and moves the clock `seconds` forward, two at a time.
        func install(advancing seconds: Int, timeout: Duration = .seconds(1200)) async throws -> Task<ProcessResult?, Never> {
            try await connection.helm.repoAdd()
            try await connection.helm.repoUpdate()
            var request = HelmReleaseRequest(valuesFile: "/work/values.yaml")
            request.timeout = timeout
            let helm = connection.helm
            let task = Task { try? await helm.install(request, onLine: { _ in }) }
            var moved = 0
            while moved < seconds {
                if await clock.waitForSleepers(1, limit: .milliseconds(50)) {
                    clock.advance(by: .seconds(2))
                    moved += 2
                }
            }
            return task
        }

        func poll() async throws -> NamespacePollUpdate {
            try await NamespacePoller(kubectl: connection.kubectl, namespace: "posthog", clock: clock).poll()
        }
    }

    static let plan = Plans.install(
        PlanOptions(
            chartInfo: (try? ProfileSet(id: "chart-30"))!.chart, context: "posthog-simulated",
            valuesFile: "values.yaml"))

    /// Feeds events through the bridge into an install state.
    static func feed(_ events: [OperationEvent], into state: InstallState = InstallState()) -> (InstallState, WizardInstallBridge) {
        var bridge = WizardInstallBridge()
        var state = state
        for event in events {
            for update in bridge.translate(event) { state = state.applying(update) }
        }
        return (state, bridge)
    }

    static func start(until id: String) -> [OperationEvent] {
        var events: [OperationEvent] = [
            .note("Wrote values.yaml (chart 30.46.0, cloud do, HTTPS, tier small)."),
            .headlessHint("Using values.yaml as it is (give answers such as --tier to change it)."),
            .plan(plan, context: "posthog-simulated"),
        ]
        for step in plan {
            events.append(.stepStarted(step))
            if step.id == id { break }
            events.append(.stepFinished(step, succeeded: true))
        }
        return events
    }

    @Test func aHealthyInstallInProgress() async throws {
        let simulation = try Simulation(nodes: "2x2cpu4gi")
        let helm = try await simulation.install(advancing: 12)
        defer { helm.cancel() }
        let update = try await simulation.poll()
        var (state, bridge) = Self.feed(
            Self.start(until: "install") + [
                .toolOutput("\"posthog\" has been added to your repositories"),
                .progress(update, elapsed: .seconds(12)),
            ])
        state = state.applying(.elapsed(12))
        #expect(
            state.log == ["Wrote values.yaml (chart 30.46.0, cloud do, HTTPS, tier small)."], "the headless hint about flags is left out")
        #expect(state.helmRunning?.hasPrefix("helm install -f values.yaml") == true)
        #expect(state.progress.steps.map(\.status) == [.done, .done, .running, .pending, .pending])
        #expect(state.progress.pods.count == update.objects.snapshot.pods.count && !state.progress.pods.isEmpty)
        #expect(state.diagnoses.isEmpty, "volumes that wait for their pod are how every install starts: \(state.diagnoses)")
        #expect(bridge.pods.count == state.progress.pods.count)
        let canvas = InstallProgressView.render(state.progress, size: .minimum, hints: [KeyHint("q", "stop watching")], selectedPod: 0)
        Golden.check(canvas.plainText(), "install-progress-simulated")
    }

    @Test func anUndersizedClusterShowsTheDiagnosis() async throws {
        let values =
            Self.values + """
                clickhouse:
                  resources:
                    requests:
                      cpu: 500m
                      memory: 2Gi

                """
        let simulation = try Simulation(nodes: "1x2cpu2gi", values: values)
        let helm = try await simulation.install(advancing: 90)
        defer { helm.cancel() }
        let update = try await simulation.poll()
        guard case .stop = update.decision else {
            Issue.record("expected the watch to stop: \(update.decision)")
            return
        }
        let install = Self.plan.first { $0.id == "install" }!
        var events = Self.start(until: "install") + [OperationEvent.progress(update, elapsed: .seconds(90))]
        events += update.diagnoses.map { OperationEvent.diagnosis($0) }
        events += [
            .stepFinished(install, succeeded: false),
            .failure("Error: INSTALLATION FAILED: failed post-install: timed out waiting for the condition"),
        ]
        var (state, bridge) = Self.feed(events)
        state = state.applying(.ended(failure: bridge.lastProblem))
        #expect(state.phase == .failed)
        #expect(bridge.lastProblem == "Error: INSTALLATION FAILED: failed post-install: timed out waiting for the condition")
        let shown = try #require(state.progress.diagnosis)
        #expect(shown.cause.hasPrefix("Pod chi-posthog-posthog-0-0-0: "), "\(shown)")
        #expect(shown.cause.contains("memory"), "\(shown)")
        let pending = try #require(state.progress.pods.first { $0.name == "chi-posthog-posthog-0-0-0" })
        #expect(pending.status == "Pending" && pending.health == .failing)
        #expect(state.podEvents["chi-posthog-posthog-0-0-0"]?.contains { $0.contains("FailedScheduling") } == true)
        var wizard = WizardState(profile: try ProfileSet(id: "chart-30"))
        wizard.launch.runsInstall = true
        wizard.step = .install
        wizard.cluster = ClusterInfo(simulated: true, context: "posthog-simulated", detail: "1 node × 2 vCPU, 2 GiB memory")
        wizard.install = state
        Golden.check(WizardView.render(wizard, size: .minimum).plainText(), "install-diagnosis-simulated")
    }

    @Test func theReasonARunEndedComesFromTypedEventsNotFromWords() {
        var bridge = WizardInstallBridge()
        // A note that merely mentions an error is not the problem.
        _ = bridge.translate(.note("Error: this is only a note"))
        #expect(bridge.lastProblem == nil)
        // Failure lines in a row are one problem; the next failure after anything else is a new one.
        _ = bridge.translate(.failure("Error: --clickhouse 2Gi is smaller than the current 20Gi."))
        _ = bridge.translate(.failure("values.yaml was left as it is."))
        #expect(bridge.lastProblem == "Error: --clickhouse 2Gi is smaller than the current 20Gi. values.yaml was left as it is.")
        _ = bridge.translate(.stopped("  Stopped waiting: Pod posthog-web-1: back-off restarting failed container."))
        #expect(bridge.lastProblem == "Stopped waiting: Pod posthog-web-1: back-off restarting failed container.")
        #expect(bridge.translate(.headlessHint("Using values.yaml as it is (give answers such as --tier to change it).")).isEmpty)
    }

    @Test func theAddressEndsOnThePostInstallScreen() throws {
        let instruction = DNSInstruction.make(hostname: "posthog.example.com", address: ExternalAddress(kind: .ipv4, value: "203.0.113.11"))
        let (state, _) = Self.feed(
            Self.start(until: "watch") + [
                .waitingForAddress(.service("posthog-ingress-nginx-controller")),
                .dnsRecord(instruction, hostname: "posthog.example.com", url: "https://posthog.example.com"),
            ])
        #expect(state.phase == .done)
        #expect(state.progress.steps.last?.status == .done)
        let post = try #require(state.post)
        #expect(post.address == "203.0.113.11" && post.recordType == "A")
    }

    @Test func statusWordsAndAges() {
        #expect(PodRow.age(seconds: 42) == "42s")
        #expect(PodRow.age(seconds: 600) == "10m")
        #expect(PodRow.age(seconds: 3 * 3600) == "3h")
        #expect(WizardInstallBridge.runsHelmRelease(["helm", "install", "-f", "values.yaml"]))
        #expect(!WizardInstallBridge.runsHelmRelease(["helm", "repo", "update"]))
        let waiting = Diagnosis(
            code: .volumeWaitsForPod, subject: "PersistentVolumeClaim data-x", summary: "data-x waits for its pod",
            details: ["WaitForFirstConsumer: waiting for first consumer to be created before binding"], fix: "…")
        #expect(!WizardInstallBridge.worthShowing(waiting))
        var provisioning = Diagnosis(
            code: .pvcPending, subject: "PersistentVolumeClaim data-x", summary: "data-x has no volume yet", fix: "…")
        provisioning.object = DiagnosedObject(kind: "PersistentVolumeClaim", name: "data-x")
        provisioning.inProgress = true
        #expect(WizardInstallBridge.model(provisioning).waiting?.contains("after 120 s") == true, "shown as a wait with its deadline")
        #expect(WizardInstallBridge.translate(provisioning).isEmpty, "a wait is not kept as a lasting problem")
        let crash = Diagnosis(code: .crashLoop, subject: "Pod web", summary: "keeps crashing", fix: "Read the log.")
        #expect(WizardInstallBridge.worthShowing(crash))
        #expect(
            WizardInstallBridge.model(crash) == .init(title: "keeps crashing", cause: "Pod web: keeps crashing", fix: ["Read the log."]))
    }
}

/// Goldens shared with the TUI tests (`Tests/TUITests/Goldens`; `UPDATE_GOLDENS=1` rewrites them).
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("TUITests/Goldens")

    static func check(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] == "1" {
            try? text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden \(name).txt; run with UPDATE_GOLDENS=1 and review it", sourceLocation: sourceLocation)
            return
        }
        #expect(expected == text, "\(name).txt differs; the screen now:\n\(text)", sourceLocation: sourceLocation)
    }
}

extension WizardInstallBridge {
    /// The updates for one reported diagnosis on a fresh bridge.
    static func translate(_ diagnosis: Diagnosis) -> [InstallUpdate] {
        var bridge = WizardInstallBridge()
        return bridge.translate(.diagnosis(diagnosis))
    }
}
