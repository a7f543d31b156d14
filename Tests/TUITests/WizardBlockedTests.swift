import Effects
import Installer
import Testing
@testable import TUI

/// The preflight's blocked screen: installing anyway when every blocker is about the cluster's
/// size, reserving the GKE static IP with gcloud, each behind a confirmation, and the Cloud
/// Console steps when gcloud is missing.
@Suite struct WizardBlockedTests {
    typealias F = WizardFixtures

    static let tooSmall = PreflightCheck(
        .clusterSize, .fail,
        "1 usable node: 1.9 vCPU and 1.4 GiB allocatable; PostHog needs at least 4 vCPU and 4 GiB in total (missing 2 vCPU and 2 GiB memory).",
        fix: "Add nodes or use larger nodes so the cluster has at least 4 vCPU and 4 GiB; otherwise pods stay Pending.")
    static let pending = PreflightCheck(
        .placement, .fail, "3 of 13 pods would stay Pending (they request 2.1 vCPU and 3.2 GiB in total).",
        fix: "Add nodes with more memory.")
    static let passed = [
        PreflightCheck(.tools, .pass, "kubectl 1.32.4 and helm 3.16.3 found."),
        PreflightCheck(.reachable, .pass, "The cluster answers."),
    ]
    static let create = ["gcloud", "compute", "addresses", "create", "posthog", "--global"]

    /// The install screen after a preflight with `checks`; `ended` once the blocked run is over.
    static func blocked(_ checks: [PreflightCheck], ended: Bool = true, consent: PreflightConsent = PreflightConsent()) -> WizardState {
        var state = F.press([.enter], on: WizardInstallTests.atReview()).0
        state.install = InstallState(consent: consent)
        state = Wizard.update(state, .install(.preflight(PreflightReport(checks: checks)))).0
        if ended { state = Wizard.update(state, .install(.ended(failure: "The preflight found a blocker; nothing was installed."))).0 }
        return state
    }

    static func text(_ state: WizardState) -> String { WizardView.render(state, size: .minimum).plainText() }

    @Test func aTooSmallClusterOffersToInstallAnywayAfterAConfirmation() {
        let state = Self.blocked(Self.passed + [Self.tooSmall, Self.pending])
        #expect(Self.text(state).contains("Press a to install anyway — my node pool adds nodes by itself."))
        let (asking, none) = F.press([.character("a")], on: state)
        #expect(none.isEmpty, "nothing runs before the confirmation")
        #expect(asking.install?.confirming == .installOnGrowingNodePool)
        let box = Self.text(asking)
        #expect(box.contains("Install anyway?") && box.contains("Only say yes if your node pool adds nodes by itself"))
        #expect(F.press([.character("n")], on: asking).0.install?.confirming == nil)
        #expect(F.press([.enter], on: asking).1.isEmpty, "Enter does not agree by accident")

        let (rerun, effects) = F.press([.character("y")], on: asking)
        let consent = PreflightConsent(nodePoolAutoscales: true, preflightSeen: true)
        #expect(effects == [.startInstall(WizardFlow.finalSheet(rerun), context: "posthog-simulated", consent: consent)])
        #expect(rerun.install == InstallState(consent: consent), "the install starts again from the preflight")
        #expect(rerun.step == .install)
    }

    @Test func noSmallerTierIsSuggestedOnTheSmallestTier() {
        var smallest = Self.blocked(Self.passed + [Self.tooSmall])
        smallest.answers["tier"] = "minimal"
        #expect(!Self.text(smallest).contains("smaller tier"), Comment(rawValue: Self.text(smallest)))
        guard case .help(_, let help) = WizardHelp.overlay(smallest) else {
            Issue.record("no help")
            return
        }
        #expect(!help.contains("smaller tier"))
        var small = smallest
        small.answers["tier"] = "small"
        #expect(Self.text(small).contains("for example a smaller tier"))
    }

    @Test func anyOtherBlockerLeavesOnlyGoingBack() {
        let state = Self.blocked(Self.passed + [Self.tooSmall, PreflightCheck(.storage, .fail, "The cluster has no storage class.")])
        #expect(!Self.text(state).contains("Press a"))
        #expect(F.press([.character("a")], on: state).0 == state)
        let (back, _) = F.press([.escape], on: state)
        #expect(back.step == .review && back.install == nil)
    }

    @Test func theOfferWaitsUntilTheBlockedRunHasEnded() {
        let state = Self.blocked(Self.passed + [Self.tooSmall], ended: false)
        #expect(state.install?.phase == .blocked)
        #expect(!Self.text(state).contains("Press a"))
        #expect(F.press([.character("a")], on: state).0.install?.confirming == nil)
    }

