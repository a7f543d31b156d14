import Effects
import Installer
import Testing
@testable import TUI

/// "Change settings" on an installed release: the questions again from the saved answers (the
/// cloud kept), Esc back one screen at every step, the review of the diff with `helm upgrade`,
/// then the upgrade's screen with the answers, which are written only when it runs.
@Suite struct WizardChangeSettingsTests {
    typealias F = WizardFixtures

    static let saved = ["cloud": "do", "hostname": "posthog.example.com", "chart-version": "30.46.0"]

    /// The menu of an installed release, with answers.yaml read at start.
    static func atMenu() -> WizardState {
        var state = WizardState(profile: F.profile, answers: saved)
        state.launch.runsInstall = true
        state.launch.hasSavedValues = true
        state.launch.savedValuesPath = "values.yaml"
        return Wizard.update(state, .cluster(WizardTaskTests.installedCluster())).0
    }

    /// From the first question to the review, accepting every answer as it is.
    static func toReview(_ state: WizardState) -> (WizardState, [WizardEffect]) {
        var state = state
        var effects: [WizardEffect] = []
        for _ in 0..<30 where state.step != .review {
            let (next, new) = F.press([.enter], on: state)
            state = next
            effects += new
        }
        return (state, effects)
    }

    static let changedPreview = ReviewPreview(
        values: "cloud: do\ningress:\n  hostname: analytics.example.com\n",
        existing: "cloud: do\ningress:\n  hostname: posthog.example.com\n",
        commands: [["helm", "upgrade", "-f", "values.yaml", "--namespace", "posthog", "posthog", "posthog/posthog"]],
        kubeContext: "do-fra1-prod")

    /// The review of a changed hostname, its preview in.
    static func atReview() -> WizardState {
        var state = F.press([.enter, .control("u")] + F.type("analytics.example.com"), on: atMenu()).0
        state = toReview(state).0
        return Wizard.update(state, .previewReady(changedPreview)).0
    }

    @Test func theMenuOffersItFirstAndAsksFromTheSavedAnswersWithoutTheCloud() {
        let state = Self.atMenu()
        #expect(TaskMenu.entries(state).first?.task == .changeSettings)
        #expect(TaskMenu.entries(state).first?.unavailable == nil)
        #expect(state.menuHighlight == 0)
        let (next, effects) = F.press([.enter], on: state)
        #expect(next.step == .question("hostname"), "the cloud of an installed release is not asked again")
        #expect(next.drafts["hostname"]?.text == "posthog.example.com")
        #expect(next.changingSettings == SavedSettings(answers: Self.saved, enabledSections: []))
        #expect(effects.isEmpty)
        #expect(!WizardFlow.steps(next).contains(.question("cloud")))
    }

    @Test func escOnTheFirstQuestionGoesBackToTheMenuWithTheSavedAnswers() {
        var state = F.press([.enter, .control("u")] + F.type("other.example.com") + [.enter], on: Self.atMenu()).0
        #expect(state.answers["hostname"] == "other.example.com")
        state = F.press([.escape, .escape], on: state).0
        #expect(state.step == .welcome)
        #expect(state.overlay == nil, "Esc goes back one screen and never asks to quit here")
        #expect(state.answers == Self.saved)
        #expect(state.changingSettings == nil)
        #expect(state.drafts.isEmpty)
    }

    @Test func theReviewPlansAnUpgradeWithTheCloudKept() {
        var state = F.press([.enter, .control("u")] + F.type("analytics.example.com"), on: Self.atMenu()).0
        let (review, effects) = Self.toReview(state)
        guard case .preparePreview(let sheet, let upgrade)? = effects.last else {
            Issue.record("the review is prepared: \(effects)")
            return
        }
        #expect(upgrade)
        #expect(sheet.answers["cloud"] == "do")
        #expect(sheet.answers["chart-version"] == "30.46.0")
        #expect(sheet.answers["hostname"] == "analytics.example.com")
        #expect(!WizardView.hints(review).contains { $0.key == "Enter" }, "no Enter before the preview is ready")
        state = Wizard.update(review, .previewReady(Self.changedPreview)).0
        #expect(WizardView.hints(state).first == KeyHint("Enter", "continue"))
    }

    @Test func enterOpensTheUpgradeWithTheAnswersAndEscComesBackToTheReview() {
        let review = Self.atReview()
        let sheet = WizardFlow.finalSheet(review)
        var (state, effects) = F.press([.enter], on: review)
        #expect(state.step == .task(.upgrade))
        #expect(effects == [.prepareTask(.upgrade, TaskInputs(settings: sheet))])
        #expect(WizardView.hints(state).contains(KeyHint("Esc", "back")))
        (state, effects) = F.press([.escape], on: state)
        #expect(state.step == .review)
        #expect(effects == [.preparePreview(sheet, upgrade: true)])
        #expect(state.changingSettings != nil, "still changing: nothing was written")
    }

    @Test func theUpgradeRunsWithTheAnswersWhichThenStay() {
        let review = Self.atReview()
        let sheet = WizardFlow.finalSheet(review)
        var state = F.press([.enter], on: review).0
        state = Wizard.update(state, .taskReady(.upgrade, TaskForm(heading: "Apply your changed settings", action: "upgrade"))).0
        var effects: [WizardEffect]
        (state, effects) = F.press([.enter], on: state)
        #expect(effects == [.runTask(.upgrade, TaskInputs(settings: sheet), context: "do-fra1-prod")])
        #expect(state.changingSettings == nil)
        state = Wizard.update(state, .install(.ended(failure: nil))).0
        state = F.press([.escape], on: state).0
        #expect(state.step == .welcome)
        #expect(state.answers["hostname"] == "analytics.example.com", "the applied settings are the saved ones now")
        // Asked again, the questions start from them.
        #expect(F.press([.enter], on: state).0.drafts["hostname"]?.text == "analytics.example.com")
    }

    @Test func withoutSavedAnswersItWaitsAndSaysWhy() {
        var state = Self.atMenu()
        state.answers = [:]
        let entry = TaskMenu.entries(state)[0]
        #expect(entry.task == .changeSettings)
        #expect(entry.unavailable?.contains("posthog-install values") == true)
    }

    @Test func everyJobOfTheMenuIsShownWholeAt80x24() {
        var state = Self.atMenu()
        // The simulated cluster's description takes three rows.
        state =
            Wizard.update(
                state,
                .cluster(
                    ClusterInfo(
                        simulated: true, context: "posthog-simulated", detail: "2 nodes × 2 vCPU, 4 GiB memory",
                        problem: nil, release: WizardTaskTests.release))
            ).0
        for highlighted in 0..<6 {
            state.menuHighlight = highlighted
            let text = WizardView.render(state, size: .minimum).plainText()
            for (index, task) in TaskMenu.entries(state).enumerated() {
                #expect(text.contains("\(index + 1). \(task.task.title)"), "entry \(index + 1) is on the menu:\n\(text)")
            }
            let detail = TaskMenu.entries(state)[highlighted].detail
            #expect(text.contains(String(detail.prefix(40))), "the highlighted entry explains itself:\n\(text)")
            #expect(text.contains("asks before it changes anything.\n"), "the last line is whole:\n\(text)")
        }
    }

    @Test func reviewGolden() {
        Golden.check(WizardView.render(Self.atReview(), size: .minimum).plainText(), "review-changed-settings")
    }
}
