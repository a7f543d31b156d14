import Effects
import Installer
import PosthogTestSupport
import Testing
@testable import TUI

@Suite struct WizardRunnerTests {
    typealias F = WizardFixtures

    @Test func runsToTheReviewAndFinishesWithTheAnswers() async {
        // The preview arrives from another task: wait until the review shows it.
        let script: [ScriptedScreen.ScriptedInput] = F.toReview.map { .key($0) } + [.waitFor("do-nyc1-posthog"), .key(.enter)]
        let screen = ScriptedScreen(script: script)
        let outcome = await WizardRunner.run(F.start(), screen: screen, preview: { _ in .previewReady(F.preview) })
        #expect(
            outcome == .finished(AnswerSheet(answers: ["cloud": "do", "hostname": "posthog.example.com", "tls": "on", "tier": "small"])))
        #expect(screen.drawn.first?.row(0).contains("Welcome") == true)
        #expect(screen.drawn.contains { $0.plainText().contains("do-nyc1-posthog") }, "the review was drawn with the preview")
        // Every wait for a key happened on the terminal's own thread, never on one the
        // preview's task (or an install's) needs.
        #expect(screen.readsElsewhere == 0)
        #expect(!WizardRunner.isOnTerminalThread, "the test itself runs elsewhere, so the check can fail")
    }

    @Test func resizingRedrawsAtTheNewSize() async {
        let screen = ScriptedScreen(script: [
            .key(.enter), .resize(TerminalSize(columns: 60, rows: 15)),
            .resize(TerminalSize(columns: 90, rows: 30)),
        ])
        let outcome = await WizardRunner.run(F.start(), screen: screen, preview: { _ in .previewFailed("unused") })
        #expect(outcome == .stopped("the input closed"))
        let sizes = screen.drawn.map { "\($0.width)x\($0.height)" }
        #expect(sizes == ["80x24", "80x24", "60x15", "90x30"])
        #expect(screen.drawn[2].plainText().contains("Terminal too small"))
    }

    @Test func ctrlCAsksAndASecondCtrlCQuits() async {
        let screen = ScriptedScreen(keys: [.enter, .ctrlC, .ctrlC])
        let outcome = await WizardRunner.run(F.start(), screen: screen, preview: { _ in .previewFailed("unused") })
        #expect(outcome == .quit)
        #expect(screen.drawn.last?.plainText().contains("Quit the wizard?") == true)
    }

    @Test func sigtermStopsAtOnce() async {
        let signals = ManualSignalSource()
        let stream = signals.events([.interrupt, .terminate])
        signals.send(.terminate)
        // Waits for a screen that never comes: the signal ends the run first.
        let screen = ScriptedScreen(script: [.waitFor("a screen that is never drawn")])
        let outcome = await WizardRunner.run(F.start(), screen: screen, signals: stream, preview: { _ in .previewFailed("unused") })
        #expect(outcome == .stopped("stopped by SIGTERM"))
    }

    @Test func sigintIsCtrlC() async {
        let signals = ManualSignalSource()
        let stream = signals.events([.interrupt])
        signals.send(.interrupt)
        let screen = ScriptedScreen(script: [.waitFor("Quit?"), .key(.character("y"))])
        let outcome = await WizardRunner.run(F.start(), screen: screen, signals: stream, preview: { _ in .previewFailed("unused") })
        #expect(outcome == .quit)
    }
}
