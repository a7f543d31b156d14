import Installer
import Testing
@testable import TUI

/// The Installed screen: `r` checks again and the screen says what changed; `m` leads to the
/// jobs for the installed PostHog; the headline never claims success above a failing check.
@Suite struct InstalledScreenTests {
    typealias F = WizardFixtures
    typealias Check = PostInstallModel.Check

    static let dnsWaiting = Check(.pending, "DNS: posthog.example.com does not resolve yet.", label: "DNS")
    static let dnsOK = Check(.ok, "DNS: posthog.example.com resolves to 203.0.113.11", label: "DNS")
    static let tlsFailing = Check(
        .failed, "HTTPS: the certificate is for another name.", fix: "Check the Certificate's events.", label: "HTTPS")
    static let tlsWaiting = Check(.pending, "HTTPS: the certificate is not issued yet.", label: "HTTPS")

    static func installed(task: WizardTask = .install, checks: [[Check]]) -> WizardState {
        var state = KeyContractTests.installed()
        state.install?.task = task
        for run in checks { state = Wizard.update(state, .install(.checks(run))).0 }
        return state
    }

    static func text(_ state: WizardState) -> String { WizardView.render(state, size: .minimum).plainText() }

    @Test func eachRunOfTheChecksSaysWhatChanged() {
        var state = Self.installed(checks: [[Self.dnsWaiting, Self.tlsWaiting]])
        #expect(state.install?.post?.lastChanges == nil, "the first run has nothing to compare with")
        #expect(!Self.text(state).contains("Checked "))
        state = Wizard.update(state, .install(.checks([Self.dnsOK, Self.tlsWaiting]))).0
        #expect(Self.text(state).contains("Checked 2 times; changed at the last check: DNS · → ✓."))
        state = Wizard.update(state, .install(.checks([Self.dnsOK, Self.tlsWaiting]))).0
        #expect(Self.text(state).contains("Checked 3 times; changed 1 check ago: DNS · → ✓."))
        let (asked, effects) = F.press([.character("r")], on: state)
        #expect(effects == [.recheck])
        #expect(Self.text(asked).contains("Checking again…"))
        let answered = Wizard.update(asked, .install(.checks([Self.dnsOK, Self.tlsWaiting]))).0
        #expect(!Self.text(answered).contains("Checking again…"))
    }

    @Test func nothingChangedIsSaidToo() {
        let state = Self.installed(checks: [[Self.dnsWaiting], [Self.dnsWaiting]])
        #expect(Self.text(state).contains("Checked 2 times (every few seconds; r checks now): nothing changed."))
    }

    @Test func theHeadlineNeverClaimsSuccessAboveAFailingCheck() {
        let install = Self.text(Self.installed(checks: [[Self.dnsOK, Self.tlsFailing]]))
        #expect(install.contains("PostHog is installed, but a check below fails: see its fix."))
        #expect(install.contains("✗ HTTPS: the certificate is for another name."))
        let tls = Self.text(Self.installed(task: .oneClickTLS, checks: [[Self.dnsOK, Self.tlsFailing]]))
        #expect(!tls.contains("HTTPS is set up"), "no success above ✗ HTTPS:\n\(tls)")
        #expect(tls.contains("PostHog installer • HTTPS setup done; a check fails"))
        #expect(tls.contains("HTTPS setup finished, but a check below fails: see its fix."))
        let good = Self.text(Self.installed(task: .oneClickTLS, checks: [[Self.dnsOK, Check(.ok, "HTTPS: valid", label: "HTTPS")]]))
        #expect(good.contains("HTTPS is set up"))
    }

    @Test func mLeadsToTheJobsForTheInstalledPostHog() {
        let state = Self.installed(checks: [[Self.dnsOK]])
        #expect(Self.text(state).contains("m more jobs"))
        let (menu, effects) = F.press([.character("m")], on: state)
        #expect(menu.step == .welcome && menu.install == nil)
        #expect(menu.launch.hasSavedValues, "the install wrote values.yaml")
        #expect(effects == [.stopTask(.install), .refreshCluster])
    }

    @Test func changesGolden() {
        let state = Self.installed(checks: [[Self.dnsWaiting, Self.tlsWaiting], [Self.dnsOK, Self.tlsWaiting]])
        Golden.check(Self.text(state), "installed-checked-again")
    }
}
