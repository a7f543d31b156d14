import Foundation
import Testing

/// Drives the built `posthog-install` in tmux after a headless install on the simulated
/// cluster: the welcome screen finds the release and offers the jobs; an upgrade and an
/// uninstall run from it (deleting the namespace lists its command and asks a second time),
/// and the wizard comes back to a first install once nothing is left.
@Suite(.serialized) struct WizardDayTwoEndToEndTests {
    typealias E2E = WizardEndToEndTests

    @Test(.enabled(if: WizardEndToEndTests.available, "needs tmux and a built posthog-install"))
    func upgradeThenUninstallFromTheMenu() throws {
        let run = try E2E.Run(arguments: "--simulate", before: E2E.headlessInstall)
        let session = run.session
        run.expectScreen("PostHog is installed in this cluster", seconds: 120)
        run.expectScreen("Found: release posthog (chart 30.46.0")
        run.expectScreen("already at chart 30.46.0")

        session.keys("2", "Enter")
        run.expectScreen("Apply values.yaml to chart 30.46.0")
        run.expectScreen("helm upgrade -f values.yaml")
        session.keys("Enter")
        run.expectScreen("Upgrading PostHog")
        run.expectScreen("Upgrade finished.", seconds: 90)
        run.expectScreen("✓ Upgrade PostHog (chart 30.46.0) in namespace posthog")

        session.keys("Escape")
        run.expectScreen("What would you like to do?")
        session.keys("6", "Enter")
        run.expectScreen("Uninstall PostHog from namespace posthog")
        run.expectScreen("PersistentVolumeClaim data-posthog-posthog-postgresql-0")
        session.keys("Tab", "Tab", "Enter")  // the button, without the box ticked
        run.expectScreen("first (Space)")
        session.keys("BTab", "BTab", "Space", "Tab", "Space")
        // Ticked, the namespace's deletion is among the commands it will run.
        run.expectScreen("kubectl delete namespace posthog")
        session.keys("Tab", "Enter")
        // A second, explicit question names the namespace and what is lost; Enter does not answer it.
        run.expectScreen("Delete namespace posthog?")
        run.expectScreen("nothing can bring them back")
        run.expectScreen("data-posthog-posthog-postgresql-0")
        session.keys("Enter")
        usleep(500_000)
        #expect(session.screen().contains("Delete namespace posthog?"), "Enter does not delete:\n\(session.screen())")
        session.keys("n")
        run.expectScreen("Uninstall PostHog from namespace posthog")
        #expect(!session.screen().contains("Delete namespace posthog?"), "n goes back:\n\(session.screen())")
        session.keys("Enter")
        run.expectScreen("Delete namespace posthog?")
        session.keys("y")
        run.expectScreen("PostHog is uninstalled.", seconds: 60)
        run.expectScreen("Namespace posthog is gone")

        session.keys("Escape")
        run.expectScreen("Press Enter to start", seconds: 20)  // nothing installed: a first install again
        session.keys("q")
        run.expectScreen("Quit the wizard?")
        session.keys("y")
        let (ended, screen) = session.wait(for: "EXIT=3")
        #expect(ended, "quitting exits with 3:\n\(screen)")
        run.expectSaneTerminal()
    }
}
