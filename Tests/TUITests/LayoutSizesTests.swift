import Effects
import Installer
import Testing
@testable import TUI

/// At 80×24, 100×30 and 200×60 what a person copies is never cut: the DNS record (also a long
/// AWS load balancer name) and the commands a job is about to run, wrapped only at spaces.
@Suite struct LayoutSizesTests {
    typealias F = WizardFixtures

    static let sizes = [TerminalSize(columns: 80, rows: 24), TerminalSize(columns: 100, rows: 30), TerminalSize(columns: 200, rows: 60)]
    static let elb = "k8s-posthog-posthogi-0a1b2c3d4e-1234567890.us-east-1.elb.amazonaws.com"

    static func post(value: String, type: String) -> WizardState {
        var state = KeyContractTests.installed()
        state.install?.post?.recordType = type
        state.install?.post?.address = value
        return state
    }

    @Test(arguments: sizes)
    func theDNSRecordIsWholeAtEverySize(_ size: TerminalSize) {
        for (value, type) in [("203.0.113.11", "A"), (Self.elb, "CNAME")] {
            let text = WizardView.render(Self.post(value: value, type: type), size: size).plainText()
            #expect(text.contains(value), "\(size.columns)×\(size.rows): \(value) is shown whole:\n\(text)")
            #expect(text.contains("posthog.example.com"))
            #expect(text.contains(type))
        }
    }

    @Test func aValueLongerThanTheBoxSaysItIsOneValue() {
        let long = String(repeating: "a", count: 60) + ".elb." + String(repeating: "b", count: 40) + ".amazonaws.com"
        let text = WizardView.render(Self.post(value: long, type: "CNAME"), size: .minimum).plainText()
        #expect(text.contains("copy it without the breaks"), "\(text)")
        let joined = text.split(separator: "\n").map { $0.trimming(" │") }.joined()
        #expect(joined.contains(long))
    }

    @Test(arguments: sizes)
    func aJobsCommandsAreWholeAndWrappedAtSpaces(_ size: TerminalSize) {
        var state = WizardTaskTests.opened(WizardTaskTests.upgradeForm)
        state.size = size
        let text = WizardView.render(state, size: size).plainText()
        let lines = text.split(separator: "\n").map(String.init)
        guard let start = lines.firstIndex(where: { $0.contains("Then runs:") }) else {
            Issue.record("no commands at \(size.columns)×\(size.rows):\n\(text)")
            return
        }
        let shown = lines[(start + 1)...].prefix { !$0.trimming(" ").isEmpty }
            .map { $0.trimming(" ") }.joined(separator: " ")
        for argv in WizardTaskTests.upgradeForm.commands {
            #expect(shown.contains(argv.joined(separator: " ")), "\(size.columns)×\(size.rows): \(argv) whole in:\n\(text)")
        }
    }

    @Test(arguments: sizes)
    func theStepLabelIsWhole(_ size: TerminalSize) {
        let state = F.press([.enter, .enter], on: F.start()).0
        let text = WizardView.render(state, size: size).plainText()
        let (index, count) = WizardFlow.position(state)
        #expect(text.split(separator: "\n").first?.hasSuffix("Step \(index) of \(count)") == true, "\(text)")
    }
}

extension LayoutSizesTests {
    @Test func reviewCommandsThatDoNotFitSaySo() {
        var state = WizardInstallTests.atReview()
        var preview = WizardFixtures.preview
        preview.commands += (1...4).map {
            ["kubectl", "annotate", "namespace", "posthog", "example.com/note-\($0)=" + String(repeating: "x", count: 60)]
        }
        state = Wizard.update(state, .previewReady(preview)).0
        let text = WizardView.render(state, size: .minimum).plainText()
        #expect(ReviewLayout.commandLines(state).count > 8)
        #expect(text.contains("more lines: a wider window shows every command whole"), "\(text)")
        let wide = WizardView.render(state, size: TerminalSize(columns: 200, rows: 60)).plainText()
        #expect(!wide.contains("more lines:"), "at 200 columns every command fits:\n\(wide)")
    }
}
