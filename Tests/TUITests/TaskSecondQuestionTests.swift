import Effects
import Installer
import Testing
@testable import TUI

/// Uninstall with "delete the namespace" ticked: the namespace's command is listed under "Then
/// runs:" only when ticked, and the button asks a second, explicit question (only `y` runs it).
@Suite struct TaskSecondQuestionTests {
    typealias F = WizardFixtures

    static let deleteNamespace = ["kubectl", "delete", "namespace", "posthog", "--kube-context", "do-fra1-prod"]

    static let uninstallForm = TaskForm(
        heading: "Uninstall PostHog from namespace posthog", text: [StyledLine("These volumes hold your data.")],
        checks: [
            TaskCheck(id: "confirm", label: "Uninstall PostHog now; it stops serving at once"),
            TaskCheck(
                id: "delete-namespace", label: "Also delete namespace posthog and its 5 volumes (cannot be undone)", required: false,
                commands: [deleteNamespace],
                confirmation: TaskConfirmation(
                    title: "Delete namespace posthog?",
                    message: "Deleting namespace posthog removes everything in it for good: its volumes go with the data on them.",
                    yes: "Delete it")),
        ],
        commands: [["helm", "uninstall", "posthog", "--namespace", "posthog", "--kube-context", "do-fra1-prod"]],
        action: "uninstall", destructive: true)

    static func opened() -> WizardState { WizardTaskTests.opened(uninstallForm, task: .uninstall) }

    /// Both boxes ticked, the pointer on the button.
    static func bothTicked() -> WizardState {
        F.press([.character(" "), .tab, .character(" "), .tab], on: opened()).0
    }

    static func ran(_ effects: [WizardEffect]) -> TaskInputs? {
        for effect in effects { if case .runTask(.uninstall, let inputs, _) = effect { return inputs } }
        return nil
    }

    @Test func theNamespaceCommandIsListedOnlyWhenTicked() {
        let command = Self.deleteNamespace.joined(separator: " ")
        for size in LayoutSizesTests.sizes {
            let plain = WizardView.render(F.press([.character(" ")], on: Self.opened()).0, size: size).plainText()
            #expect(!plain.contains("kubectl delete namespace"), "not ticked, not listed:\n\(plain)")
            let ticked = WizardView.render(Self.bothTicked(), size: size).plainText()
            let lines = ticked.split(separator: "\n").map(String.init)
            let start = lines.firstIndex { $0.contains("Then runs:") } ?? 0
            let shown = lines[(start + 1)...].prefix { !$0.trimming(" ").isEmpty }.map { $0.trimming(" ") }.joined(separator: " ")
            #expect(shown.contains(command), "\(size.columns)×\(size.rows): listed whole when ticked:\n\(ticked)")
        }
        #expect(Self.bothTicked().task?.commands.last == Self.deleteNamespace)
    }

    @Test func theButtonAsksASecondTimeAndOnlyYRunsIt() {
        var (state, effects) = F.press([.enter], on: Self.bothTicked())
        #expect(Self.ran(effects) == nil, "nothing runs before the second answer")
        guard case .confirmTask(let question)? = state.overlay else {
            Issue.record("no second question: \(String(describing: state.overlay))")
            return
        }
        #expect(question.title.contains("posthog"))
        let drawn = WizardView.render(state, size: .minimum).plainText()
        #expect(drawn.contains("Delete namespace posthog?") && drawn.contains("[y] Delete it"), "\(drawn)")
        #expect(TaskNotesWrapTests.shownWhole("removes everything in it for good", in: drawn), "says what is lost:\n\(drawn)")
        // Enter does not answer it; n and Esc go back to the screen with nothing run.
        for key: Key in [.enter, .character(" ")] {
            (state, effects) = Wizard.update(state, .key(key))
            #expect(Self.ran(effects) == nil && state.overlay != nil, "\(key) must not delete")
        }
        for key: Key in [.character("n"), .escape] {
            let (back, none) = Wizard.update(state, .key(key))
            #expect(back.overlay == nil && Self.ran(none) == nil && back.step == .task(.uninstall), "\(key) goes back")
        }
        (state, effects) = Wizard.update(state, .key(.character("y")))
        let inputs = Self.ran(effects)
        #expect(inputs?.checks == ["confirm", "delete-namespace"], "y runs it with the namespace: \(effects)")
        #expect(state.step == .install)
    }

