import Effects
import Installer
import Testing
@testable import TUI

/// The welcome screen's menu once a release is found, and a job's screen: focus, typing,
/// ticking, options, running on the install screens, and back to the menu.
@Suite struct WizardTaskTests {
    typealias F = WizardFixtures

    static let release = InstalledPostHog(release: "posthog", namespace: "posthog", chartVersion: "30.40.0", appVersion: "1.43.0")

    static func installedCluster(release: InstalledPostHog? = release) -> ClusterInfo {
        ClusterInfo(simulated: false, context: "do-fra1-prod", detail: "Kubernetes v1.32.2 answers", release: release)
    }

    /// The wizard at the welcome screen with a release found and values.yaml saved.
    static func atMenu(savedValues: Bool = true) -> WizardState {
        var state = F.start()
        state.launch.runsInstall = true
        state.launch.hasSavedValues = savedValues
        state.launch.savedValuesPath = "values.yaml"
        return Wizard.update(state, .cluster(installedCluster())).0
    }

    static let upgradeForm = TaskForm(
        heading: "Upgrade from chart 3.0.3 to 30.46.0",
        text: [
            StyledLine("Installed: release posthog in namespace posthog, chart 3.0.3."),
            StyledLine("Upgrade note: chart 2.x → 3.0.0 (CAN LOSE DATA)", style: .strong),
            StyledLine("  Chart 3.0.0 moves Kafka to a new StatefulSet; the old one is deleted first, with its volume."),
            StyledLine("  Before helm upgrade, these run:"),
            StyledLine("    kubectl -n posthog delete sts posthog-posthog-kafka"),
        ],
        textTitle: "Upgrade notes",
        checks: [
            TaskCheck(id: "note-3.0.0", label: "I have read the note for chart 3.0.0 and done what it asks"),
            TaskCheck(id: "accept-data-loss", label: "I have a backup: the steps above delete volumes and their data"),
        ],
        commands: [
            ["kubectl", "-n", "posthog", "delete", "sts", "posthog-posthog-kafka"],
            [
                "helm", "upgrade", "-f", "values.yaml", "--timeout", "20m", "--namespace", "posthog", "posthog", "posthog/posthog",
                "--version", "30.46.0",
            ],
        ],
        action: "upgrade", destructive: true)

    static let resizeForm = TaskForm(
        heading: "Grow storage", text: [StyledLine("data-chi-posthog-posthog-0-0-0  20Gi  do-block-storage (can grow)")],
        fields: [
            TaskField(id: "clickhouse", label: "ClickHouse", kind: .size, initial: "20Gi", optional: true, hint: "now 20Gi"),
            TaskField(id: "postgresql", label: "PostgreSQL", kind: .size, initial: "10Gi", optional: true),
        ],
        commands: [["kubectl", "patch", "pvc"]], action: "grow")

    static func opened(_ form: TaskForm, task: WizardTask = .upgrade) -> WizardState {
        var state = atMenu()
        state = Wizard.openTask(task, state).0
        return Wizard.update(state, .taskReady(task, form)).0
    }

    @Test func theMenuAppearsOnlyOnceAReleaseIsFound() {
        var state = F.start()
        #expect(TaskMenu.entries(state).isEmpty)
        state = Wizard.update(state, .cluster(Self.installedCluster(release: nil))).0
        #expect(TaskMenu.entries(state).isEmpty)
        // Enter without a release starts the questions as before.
        #expect(F.press([.enter], on: state).0.step != .welcome)
        state = Self.atMenu()
        #expect(TaskMenu.entries(state).map(\.task) == [.changeSettings, .upgrade, .resize, .info, .oneClickTLS, .uninstall])
        // Without saved answers "Change settings" waits; the upgrade is the first free job.
        #expect(TaskMenu.entries(state)[0].unavailable?.contains("answers.yaml") == true)
        #expect(state.menuHighlight == 1)
    }

