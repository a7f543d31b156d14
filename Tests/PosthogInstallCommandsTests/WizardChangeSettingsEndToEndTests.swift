import Foundation
import Testing

/// "Change settings" on the simulated cluster, driven in tmux: a headless install, then the
/// wizard's menu asks the questions again from the saved answers, reviews the values.yaml diff,
/// shows the upgrade's change table and upgrades to revision 2.
@Suite(.serialized) struct WizardChangeSettingsEndToEndTests {
    typealias E2E = WizardEndToEndTests

    @Test(.enabled(if: WizardEndToEndTests.available, "needs tmux and a built posthog-install"))
    func changingTheHostnameUpgradesToRevisionTwo() throws {
        let run = try E2E.Run(arguments: "--simulate", before: E2E.headlessInstall)
        let session = run.session
        run.expectScreen("PostHog is installed in this cluster", seconds: 120)
        run.expectScreen("1. Change settings")

        session.keys("1", "Enter")
        // The cloud stays the installed one: the first question is the hostname, prefilled.
        run.expectScreen("Which hostname will PostHog be reached at?")
        run.expectScreen("[posthog.example.com")
        session.keys("Escape")  // back one screen: the menu, settings as saved
        run.expectScreen("What would you like to do?")
        session.keys("1", "Enter")
        run.expectScreen("[posthog.example.com")
        session.keys("C-u")
        session.type("analytics.example.com")
        session.keys("Enter")
        run.expectScreen("Serve PostHog over HTTPS?")
        session.keys("Enter")
        run.expectScreen("Let's Encrypt send certificate notices")
        run.expectScreen("ops@example.com")
        session.keys("Enter")
        run.expectScreen("Estimated monthly cost on DigitalOcean")
        session.keys("Enter")
        run.expectScreen("Continue to review")
        session.keys("Enter")
        run.expectScreen("Review the changed settings")
        run.expectScreen("helm upgrade -f values.yaml")
        run.expectScreen("+   hostname: analytics.example.com")
        run.expectScreen("-   hostname: posthog.example.com")
        run.expectScreen("Enter continue")
        #expect(!session.screen().contains("helm install"), "changed settings upgrade, never install:\n\(session.screen())")

        session.keys("Enter")
        run.expectScreen("Apply your changed settings (chart 30.46.0)", seconds: 30)
        run.expectScreen("Your changed settings: values.yaml is written")
        run.expectScreen("helm upgrade applies values.yaml with your changed")
        // The change table: the Ingress gets the new host.
        var screen = session.screen()
        for _ in 0..<12 where !screen.contains("Ingress") {
            session.keys("PPage")
            session.keys("NPage")
            screen = session.wait(for: "Ingress", seconds: 1).1
        }
        #expect(screen.contains("Ingress"), "the upgrade's change table names the Ingress:\n\(screen)")
        // Esc goes back one screen, to the review; nothing was written.
        session.keys("Escape")
        run.expectScreen("+   hostname: analytics.example.com", seconds: 30)
        let values = try String(contentsOf: run.directory.appendingPathComponent("values.yaml"), encoding: .utf8)
        #expect(values.contains("hostname: posthog.example.com"), "nothing is written before Upgrade:\n\(values)")
        session.keys("Enter")
        run.expectScreen("Apply your changed settings (chart 30.46.0)", seconds: 30)
        run.expectScreen("Enter upgrade  Up pick an object  PgUp/PgDn scroll  Esc back")
        session.keys("Enter")
        run.expectScreen("Upgrading PostHog")
        run.expectScreen("Upgrade finished.", seconds: 90)
        run.expectScreen("now at revision 2", seconds: 10)
        let written = try String(contentsOf: run.directory.appendingPathComponent("values.yaml"), encoding: .utf8)
        #expect(written.contains("hostname: analytics.example.com"), "the upgrade wrote the changed settings:\n\(written)")
        let answers = try String(contentsOf: run.directory.appendingPathComponent("answers.yaml"), encoding: .utf8)
        #expect(
            answers.contains("analytics.example.com") && answers.contains("do"),
            "answers.yaml keeps the cloud and the new hostname:\n\(answers)")

        // Back on the menu, the saved settings are the new ones.
        session.keys("Escape")
        run.expectScreen("What would you like to do?", seconds: 20)
        session.keys("1", "Enter")
        run.expectScreen("[analytics.example.com")
        session.keys("C-c")
        run.expectScreen("Quit the wizard?")
        session.keys("y")
        let (ended, final) = session.wait(for: "EXIT=3")
        #expect(ended, "quitting exits with 3:\n\(final)")
        run.expectSaneTerminal()
    }
}

