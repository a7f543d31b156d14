import Effects
import Installer
import Testing
@testable import TUI

/// The preflight's result is shown before the install even when nothing blocks: the first run
/// only checks, its result waits for Enter (install, the preflight seen) or Esc (the review).
@Suite struct WizardPreflightShownTests {
    typealias F = WizardFixtures

    static let warning = PreflightCheck(.storage, .warn, "No default storage class.", fix: "Mark one storage class as the default.")

    /// The install screens after the first run's preflight passed with `checks`.
    static func checked(_ checks: [PreflightCheck]) -> WizardState {
        var state = F.press([.enter], on: WizardInstallTests.atReview()).0
        state = Wizard.update(state, .install(.preflight(PreflightReport(checks: checks)))).0
        return Wizard.update(state, .install(.ended(failure: nil))).0
    }

    @Test func theFirstRunStopsAtThePreflightAndEnterInstalls() {
        let review = WizardInstallTests.atReview()
        let (started, effects) = F.press([.enter], on: review)
        guard case .startInstall(_, _, let consent)? = effects.first else {
            Issue.record("no run: \(effects)")
            return
        }
        #expect(!consent.preflightSeen, "the first run only checks")
        let state = Self.checked(WizardBlockedTests.passed + [Self.warning])
        #expect(state.install?.phase == .checked)
        #expect(started.step == .install)
        let (installing, next) = F.press([.enter], on: state)
        let seen = PreflightConsent(preflightSeen: true)
        #expect(next == [.startInstall(WizardFlow.finalSheet(state), context: "posthog-simulated", consent: seen)])
        #expect(installing.install == InstallState(consent: seen))
        // That run goes on to install: its end is the installed screen, not the preflight again.
        var done = Wizard.update(installing, .install(.preflight(PreflightReport(checks: WizardBlockedTests.passed)))).0
        done = Wizard.update(done, .install(.ended(failure: nil))).0
        #expect(done.install?.phase == .done)
    }

    @Test func escGoesBackToTheReviewAndQAsksFirst() {
        let state = Self.checked(WizardBlockedTests.passed)
        let (back, effects) = F.press([.escape], on: state)
        #expect(back.step == .review)
        #expect(back.install == nil)
        guard case .preparePreview? = effects.first else {
            Issue.record("the review is prepared again: \(effects)")
            return
        }
        #expect(F.press([.character("q")], on: state).0.overlay == .confirmQuit)
        #expect(F.press([.ctrlC], on: state).0.overlay == .confirmQuit)
        if case .help? = F.press([.character("?")], on: state).0.overlay {} else { Issue.record("? opens help") }
    }

    @Test func warningsAreShownWithTheirFix() {
        let text = WizardView.render(Self.checked(WizardBlockedTests.passed + [Self.warning]), size: .minimum).plainText()
        #expect(text.contains("Preflight passed with 1 warning"))
        #expect(text.contains("! Storage: No default storage class."))
        #expect(text.contains("Fix: Mark one storage class as the default."))
        #expect(text.contains("Press Enter to install, or Esc to change your answers."))
        #expect(text.contains("Enter install  Esc back"))
    }

    @Test func passedGolden() {
        Golden.check(
            WizardView.render(Self.checked(WizardBlockedTests.passed + [Self.warning]), size: .minimum).plainText(),
            "preflight-passed")
    }
}
