import Effects
import Installer
import Testing
@testable import TUI

/// The install screens' update: confirming the review starts the install into the context it
/// showed, updates fill the state, keys move through pods, go back after a blocker, quit.
@Suite struct WizardInstallTests {
    typealias F = WizardFixtures

    static let simulated = ClusterInfo(
        simulated: true, context: "posthog-simulated", detail: "2 nodes × 2 vCPU, 4 GiB memory",
        reason: "kubectl is not on your PATH.")

    /// A wizard in install mode at the review, preview in.
    static func atReview(cluster: ClusterInfo = simulated) -> WizardState {
        var state = F.start()
        state.launch.runsInstall = true
        state = Wizard.update(state, .cluster(cluster)).0
        state = F.press(F.toReview, on: state).0
        var preview = F.preview
        preview.kubeContext = cluster.context
        return Wizard.update(state, .previewReady(preview)).0
    }

    static let plan: [InstallState.PlannedStep] = [
        .init(id: "repo-add", title: "Add the PostHog chart repository"),
        .init(id: "repo-update", title: "Update the chart repositories"),
        .init(id: "install", title: "Install PostHog (chart 30.46.0)", runsHelm: true),
        .init(id: "watch", title: "Wait for PostHog's pods to start"),
    ]

    static let pods = [
        PodRow(
            name: "chi-posthog-posthog-0-0-0", health: .waiting, status: "Pending (unschedulable)", ready: "0/1", restarts: 0, age: "2m"),
        PodRow(name: "posthog-web-6d4b9c7f5-abcde", health: .ready, status: "Running", ready: "1/1", restarts: 0, age: "2m"),
    ]

    static func running() -> WizardState {
        var (state, _) = F.press([.enter], on: atReview())
        for update: InstallUpdate in [
            .plan(plan, context: "posthog-simulated"), .stepStarted(id: "install", command: "helm install -f values.yaml"),
            .pods(
                PodsReading(
                    ready: 1, total: 2, pods: pods,
                    events: ["chi-posthog-posthog-0-0-0": ["Warning FailedScheduling: 0/1 nodes are available"]])),
        ] {
            state = Wizard.update(state, .install(update)).0
        }
        return state
    }

    @Test func confirmingTheReviewInstallsIntoTheContextItShowed() {
        let (state, effects) = F.press(
            [.enter], on: Self.atReview(cluster: ClusterInfo(simulated: false, context: "do-fra1-prod", detail: "")))
        #expect(state.step == .install)
        #expect(state.install == InstallState())
        guard case .startInstall(let sheet, let context, _)? = effects.first else {
            Issue.record("no install started: \(effects)")
            return
        }
        #expect(context == "do-fra1-prod")
        #expect(sheet.answers["hostname"] == "posthog.example.com")
    }

    @Test func withoutInstallModeConfirmingFinishes() {
        var state = Self.atReview()
        state.launch.runsInstall = false
        let (_, effects) = F.press([.enter], on: state)
        guard case .finish? = effects.first else {
            Issue.record("expected finish: \(effects)")
            return
        }
    }

    @Test func updatesFillTheChecklistPodsAndOutput() {
        var state = Self.running()
        state = Wizard.update(state, .install(.output("NAME: posthog"))).0
        let install = try! #require(state.install)
        #expect(install.phase == .running)
        #expect(install.progress.steps.map(\.status) == [.pending, .pending, .running, .pending])
        #expect(install.helmRunning == "helm install -f values.yaml")
        #expect(install.progress.ready == 1 && install.progress.total == 2)
        #expect(install.progress.outputTail == ["NAME: posthog"])
        let finished = Wizard.update(state, .install(.stepFinished(id: "install", succeeded: true))).0.install
        #expect(finished?.helmRunning == nil, "helm is no longer running once its step ends")
        #expect(finished?.progress.steps[2].status == .done)
    }

