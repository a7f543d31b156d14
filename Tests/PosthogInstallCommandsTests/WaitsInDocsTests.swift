import Foundation
import Installer
import Testing
@testable import PosthogInstallCommands

/// The waits the docs promise are the waits done: every figure quoted below comes from
/// `Installer.Waits`, which the wizard and the headless commands both use.
@Suite struct WaitsInDocsTests {
    static func doc(_ name: String) throws -> String {
        let text = try String(contentsOf: DocsInStepTests.repository.appendingPathComponent("docs/\(name)"), encoding: .utf8)
        // Sentences wrap across lines in the Markdown: compare with single spaces.
        return text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    @Test func theDocsQuoteTheWaitsDone() throws {
        let minutes = Waits.minutes
        let guide = try Self.doc("user-guide.md")
        let commands = try Self.doc("commands.md")
        let troubleshooting = try Self.doc("troubleshooting.md")
        let promises: [(String, String, String)] = [
            (
                "user-guide.md", guide,
                "the wizard waits up to \(minutes) minutes for the pods (helm itself gives up after `--timeout \(Waits.helmTimeout)`)"
            ),
            ("user-guide.md", guide, "up to \(minutes) minutes, as `posthog-install tls` does"),
            ("commands.md", commands, "every pod is ready (up to \(minutes) minutes after helm is done"),
            ("commands.md", commands, "waits (\(minutes) minutes by default, `--dns-wait`)"),
            ("commands.md", commands, "at most \(minutes) minutes). A snapshot"),
            ("commands.md", commands, "the install waits up to \(minutes) minutes for them"),
            ("troubleshooting.md", troubleshooting, "the install waits up to \(minutes) minutes for unschedulable pods"),
            ("troubleshooting.md", troubleshooting, "uses `--timeout \(Waits.helmTimeout)`"),
        ]
        for (name, text, promise) in promises {
            #expect(text.contains(promise), "docs/\(name) should say: \(promise)")
        }
    }

    @Test func theWizardAndTheHeadlessCommandsWaitTheSame() throws {
        #expect(WizardTaskSession.dnsWait == Waits.dnsRecord)
        #expect(try TLSCommand.parse(["--hostname", "posthog.example.com"]).dnsWaitMinutes == Waits.minutes)
        #expect(Waits.dnsRecord == .seconds(Waits.minutes * 60) && Waits.pods == .seconds(Waits.minutes * 60))
        #expect(PreflightConsent(nodePoolAutoscales: true).statusPolicy.unschedulableGrace == Double(Waits.minutes * 60))
        #expect(Plans.installCommand(PlanOptions()).contains(Waits.helmTimeout))
    }
}