/// After an install in the wizard, the Installed screen checks again on `r` and leads to the
/// jobs for the installed PostHog (`m`), whose first is Change settings.
@Suite(.serialized) struct WizardInstalledScreenEndToEndTests {
    typealias E2E = WizardEndToEndTests

    @Test(.enabled(if: WizardEndToEndTests.available, "needs tmux and a built posthog-install"))
    func theInstalledScreenChecksAgainAndLeadsToTheJobs() throws {
        let run = try E2E.Run(arguments: "--simulate")
        let session = run.session
        run.answer()
        session.keys("Enter")
        run.confirmPreflight()
        run.expectScreen("Create this DNS record", seconds: 90)
        run.expectScreen("r check again  m more jobs  ? help  q done")
        session.keys("r")
        run.expectScreen("Checked ", seconds: 20)  // the runs so far and what changed
        session.keys("m")
        run.expectScreen("PostHog is installed in this cluster", seconds: 30)
        run.expectScreen("1. Change settings")
        session.keys("1", "Enter")
        run.expectScreen("[posthog.example.com")
        session.keys("Escape")
        run.expectScreen("What would you like to do?")
        session.keys("q")
        run.expectScreen("Quit the wizard?")
        session.keys("y")
        let (ended, screen) = session.wait(for: "EXIT=3")
        #expect(ended, "quitting exits with 3:\n\(screen)")
        #expect(screen.contains("values.yaml holds this run's settings"), "no false \"nothing was written\":\n\(screen)")
        run.expectSaneTerminal()
    }
}

/// Change settings to another tier, driven in tmux: small → large grows the volumes first (the
/// claims, then their StatefulSets without the pods) and upgrades with nothing refused; large
/// → small keeps the volume sizes, and the upgrade screen says why (volumes never shrink).
@Suite(.serialized) struct WizardChangeTierEndToEndTests {
    typealias E2E = WizardEndToEndTests

    /// From the menu to the upgrade screen of Change settings with tier `move` (a key: Up or Down).
    static func changeTier(_ run: E2E.Run, move: String) {
        let session = run.session
        run.expectScreen("What would you like to do?", seconds: 120)
        session.keys("1", "Enter")
        run.expectScreen("[posthog.example.com")
        session.keys("Enter")
        run.expectScreen("Serve PostHog over HTTPS?")
        session.keys("Enter")
        run.expectScreen("Let's Encrypt send certificate notices")
        session.keys("Enter")
        run.expectScreen("Estimated monthly cost on DigitalOcean")
        session.keys(move)
        session.keys("Enter")
        run.expectScreen("Continue to review")
        session.keys("Enter")
        run.expectScreen("Review the changed settings", seconds: 30)
        run.expectScreen("Enter continue", seconds: 30)  // the review is ready
        session.keys("Enter")
        run.expectScreen("Apply your changed settings (chart 30.46.0)", seconds: 30)
    }

    @Test(.enabled(if: WizardEndToEndTests.available, "needs tmux and a built posthog-install"))
    func aLargerTierGrowsTheVolumesAndASmallerOneKeepsThem() throws {
        let run = try E2E.Run(arguments: "--simulate", before: E2E.headlessInstall)
        let session = run.session
        Self.changeTier(run, move: "Down")  // small → large
        run.expectScreen("The volumes grow first, as posthog-install resize does:")
        run.expectScreen("Grow data-posthog-posthog-postgresql-0 from 10Gi to 60Gi")
        var screen = session.screen()
        #expect(!screen.contains("I accept the"), "growing is not a refused change:\n\(screen)")
        #expect(screen.contains("kubectl patch pvc"), "the commands list the growth:\n\(screen)")
        session.keys("Enter")
        run.expectScreen("Upgrade finished.", seconds: 120)
        run.expectScreen("now at revision 2", seconds: 10)
        let values = try String(contentsOf: run.directory.appendingPathComponent("values.yaml"), encoding: .utf8)
        #expect(values.contains("size: 200Gi"), "values.yaml has the large tier's ClickHouse volume:\n\(values)")

        session.keys("Escape")
        Self.changeTier(run, move: "Up")  // large → small
        run.expectScreen("Volumes cannot shrink, so these sizes stay as they are")
        run.expectScreen("clickhouse.persistence.size stays 200Gi: larger than the tier's 20Gi; volumes cannot")
        screen = session.screen()
        #expect(!screen.contains("The volumes grow first"), "\(screen)")
        session.keys("Escape")
        run.expectScreen("Review the changed settings", seconds: 30)
        session.keys("q")
        run.expectScreen("Quit the wizard?")
        session.keys("y")
        let (ended, final) = session.wait(for: "EXIT=3")
        #expect(ended, "quitting exits with 3:\n\(final)")
        run.expectSaneTerminal()
    }
}