    @Test func aPodsEventsAndLogsOpenWithEnter() {
        let (state, effects) = F.press([.down, .up, .enter], on: Self.running())
        #expect(effects == [.loadPodLogs("chi-posthog-posthog-0-0-0")])
        #expect(
            state.install?.podDetail
                == PodDetail(pod: "chi-posthog-posthog-0-0-0", events: ["Warning FailedScheduling: 0/1 nodes are available"]))
        let withLogs = Wizard.update(state, .install(.podLogs(pod: "chi-posthog-posthog-0-0-0", lines: ["starting"]))).0
        #expect(withLogs.install?.podDetail?.logs == ["starting"])
        let text = WizardView.render(withLogs, size: .minimum).plainText()
        #expect(text.contains("FailedScheduling") && text.contains("starting"))
        #expect(F.press([.escape], on: withLogs).0.install?.podDetail == nil, "any key closes the details")
    }

    @Test func quittingDuringTheInstallAsksFirstAndSaysHelmRuns() {
        var state = Self.running()
        state.cluster = ClusterInfo(simulated: false, context: "do-fra1-prod", detail: "")
        let (asked, none) = F.press([.character("q")], on: state)
        #expect(none.isEmpty && asked.overlay == .confirmQuit)
        let box = WizardView.render(asked, size: .minimum).plainText()
        #expect(box.contains("helm install is still running") && box.contains("posthog-install status"))
        #expect(F.press([.enter], on: asked).1.isEmpty, "Enter does not quit an install by accident")
        #expect(F.press([.character("n")], on: asked).0.overlay == nil)
        #expect(F.press([.ctrlC, .character("y")], on: state).1 == [.quit])
    }

    @Test func aPreflightBlockerOffersToGoBack() {
        var state = F.press([.enter], on: Self.atReview()).0
        let report = PreflightReport(checks: [
            PreflightCheck(.clusterSize, .fail, "1 usable node: 1.9 vCPU and 1.4 GiB allocatable.", fix: "Add nodes."),
            PreflightCheck(.tools, .pass, "kubectl and helm found."),
        ])
        state = Wizard.update(state, .install(.preflight(report))).0
        state = Wizard.update(state, .install(.ended(failure: "The preflight found a blocker; nothing was installed."))).0
        #expect(state.install?.phase == .blocked)
        let text = WizardView.render(state, size: .minimum).plainText()
        #expect(text.contains("✗ Cluster size: 1 usable node") && text.contains("Fix: Add nodes."))
        let (back, effects) = F.press([.escape], on: state)
        #expect(back.step == .review && back.install == nil)
        guard case .preparePreview? = effects.first else {
            Issue.record("the review is prepared again: \(effects)")
            return
        }
    }

    @Test func theDNSRecordEndsOnThePostInstallScreen() {
        var state = Self.running()
        for update: InstallUpdate in [
            .waitingForAddress("Service posthog-ingress-nginx-controller"),
            .dnsRecord(
                hostname: "posthog.example.com", recordType: "A", address: "203.0.113.11",
                url: "https://posthog.example.com"),
            .ended(failure: nil),
            .checks([.init(.pending, "DNS: posthog.example.com does not resolve yet.")]),
        ] {
            state = Wizard.update(state, .install(update)).0
        }
        #expect(state.install?.phase == .done)
        let text = WizardView.render(state, size: .minimum).plainText()
        #expect(text.contains("203.0.113.11") && text.contains("DNS: posthog.example.com does not resolve yet."))
        #expect(F.press([.character("r")], on: state).1 == [.recheck])
        #expect(F.press([.character("q")], on: state).1 == [.quit], "nothing is lost: no confirmation")
    }

    @Test func aFailureShowsTheNewestProblem() {
        var state = Self.running()
        let problem = InstallProgressModel.Diagnosis(
            title: "Pod chi-posthog-posthog-0-0-0: cannot be scheduled", cause: "Insufficient memory",
            fix: ["Add nodes."])
        state = Wizard.update(state, .install(.diagnosis(problem))).0
        state = Wizard.update(state, .install(.ended(failure: "Error: INSTALLATION FAILED: timed out"))).0
        #expect(state.install?.phase == .failed)
        #expect(state.install?.progress.diagnosis == problem)
        #expect(F.press([.character("q")], on: state).1 == [.quit], "after the end, q quits at once")
    }

    @Test func thePodsTableKeepsTheSelectedPodInView() {
        #expect(PodTable.window(count: 19, room: 6, selected: 0) == 0..<6)
        #expect(PodTable.window(count: 19, room: 6, selected: 10) == 7..<13)
        #expect(PodTable.window(count: 19, room: 6, selected: 18) == 13..<19)
        #expect(PodTable.window(count: 3, room: 6, selected: 2) == 0..<3)
    }

    // MARK: 80×24 goldens

    @Test func welcomeSaysTheClusterIsSimulated() {
        var state = F.start()
        state.launch.runsInstall = true
        state = Wizard.update(state, .cluster(Self.simulated)).0
        Golden.check(WizardView.render(state, size: .minimum).plainText(), "welcome-simulated")
    }

    @Test func welcomeShowsARealContextThatDoesNotAnswer() {
        var state = F.start()
        state.launch.runsInstall = true
        state =
            Wizard.update(
                state,
                .cluster(
                    ClusterInfo(
                        simulated: false, context: "do-fra1-prod", detail: "",
                        problem: "The connection to the server 127.0.0.1:1 was refused"))
            ).0
        Golden.check(WizardView.render(state, size: .minimum).plainText(), "welcome-unreachable")
    }

    @Test func reviewOfASimulatedInstall() {
        Golden.check(WizardView.render(Self.atReview(), size: .minimum).plainText(), "review-simulated")
    }

    @Test func reviewOfARealInstallNamesTheContext() {
        let state = Self.atReview(cluster: ClusterInfo(simulated: false, context: "do-fra1-prod", detail: "Kubernetes v1.32.2 answers"))
        Golden.check(WizardView.render(state, size: .minimum).plainText(), "review-context")
    }

    @Test func preflightBlocked() {
        var state = F.press([.enter], on: Self.atReview()).0
        let report = PreflightReport(checks: [
            PreflightCheck(.tools, .pass, "kubectl 1.32.4 and helm 3.16.3 found."),
            PreflightCheck(.context, .pass, "Using context \"posthog-simulated\", as you confirmed."),
            PreflightCheck(.reachable, .pass, "The cluster answers."),
            PreflightCheck(
                .clusterSize, .fail,
                "1 usable node: 1.9 vCPU and 1.4 GiB allocatable; PostHog needs at least 4 vCPU and 4 GiB in total (missing 2 vCPU and 2 GiB memory).",
                fix: "Add nodes or use larger nodes so the cluster has at least 4 vCPU and 4 GiB; otherwise pods stay Pending."),
            PreflightCheck(.storage, .warn, "No default storage class.", fix: "Mark one storage class as the default."),
        ])
        state = Wizard.update(state, .install(.preflight(report))).0
        state = Wizard.update(state, .install(.ended(failure: "The preflight found a blocker; nothing was installed."))).0
        Golden.check(WizardView.render(state, size: .minimum).plainText(), "preflight-blocked")
    }

    @Test func stopWatchingConfirmation() {
        var state = Self.running()
        state.cluster = ClusterInfo(simulated: false, context: "do-fra1-prod", detail: "")
        state = F.press([.ctrlC], on: state).0
        Golden.check(WizardView.render(state, size: .minimum).plainText(), "install-quit")
    }
}