    @Test func withoutValuesTheUpgradeWaitsAndTheFirstFreeJobIsHighlighted() {
        var state = Self.atMenu(savedValues: false)
        state = Wizard.update(state, .cluster(Self.installedCluster())).0
        let entries = TaskMenu.entries(state)
        #expect(entries[0].unavailable?.contains("folder that holds values.yaml") == true)
        #expect(entries[1].unavailable?.contains("folder that holds values.yaml") == true)
        #expect(entries[2].unavailable != nil)
        #expect(state.menuHighlight == 3)
        // Enter on an entry that must wait does nothing.
        state.menuHighlight = 0
        let (next, effects) = F.press([.enter], on: state)
        #expect(next.step == .welcome)
        #expect(effects.isEmpty)
    }

    @Test func choosingAJobOpensItsScreenAndAsksTheEdgeToPrepareIt() {
        let (state, effects) = F.press([.down, .down, .down, .down, .enter], on: Self.atMenu())  // from the upgrade
        #expect(state.step == .task(.uninstall))
        #expect(effects == [.prepareTask(.uninstall, TaskInputs())])
        let (numbered, _) = F.press([.character("4"), .enter], on: Self.atMenu())
        #expect(numbered.step == .task(.info))
    }

    @Test func theButtonWaitsForEveryRequiredBox() {
        var state = Self.opened(Self.upgradeForm)
        #expect(state.task?.focusedRow == .check(Self.upgradeForm.checks[0]))
        var (next, effects) = F.press([.tab, .tab, .enter], on: state)
        #expect(effects.isEmpty)
        #expect(next.task?.problem?.contains("I have read the note") == true)
        (next, effects) = F.press([.backTab, .backTab, .character(" "), .tab, .character(" "), .tab, .enter], on: state)
        #expect(next.step == .install)
        #expect(next.install?.task == .upgrade)
        #expect(effects == [.runTask(.upgrade, TaskInputs(checks: ["note-3.0.0", "accept-data-loss"]), context: "do-fra1-prod")])
        state = next
        state = Wizard.update(state, .install(.ended(failure: nil))).0
        (next, effects) = F.press([.escape], on: state)
        #expect(next.step == .welcome)
        #expect(next.install == nil)
        #expect(effects.contains(.refreshCluster))
    }

    @Test func fieldsAreTypedAndCheckedWithTheQuestionsRules() {
        var state = Self.opened(Self.resizeForm, task: .resize)
        #expect(state.task?.drafts["clickhouse"]?.text == "20Gi")
        state = F.press([.control("u")] + F.type("200") + [.tab, .tab, .enter], on: state).0
        #expect(state.step == .task(.resize))
        #expect(state.task?.problem?.hasPrefix("ClickHouse:") == true)
        let (next, effects) = F.press([.backTab, .backTab, .end] + F.type("Gi") + [.tab, .tab, .enter], on: state)
        #expect(effects == [.runTask(.resize, TaskInputs(fields: ["clickhouse": "200Gi", "postgresql": "10Gi"]), context: "do-fra1-prod")])
        #expect(next.step == .install)
    }

    @Test func aFormThatNeedsAChangeSaysSoOnItsButton() {
        var form = Self.resizeForm
        form.needsChange = "Type a larger size in at least one field first."
        let state = Self.opened(form, task: .resize)
        let (unchanged, none) = F.press([.tab, .tab, .enter], on: state)
        #expect(none.isEmpty)
        #expect(unchanged.task?.problem == "Type a larger size in at least one field first.")
        let (changed, effects) = F.press([.control("u")] + F.type("40Gi") + [.tab, .tab, .enter], on: state)
        #expect(changed.step == .install)
        #expect(effects.count == 1)
    }

