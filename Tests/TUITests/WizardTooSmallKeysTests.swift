import Effects
import Installer
import Testing
@testable import TUI

/// Keys on the "terminal too small" view mean what they mean everywhere: while an install runs,
/// q and Ctrl-C ask first (the question replaces the message, readable at 20×5) and Esc never
/// quits; with nothing running, q quits at once.
@Suite struct WizardTooSmallKeysTests {
    typealias F = WizardFixtures
    static let tiny = TerminalSize(columns: 20, rows: 5)

    static func installing(ended: Bool = false) -> WizardState {
        var state = F.start()
        state.launch.runsInstall = true
        state.step = .install
        var install = InstallState().applying(.plan([.init(id: "install", title: "Install PostHog", runsHelm: true)], context: "c"))
        if ended { install = install.applying(.ended(failure: nil)) }
        state.install = install
        state.size = tiny
        return state
    }

    @Test func quittingMidInstallOnATinyTerminalAsksFirst() {
        let (asking, effects) = Wizard.update(Self.installing(), .key(.character("q")))
        #expect(effects.isEmpty, "nothing quits before the person says so")
        #expect(asking.overlay == .confirmQuit)
        let screen = WizardView.render(asking, size: Self.tiny).plainText()
        #expect(screen.contains("Stop") && screen.contains("y to"), "the question is on the small screen:\n\(screen)")
        #expect(Wizard.update(asking, .key(.character("n"))).0.overlay == nil)
        #expect(Wizard.update(asking, .key(.character("y"))).1 == [.quit])
        let (ctrlC, ctrlCEffects) = Wizard.update(Self.installing(), .key(.ctrlC))
        #expect(ctrlC.overlay == .confirmQuit && ctrlCEffects.isEmpty)
    }

    @Test func escNeverQuitsOnATinyTerminal() {
        let (state, effects) = Wizard.update(Self.installing(), .key(.escape))
        #expect(effects.isEmpty && state.overlay == nil)
        var welcome = F.start()
        welcome.size = Self.tiny
        #expect(Wizard.update(welcome, .key(.escape)).1.isEmpty)
    }

    @Test func withNothingRunningQQuitsAtOnce() {
        #expect(Wizard.update(Self.installing(ended: true), .key(.character("q"))).1 == [.quit])
        var welcome = F.start()
        welcome.size = Self.tiny
        #expect(Wizard.update(welcome, .key(.character("q"))).1 == [.quit])
    }
}
