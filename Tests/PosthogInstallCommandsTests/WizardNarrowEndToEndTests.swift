import Foundation
import Testing

/// At 80×24 in tmux: a job's field problem wraps under the field instead of being cut, and
/// the 1-click HTTPS job shows the DNS record it waits for in a box of its own.
@Suite(.serialized) struct WizardNarrowEndToEndTests {
    typealias E2E = WizardEndToEndTests

    @Test(.enabled(if: WizardEndToEndTests.available, "needs tmux and a built posthog-install"))
    func aFieldsProblemWrapsAt80x24() throws {
        let run = try E2E.Run(arguments: "--simulate", before: E2E.headlessInstall, width: 80, height: 24)
        let session = run.session
        run.expectScreen("What would you like to do?", seconds: 120)
        session.keys("3", "Enter")
        run.expectScreen("Grow storage")
        // The field's hint is drawn once the claims are read and the field takes keys.
        run.expectScreen("type a larger size", seconds: 30)
        session.keys("C-u")
        session.type("500GB")
        // "Kubernetes writes "500GB" as 500G (or 500Gi for binary gigabytes): use a number and a
        // unit, like 60Gi, 200G or 1Ti." is longer than a row: its end is on the next one.
        run.expectScreen("Kubernetes writes \"500GB\" as 500G")
        run.expectScreen("200G or 1Ti.")
        session.keys("Escape")
        run.expectScreen("What would you like to do?", seconds: 20)
        session.keys("q")
        run.expectScreen("Quit the wizard?")
        session.keys("y")
        let (ended, screen) = session.wait(for: "EXIT=3")
        #expect(ended, "quitting exits with 3:\n\(screen)")
        run.expectSaneTerminal()
    }

    @Test(.enabled(if: WizardEndToEndTests.available, "needs tmux and a built posthog-install"))
    func theRecordToCreateStandsInItsOwnBoxWhileTheHTTPSJobWaits() throws {
        let run = try E2E.Run(arguments: "--simulate", before: E2E.headlessInstall, width: 80, height: 24)
        let session = run.session
        run.expectScreen("What would you like to do?", seconds: 120)
        session.keys("5", "Enter")
        run.expectScreen("HTTPS for the DigitalOcean 1-click release posthog", seconds: 30)
        session.type("analytics.example.com")
        session.keys("Tab", "Tab", "Enter")
        let (boxed, screen) = session.wait(for: "Create this DNS record at your DNS provider", seconds: 30)
        #expect(boxed, "the record has its own box:\n\(screen)")
        let lines = screen.split(separator: "\n").map(String.init)
        let box = lines.firstIndex { $0.contains("Create this DNS record at your DNS provider") }
        let record = lines.firstIndex { $0.contains("analytics.example.com") && $0.contains("203.0.113.11") }
        let output = lines.firstIndex { $0.contains("helm output") }
        #expect(box != nil && record != nil && output != nil, "\(screen)")
        if let box, let record, let output {
            #expect(box < record && record < output, "the record is in its box, above helm's output:\n\(screen)")
            #expect(!lines[output...].contains { $0.contains("Zone-file form") }, "the record is not in helm's output:\n\(screen)")
        }
        session.keys("C-c")
        run.expectScreen("Stop")
        session.keys("y")
        let (ended, final) = session.wait(for: "EXIT=", seconds: 20)
        #expect(ended, "\(final)")
        run.expectSaneTerminal()
    }
}