    @Test func aMissingStaticIPIsReservedWithGcloudAfterShowingTheCommand() {
        let missing = StaticIPStep.preflightCheck(.missing)
        let state = Self.blocked(Self.passed + [missing], consent: PreflightConsent(nodePoolAutoscales: true))
        let screen = Self.text(state)
        #expect(screen.contains("Press c to create the static IP posthog with gcloud."))
        #expect(screen.contains("Fix: Press c to have posthog-install run `gcloud compute addresses create"))
        #expect(screen.contains("posthog --global`, or run it yourself."))
        #expect(!screen.contains("--yes"), "the headless flag means nothing here")
        let (asking, _) = F.press([.character("c")], on: state)
        #expect(asking.install?.confirming == .reserveStaticIP(command: Self.create))
        #expect(Self.text(asking).contains("  gcloud compute addresses create posthog --global"))
        let (_, effects) = F.press([.character("y")], on: asking)
        guard case .startInstall(_, _, let consent)? = effects.first else {
            Issue.record("no new run: \(effects)")
            return
        }
        #expect(
            consent == PreflightConsent(nodePoolAutoscales: true, reserveStaticIP: true, preflightSeen: true), "earlier consent is kept")
    }

    /// On GKE without gcloud, the static IP only warns; the blocked screen (another blocker: here
    /// an earlier install) still shows how to reserve it in the Cloud Console.
    static let earlierInstall = PreflightCheck(
        .existingRelease, .fail, "PostHog is already installed here: release \"posthog\" in namespace \"posthog\".",
        fix: "Upgrade it instead with `posthog-install upgrade`.")

    @Test func withoutGcloudTheCloudConsoleStepsAreShown() {
        let state = Self.blocked(Self.passed + [Self.earlierInstall, StaticIPStep.preflightCheck(.gcloudMissing)])
        let screen = Self.text(state)
        #expect(screen.contains("gcloud is not installed here"))
        #expect(
            screen.contains("Reserve external static address") && screen.contains("3. Name: posthog") && screen.contains("6. Type: Global")
                && screen.contains("then run posthog-install again."),
            "\(screen)")
        #expect(!screen.contains("Press c"))
        #expect(F.press([.character("c")], on: state).0.install?.confirming == nil)
    }

    @Test func aJobFromTheMenuIsNotOfferedToInstallAnyway() {
        let install = InstallState(task: .upgrade).applying(.preflight(PreflightReport(checks: [Self.tooSmall])))
            .applying(.ended(failure: "The preflight found a blocker."))
        #expect(install.phase == .blocked)
        #expect(install.offers.isEmpty, "only the first install is started again with a consent")
        #expect(InstallState().applying(.preflight(PreflightReport(checks: [Self.tooSmall]))).offers == [.installOnGrowingNodePool])
    }

    @Test func ctrlCDuringTheConfirmationAsksToQuit() {
        let asking = F.press([.character("a")], on: Self.blocked([Self.tooSmall]))
        let (quitting, _) = F.press([.ctrlC], on: asking.0)
        #expect(quitting.overlay == .confirmQuit && quitting.install?.confirming == nil)
    }

    @Test func helpNamesTheOffers() {
        let (help, _) = F.press([.character("?")], on: Self.blocked([Self.tooSmall]))
        guard case .help(_, let text)? = help.overlay else {
            Issue.record("no help")
            return
        }
        #expect(text.contains("a installs anyway when your node pool adds nodes by itself"))
    }

    // MARK: 80×24 goldens

    @Test func installAnywayConfirmation() {
        let asking = F.press([.character("a")], on: Self.blocked(Self.passed + [Self.tooSmall, Self.pending])).0
        Golden.check(Self.text(asking), "preflight-install-anyway")
    }

    @Test func staticIPOffer() {
        Golden.check(Self.text(Self.blocked(Self.passed + [StaticIPStep.preflightCheck(.missing)])), "preflight-static-ip")
    }

    @Test func staticIPConfirmation() {
        let asking = F.press([.character("c")], on: Self.blocked(Self.passed + [StaticIPStep.preflightCheck(.missing)])).0
        Golden.check(Self.text(asking), "preflight-static-ip-confirm")
    }

    @Test func consoleStepsWithoutGcloud() {
        let state = Self.blocked(Self.passed + [Self.earlierInstall, StaticIPStep.preflightCheck(.gcloudMissing)])
        Golden.check(Self.text(state), "preflight-console-steps")
    }
}