    @Test func anOptionKeyPreparesTheScreenAgain() {
        let info = TaskForm(
            heading: "Connection details", text: [StyledLine("ClickHouse: posthog-clickhouse.posthog.svc:9000")],
            keys: [TaskKey(key: "s", label: "show passwords", option: "show-secrets")])
        let state = Self.opened(info, task: .info)
        let (next, effects) = F.press([.character("s")], on: state)
        #expect(effects == [.prepareTask(.info, TaskInputs(options: ["show-secrets"]))])
        #expect(next.task?.form == nil)
        let (back, leaving) = F.press([.escape], on: Wizard.update(next, .taskReady(.info, info)).0)
        #expect(back.step == .welcome)
        #expect(leaving == [.stopTask(.info), .refreshCluster])
    }

    @Test func aJobThatCannotRunSaysWhyAndGoesBack() {
        var state = Self.atMenu()
        state = Wizard.openTask(.upgrade, state).0
        state = Wizard.update(state, .taskUnavailable(.upgrade, "The installed chart 31.0.0 is newer than 30.46.0.")).0
        let screen = WizardView.render(state, size: .minimum).plainText()
        #expect(screen.contains("Upgrade PostHog cannot start"))
        #expect(screen.contains("newer than 30.46.0"))
        #expect(F.press([.escape], on: state).0.step == .welcome)
    }

    @Test func aBlockedJobGoesBackToItsScreen() {
        var state = Self.opened(Self.upgradeForm)
        state = F.press([.character(" "), .tab, .character(" "), .tab, .enter], on: state).0
        state = Wizard.update(state, .install(.preflight(PreflightReport(checks: [PreflightCheck(.reachable, .fail, "No answer.")])))).0
        state = Wizard.update(state, .install(.ended(failure: "The preflight found a blocker; nothing was changed."))).0
        let (next, effects) = F.press([.escape], on: state)
        #expect(next.step == .task(.upgrade))
        #expect(effects == [.prepareTask(.upgrade, TaskInputs())])
    }

    // MARK: 80×24 goldens

    @Test func menuGolden() {
        Golden.check(WizardView.render(Self.atMenu(savedValues: false), size: .minimum).plainText(), "menu")
    }

    @Test func upgradeFormGolden() {
        Golden.check(WizardView.render(Self.opened(Self.upgradeForm), size: .minimum).plainText(), "task-upgrade")
    }

    @Test func resizeFormGolden() {
        let state = F.press([.control("u")] + F.type("20"), on: Self.opened(Self.resizeForm, task: .resize)).0
        Golden.check(WizardView.render(state, size: .minimum).plainText(), "task-resize-typing")
    }

    @Test func finishedJobGolden() {
        var state = Self.opened(
            TaskForm(heading: "Uninstall", checks: [TaskCheck(id: "confirm", label: "Uninstall now")], action: "uninstall"),
            task: .uninstall)
        state = F.press([.character(" "), .tab, .enter], on: state).0
        for update: InstallUpdate in [
            .plan(
                [
                    .init(id: "uninstall", title: "Uninstall release posthog from namespace posthog", runsHelm: true),
                    .init(id: "leftovers", title: "List what is left in namespace posthog"),
                ], context: "do-fra1-prod"),
            .stepStarted(id: "uninstall", command: "helm uninstall posthog --namespace posthog"),
            .note("release \"posthog\" uninstalled"), .stepFinished(id: "uninstall", succeeded: true),
            .stepStarted(id: "leftovers", command: nil),
            .note("Left behind:"), .note("  PersistentVolumeClaim data-chi-posthog-posthog-0-0-0  20 GiB, class do-block-storage"),
            .note("1 volume (20 GiB in total) still holds PostHog's data and keeps costing money until the namespace is deleted."),
            .stepFinished(id: "leftovers", succeeded: true), .elapsed(7), .ended(failure: nil),
        ] {
            state = Wizard.update(state, .install(update)).0
        }
        Golden.check(WizardView.render(state, size: .minimum).plainText(), "task-done")
    }
}