    @Test func withoutTheNamespaceThereIsNoSecondQuestion() {
        let state = F.press([.character(" "), .tab, .tab, .enter], on: Self.opened())
        #expect(state.0.overlay == nil)
        #expect(Self.ran(state.1)?.checks == ["confirm"])
    }

    @Test func ctrlCOnTheSecondQuestionAsksToQuit() {
        let asked = F.press([.enter], on: Self.bothTicked()).0
        #expect(Wizard.update(asked, .key(.ctrlC)).0.overlay == .confirmQuit)
    }
}

/// A job's field hints and problems, and its boxes' labels, wrap under the field at every size
/// (80×24 and narrower included) instead of being cut at the screen's edge.
@Suite struct TaskNotesWrapTests {
    typealias F = WizardFixtures

    static let hint =
        "Type a size larger than the volume's 20Gi (for example 40Gi); the StorageClass do-block-storage lets volumes grow while PostHog runs."

    static let form = TaskForm(
        heading: "Grow storage", text: [StyledLine("data-chi-posthog-posthog-0-0-0  20Gi  do-block-storage (can grow)")],
        fields: [
            TaskField(id: "clickhouse", label: "ClickHouse", kind: .size, initial: "20Gi", optional: true, hint: hint, atLeast: "20Gi"),
            TaskField(id: "postgresql", label: "PostgreSQL", kind: .size, initial: "10Gi", optional: true),
        ],
        checks: [
            TaskCheck(
                id: "long", label: "I understand that a volume grown on this StorageClass cannot be made smaller again later",
                required: false)
        ],
        commands: [["kubectl", "patch", "pvc"]], action: "grow")

    /// Every word of `text` on the screen, in order (the lines joined).
    static func shownWhole(_ text: String, in screen: String) -> Bool {
        let joined = screen.split(separator: "\n").map { $0.trimming(" │") }.joined(separator: " ")
        let words = joined.split(separator: " ").joined(separator: " ")
        return words.contains(text.split(separator: " ").joined(separator: " "))
    }

    @Test func aLongHintWrapsAtEverySize() {
        let state = WizardTaskTests.opened(Self.form, task: .resize)
        for size in [TerminalSize(columns: 80, rows: 24), TerminalSize(columns: 100, rows: 30), TerminalSize(columns: 200, rows: 60)] {
            let text = WizardView.render(state, size: size).plainText()
            #expect(Self.shownWhole(Self.hint, in: text), "\(size.columns)×\(size.rows): the hint is whole:\n\(text)")
            #expect(Self.shownWhole(Self.form.checks[0].label, in: text), "the box's label is whole:\n\(text)")
        }
    }

    @Test func aLongProblemWrapsUnderTheField() {
        var state = WizardTaskTests.opened(Self.form, task: .resize)
        state = F.press([.control("u")], on: state).0
        for c in "500GB" { state = Wizard.update(state, .key(.character(c))).0 }
        guard case .error(let message)? = state.task?.note(forField: 0) else {
            Issue.record("no problem for a smaller size")
            return
        }
        #expect(DisplayWidth.of(message) > 76, "the test needs a problem longer than a row: \(message)")
        let text = WizardView.render(state, size: .minimum).plainText()
        #expect(Self.shownWhole(message, in: text), "the problem is whole:\n\(text)")
    }

    @Test func notesWrapWithAHangingIndent() {
        let lines = TaskScreen.noteLines(.error(String(repeating: "word ", count: 30)), width: 40)
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 40 })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("  ") })
    }

    @Test func theButtonsProblemWrapsBesideIt() {
        var state = F.press(
            [.tab, .tab, .tab, .enter], on: WizardTaskTests.opened(TaskSecondQuestionTests.uninstallForm, task: .uninstall)
        ).0
        state.task?.problem = "Tick \u{201C}Uninstall PostHog now; it stops serving at once\u{201D} first (Space), then press Enter again."
        let text = WizardView.render(state, size: .minimum).plainText()
        #expect(Self.shownWhole(state.task?.problem ?? "", in: text), "\(text)")
    }
}
