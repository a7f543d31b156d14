import Effects
import Installer
import Testing
@testable import TUI

/// Enter on a row of the upgrade screen's change table shows that object's diff; Esc goes back.
@Suite struct WizardChangeDetailTests {
    typealias F = WizardFixtures

    static let form: TaskForm = {
        var form = TaskForm(
            heading: "Apply values.yaml to chart 30.46.0",
            text: [
                StyledLine("Installed: release posthog in namespace posthog, chart 30.46.0."),
                StyledLine(""),
                StyledLine("What the upgrade to chart 30.46.0 changes:", style: .strong),
                StyledLine("  change Ingress posthog/posthog                   changes spec.rules[0].host"),
                StyledLine("  change Secret posthog/posthog                    changes data.smtp-password"),
                StyledLine("         ! secret: The Secret's smtp-password changes: a regenerated password locks PostHog out."),
                StyledLine("           fix: Keep the passwords in values.yaml as posthog-install wrote them."),
                StyledLine("2 objects change: 0 refused by Kubernetes, 0 losing data, 1 touching secrets."),
            ],
            textTitle: "What happens",
            checks: [TaskCheck(id: "accept-data-loss", label: "I accept the 1 change marked ✗ above")],
            commands: [["helm", "upgrade", "posthog"]], action: "upgrade")
        form.details = [
            TaskDetail(
                line: 3, title: "change Ingress posthog/posthog",
                lines: [StyledLine("  spec:"), StyledLine("- host: posthog.example.com"), StyledLine("+ host: analytics.example.org")]),
            TaskDetail(
                line: 4, title: "change Secret posthog/posthog",
                lines: [
                    StyledLine("  data:"), StyledLine("-   smtp-password: (hidden: old value)"),
                    StyledLine("+   smtp-password: (hidden: new value)"),
                ]),
        ]
        return form
    }()

    static func opened() -> WizardState { WizardTaskTests.opened(Self.form) }

    @Test func theScreenStartsOnTheBoxAndUpPicksTheTablesRows() {
        let state = Self.opened()
        #expect(state.task?.focusedRow == .check(Self.form.checks[0]), "the boxes first, as before")
        let up = F.press([.up], on: state).0
        #expect(up.task?.focusedRow == .detail(1))
        let screen = WizardView.render(up, size: .minimum).plainText()
        #expect(screen.contains("Enter its diff"), "\(screen)")
        #expect(F.press([.up, .up, .up], on: state).0.task?.focusedRow == .detail(0), "no row above the first")
    }

    @Test func enterShowsTheObjectsDiffAndEscGoesBackToTheSameRow() {
        let (open, effects) = F.press([.up, .enter], on: Self.opened())
        #expect(effects.isEmpty)
        #expect(open.task?.openDetail == 1)
        let screen = WizardView.render(open, size: .minimum).plainText()
        #expect(screen.contains("change Secret posthog/posthog"), "\(screen)")
        #expect(screen.contains("smtp-password: (hidden: old value)") && screen.contains("smtp-password: (hidden: new value)"), "\(screen)")
        #expect(screen.contains("Esc back"), "\(screen)")
        #expect(!screen.contains("[ Upgrade ]"), "the diff has the screen to itself")
        let back = F.press([.escape], on: open).0
        #expect(back.step == .task(.upgrade), "Esc closes the diff, not the job")
        #expect(back.task?.openDetail == nil && back.task?.focusedRow == .detail(1))
        let menu = F.press([.escape], on: back).0
        #expect(menu.step == .welcome)
    }

    @Test func theHighlightedRowIsScrolledIntoView() {
        var form = Self.form
        form.text = (0..<60).map { StyledLine("line \($0)") }
        form.details = [TaskDetail(line: 55, title: "row", lines: [StyledLine("x")])]
        let layout = TaskLayout(form: form, size: .minimum)
        let (lines, top) = layout.paneText(width: 60, scroll: 0, highlighted: 55)
        #expect(lines[55].style.reverse)
        #expect(top <= 55 && 55 < top + layout.paneHeight - 2, "top \(top), pane \(layout.paneHeight)")
        #expect(layout.paneText(width: 60, scroll: 0, highlighted: nil).1 == 0)
    }

    @Test func detailGolden() {
        let open = F.press([.up, .up, .enter], on: Self.opened()).0
        Golden.check(WizardView.render(open, size: .minimum).plainText(), "task-upgrade-detail")
        Golden.check(WizardView.render(F.press([.up], on: Self.opened()).0, size: .minimum).plainText(), "task-upgrade-row")
    }
}
