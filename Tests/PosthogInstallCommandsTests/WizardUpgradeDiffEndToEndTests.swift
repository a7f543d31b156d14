import Foundation
import Testing

/// Drives the built `posthog-install` in tmux: after a headless install and a hostname edit in
/// values.yaml, the upgrade screen's change table lists the Ingress; Up picks its row, Enter
/// shows its diff, Esc goes back to the screen.
@Suite(.serialized) struct WizardUpgradeDiffEndToEndTests {
    typealias E2E = WizardEndToEndTests

    @Test(.enabled(if: WizardEndToEndTests.available, "needs tmux and a built posthog-install"))
    func enterOnAChangeTableRowShowsItsDiff() throws {
        let install = E2E.headlessInstall + " && sed -i 's/posthog\\.example\\.com/analytics.example.com/' values.yaml"
        let run = try E2E.Run(arguments: "--simulate", before: install)
        let session = run.session
        run.expectScreen("PostHog is installed in this cluster", seconds: 120)
        session.keys("2", "Enter")  // Upgrade (Change settings is the first entry)
        run.expectScreen("Apply values.yaml to chart 30.46.0", seconds: 30)
        run.expectScreen("What the upgrade to chart 30.46.0 changes:")
        run.expectScreen("Up pick an object")
        // Up from the button and the (absent) boxes: the table's last row, then the rows above it.
        var found = false
        for _ in 0..<12 where !found {
            session.keys("Up")
            session.keys("Enter")
            let (opened, screen) = session.wait(for: "diff (- deployed, + after the upgrade)", seconds: 5)
            #expect(opened, "Enter on a row opens its diff:\n\(screen)")
            found = screen.contains("analytics.example.com")
            session.keys("Escape")
            run.expectScreen("Apply values.yaml to chart 30.46.0")
        }
        #expect(found, "one row's diff shows the new hostname")
        session.keys("q")
        run.expectScreen("Quit the wizard?")
        session.keys("y")
        let (ended, screen) = session.wait(for: "EXIT=3")
        #expect(ended, "quitting exits with 3:\n\(screen)")
        run.expectSaneTerminal()
    }
}
