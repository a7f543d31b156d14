import Foundation
import Installer
import Testing
@testable import TUI

/// docs/user-guide.md's key table is the contract: walked over every screen of the wizard, Esc
/// goes back and never quits, q and Ctrl-C ask first while something runs or answers are not
/// saved, ? (F1 in a text field) opens help, Enter never quits by surprise.
@Suite struct KeyContractTests {
    typealias F = WizardFixtures

    /// One screen: its state, whether a text field has the focus (then `?` and `q` are typed), and
    /// whether quitting would lose something (a run under way, answers not saved).
    struct Screen {
        var name: String
        var state: WizardState
        var typing = false
        var loses = false
    }

    static func installed() -> WizardState {
        var state = WizardInstallTests.running()
        for update: InstallUpdate in [
            .dnsRecord(
                hostname: "posthog.example.com", recordType: "A", address: "203.0.113.11",
                url: "https://posthog.example.com"), .ended(failure: nil),
        ] {
            state = Wizard.update(state, .install(update)).0
        }
        return state
    }

    static func taskRunning(ended: Bool) -> WizardState {
        var state = WizardTaskTests.opened(WizardTaskTests.upgradeForm)
        state = F.press([.character(" "), .tab, .character(" "), .tab, .enter], on: state).0
        state = Wizard.update(state, .install(.plan(WizardInstallTests.plan, context: "do-fra1-prod"))).0
        if ended { state = Wizard.update(state, .install(.ended(failure: nil))).0 }
        return state
    }

    static var screens: [Screen] {
        var welcome = F.start()
        welcome.launch.runsInstall = true
        let checking = F.press([.enter], on: WizardInstallTests.atReview()).0
        var failed = WizardInstallTests.running()
        failed = Wizard.update(failed, .install(.ended(failure: "helm install failed"))).0
        var unavailable = Wizard.openTask(.upgrade, WizardTaskTests.atMenu()).0
        unavailable = Wizard.update(unavailable, .taskUnavailable(.upgrade, "There is no values.yaml in this folder.")).0
        let settingsReview = WizardChangeSettingsTests.atReview()
        return [
            Screen(name: "welcome", state: welcome),
            Screen(name: "menu", state: WizardTaskTests.atMenu()),
            Screen(name: "choice question", state: F.press([.enter], on: welcome).0, loses: true),
            Screen(name: "text question", state: F.press([.enter, .enter], on: welcome).0, typing: true, loses: true),
            Screen(name: "extras", state: F.press(Array(F.toReview.dropLast()), on: welcome).0, loses: true),
            Screen(name: "review", state: WizardInstallTests.atReview(), loses: true),
            Screen(name: "preflight running", state: checking, loses: true),
            Screen(name: "preflight passed", state: WizardPreflightShownTests.checked(WizardBlockedTests.passed)),
            Screen(name: "preflight blocked", state: WizardBlockedTests.blocked(WizardBlockedTests.passed + [WizardBlockedTests.tooSmall])),
            Screen(name: "install progress", state: WizardInstallTests.running(), loses: true),
            Screen(name: "install failed", state: failed),
            Screen(name: "installed", state: installed()),
            Screen(name: "job form", state: WizardTaskTests.opened(WizardTaskTests.upgradeForm)),
            Screen(name: "job form, field", state: WizardTaskTests.opened(WizardTaskTests.resizeForm, task: .resize), typing: true),
            Screen(name: "job unavailable", state: unavailable),
            Screen(name: "job running", state: taskRunning(ended: false), loses: true),
            Screen(name: "job done", state: taskRunning(ended: true)),
            Screen(
                name: "change settings, question", state: F.press([.enter], on: WizardChangeSettingsTests.atMenu()).0,
                typing: true, loses: true),
            Screen(name: "change settings, review", state: settingsReview, loses: true),
            Screen(name: "change settings, upgrade", state: F.press([.enter], on: settingsReview).0, loses: true),
        ]
    }

    static func quits(_ effects: [WizardEffect]) -> Bool { effects.contains(.quit) }

    @Test func theUserGuidesKeyTableSaysWhatIsEnforcedHere() throws {
        let guide = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/user-guide.md")
        let text = try String(contentsOf: guide, encoding: .utf8)
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("| ") }
        func row(_ key: String) -> String { rows.first { $0.hasPrefix("| \(key) |") }.map(String.init) ?? "" }
        #expect(row("Esc").contains("back one screen") && row("Esc").contains("never quits"), "\(row("Esc"))")
        #expect(row("`?` or F1").contains("every screen"), "\(row("`?` or F1"))")
        #expect(row("`q` or Ctrl-C").contains("asked first while anything is under way"), "\(row("`q` or Ctrl-C"))")
        #expect(row("Enter").contains("accept, continue"), "\(row("Enter"))")
        // Enforced by TaskSecondQuestionTests and EscapeTimingTests.
        #expect(row("Enter").contains("Delete namespace") && row("Enter").contains("`y`"), "\(row("Enter"))")
        #expect(row("Esc").contains("Alt with a key") && row("Esc").contains("is not Esc"), "\(row("Esc"))")
    }

    @Test(arguments: screens.map(\.name))
    func escGoesBackAndNeverQuits(_ name: String) throws {
        let screen = try #require(Self.screens.first { $0.name == name })
        let (next, effects) = Wizard.update(screen.state, .key(.escape))
        #expect(!Self.quits(effects), "\(name): Esc quit")
        #expect(next.overlay != .confirmQuit, "\(name): Esc asked to quit")
    }

    @Test(arguments: screens.map(\.name))
    func helpOpensOnEveryScreen(_ name: String) throws {
        let screen = try #require(Self.screens.first { $0.name == name })
        let keys: [Key] = screen.typing ? [.function(1)] : [.character("?"), .function(1)]
        for key in keys {
            let next = Wizard.update(screen.state, .key(key)).0
            guard case .help(let title, let text)? = next.overlay else {
                Issue.record("\(name): \(key) did not open help")
                continue
            }
            #expect(!title.isEmpty && !text.isEmpty)
            let drawn = WizardView.render(next, size: .minimum).plainText()
            #expect(drawn.contains(title), "\(name): the help box is drawn")
        }
    }

    @Test(arguments: screens.map(\.name))
    func quittingAsksFirstWhenSomethingWouldBeLost(_ name: String) throws {
        let screen = try #require(Self.screens.first { $0.name == name })
        let keys: [Key] = screen.typing ? [.ctrlC] : [.ctrlC, .character("q")]
        for key in keys {
            let (next, effects) = Wizard.update(screen.state, .key(key))
            if screen.loses {
                #expect(!Self.quits(effects) && next.overlay == .confirmQuit, "\(name): \(key) must ask first")
            } else {
                #expect(Self.quits(effects) || next.overlay == .confirmQuit, "\(name): \(key) must quit or ask")
            }
        }
    }

    @Test(arguments: screens.map(\.name))
    func enterNeverQuitsWhereSomethingWouldBeLost(_ name: String) throws {
        let screen = try #require(Self.screens.first { $0.name == name })
        guard screen.loses else { return }
        #expect(!Self.quits(Wizard.update(screen.state, .key(.enter)).1), "\(name): Enter quit")
    }
}
