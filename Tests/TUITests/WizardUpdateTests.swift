import Effects
import Installer
import Testing
@testable import TUI

@Suite struct WizardUpdateTests {
    typealias F = WizardFixtures

    @Test func theFlowFollowsTheProfileQuestions() {
        var state = F.start()
        state.answers["cloud"] = "do"
        let steps = WizardFlow.steps(state)
        #expect(
            steps == [
                .welcome, .question("cloud"), .question("hostname"), .question("tls"), .question("email"),
                .question("tier"), .extras, .review,
            ])
        state.answers["cloud"] = "gcp"
        #expect(!WizardFlow.steps(state).contains(.question("email")), "the Let's Encrypt email is not asked on gcp")
        state.answers["cloud"] = "aws"
        state.answers["tls"] = "off"
        #expect(!WizardFlow.steps(state).contains(.question("email")), "no certificate email without TLS")
    }

    @Test func enabledSectionsAddTheirQuestions() {
        var state = F.start()
        state.enabledSections = ["email"]
        let steps = WizardFlow.steps(state)
        let extras = steps.firstIndex(of: .extras) ?? -1
        #expect(steps.firstIndex(of: .question("smtp-host")) ?? -1 > extras)
        #expect(steps.contains(.question("smtp-password")))
        #expect(!steps.contains(.question("external-redis-host")))
    }

    @Test func choosingTheCloudMovesOnAndRemembersTheAnswer() {
        let (state, effects) = F.press([.enter, .down, .up, .up, .enter], on: F.start())
        #expect(effects.isEmpty)
        #expect(state.answers["cloud"] == "aws", "default do, up twice: aws")
        #expect(state.step == .question("hostname"))
    }

    @Test func numbersPickAChoice() {
        let (state, _) = F.press([.enter, .character("1")], on: F.start())
        #expect(state.highlights["cloud"] == 0)
    }

    @Test func aBadHostnameStaysOnTheScreenWithItsProblem() throws {
        let start = F.press([.enter, .enter], on: F.start()).0
        let (state, effects) = F.press(F.type("https://posthog.example.com") + [.enter], on: start)
        #expect(effects.isEmpty)
        #expect(state.step == .question("hostname"))
        #expect(state.showFieldError)
        #expect(state.answers["hostname"] == nil)
        let note = WizardView.note(
            try #require(F.profile.question("hostname")), draft: try #require(state.drafts["hostname"]), state: state)
        guard case .error(let message) = note else {
            Issue.record("expected an error, got \(String(describing: note))")
            return
        }
        #expect(message.contains("https://"))
    }

    @Test func hostnamesAreValidatedAsTheyAreTyped() throws {
        let start = F.press([.enter, .enter], on: F.start()).0
        let typing = F.press(F.type("PostHog.Example.com:8000"), on: start).0
        let question = try #require(F.profile.question("hostname"))
        if case .error = WizardView.note(question, draft: try #require(typing.drafts["hostname"]), state: typing) {
        } else {
            Issue.record("a port is an error while typing")
        }
        let fixed = F.press(Array(repeating: .backspace, count: 5), on: typing).0
        #expect(
            WizardView.note(question, draft: try #require(fixed.drafts["hostname"]), state: fixed) == .ok("Will use posthog.example.com"))
        let accepted = F.press([.enter], on: fixed).0
        #expect(accepted.answers["hostname"] == "posthog.example.com")
        #expect(accepted.step == .question("tls"))
    }

    @Test func editingKeysMoveTheCursor() {
        let start = F.press([.enter, .enter], on: F.start()).0
        var (state, _) = F.press(F.type("abd") + [.left, .character("c"), .home, .character("x"), .end, .backspace], on: start)
        #expect(state.drafts["hostname"] == TextDraft(text: "xabc", cursor: 4))
        (state, _) = F.press([.home, .delete, .right, .control("u")], on: state)
        #expect(state.drafts["hostname"] == TextDraft(text: "bc", cursor: 0))
    }

    @Test func escGoesBackOneScreenAndKeepsWhatWasTyped() {
        let start = F.press([.enter, .enter] + F.type("posthog.example.com") + [.enter], on: F.start()).0
        #expect(start.step == .question("tls"))
        let back = F.press([.escape], on: start).0
        #expect(back.step == .question("hostname"))
        #expect(back.drafts["hostname"]?.text == "posthog.example.com")
        let further = F.press([.escape, .escape], on: back).0
        #expect(further.step == .welcome)
        let (stays, effects) = F.press([.escape], on: further)
        #expect(stays == further && effects.isEmpty, "Esc on the first screen does nothing: it never quits")
    }

    @Test func quittingAsksFirst() {
        let (asking, none) = F.press([.character("q")], on: F.start())
        #expect(asking.overlay == .confirmQuit && none.isEmpty)
        let (kept, _) = F.press([.character("n")], on: asking)
        #expect(kept.overlay == nil)
        #expect(F.press([.ctrlC, .ctrlC], on: F.start()).1 == [.quit])
        #expect(F.press([.character("q"), .character("y")], on: F.start()).1 == [.quit])
    }

    @Test func qIsTypedIntoTextFieldsButCtrlCStillQuits() {
        let start = F.press([.enter, .enter], on: F.start()).0
        let typed = F.press([.character("q")], on: start).0
        #expect(typed.overlay == nil && typed.drafts["hostname"]?.text == "q")
        #expect(F.press([.ctrlC], on: typed).0.overlay == .confirmQuit)
    }

    @Test func helpOpensPerFieldAndAnyKeyClosesIt() {
        let onCloud = F.press([.enter, .character("?")], on: F.start()).0
        guard case .help(let title, let text) = onCloud.overlay else {
            Issue.record("no help")
            return
        }
        #expect(title == "Where does the Kubernetes cluster run?")
        #expect(text.contains("Google-managed certificate"))
        #expect(F.press([.down], on: onCloud).0.overlay == nil)
        #expect(F.press([.down], on: onCloud).0.highlights == onCloud.highlights, "the closing key does nothing else")
        // On a password field `?` is part of the password; F1 opens help.
        var secret = F.start()
        secret.step = .question("smtp-password")
        #expect(F.press([.character("?")], on: secret).0.drafts["smtp-password"]?.text == "?")
        if case .help = F.press([.function(1)], on: secret).0.overlay {} else { Issue.record("F1 opens help") }
    }

    @Test func reachingTheReviewAsksForAPreviewAndEnterFinishes() {
        let (review, effects) = F.press(F.toReview, on: F.start())
        #expect(review.step == .review)
        let answers = AnswerSheet(answers: ["cloud": "do", "hostname": "posthog.example.com", "tls": "on", "tier": "small"])
        #expect(effects == [.preparePreview(answers)])
        #expect(F.press([.enter], on: review).1.isEmpty, "no install before the preview is shown")
        let ready = Wizard.update(review, .previewReady(F.preview)).0
        let (done, finish) = F.press([.enter], on: ready)
        #expect(finish == [.finish(answers)])
        #expect(done.finished)
        #expect(F.press([.enter], on: done).1.isEmpty, "nothing after finishing")
    }

    @Test func extrasAreCollapsedUntilChosen() {
        var state = F.press(Array(F.toReview.dropLast()), on: F.start()).0
        #expect(state.step == .extras)
        #expect(state.extrasHighlight == WizardFlow.optionalSections(F.profile).count, "Continue is highlighted first")
        state = F.press([.home, .character(" ")], on: state).0
        #expect(state.enabledSections == ["email"])
        state = F.press([.end, .enter], on: state).0
        #expect(state.step == .question("smtp-host"))
        let back = F.press([.escape], on: state).0
        #expect(back.step == .extras)
        let off = F.press([.home, .enter, .end, .enter], on: back).0
        #expect(off.step == .review, "closing the section again skips its questions")
    }

    @Test func optionalFieldsAcceptEmptyAndSecretsAreKeptExactly() {
        var state = F.start()
        state.answers = ["cloud": "do", "tls": "on"]
        state.step = .question("email")
        let (skipped, _) = F.press([.enter], on: state)
        #expect(skipped.step == .question("tier"))
        #expect(skipped.answers["email"] == nil)
        var secret = F.start()
        secret.step = .question("smtp-password")
        let (typed, _) = F.press(F.type(" pa ss ") + [.enter], on: secret)
        #expect(typed.answers["smtp-password"] == " pa ss ")
    }

    @Test func reviewScrollsWithinTheText() {
        var state = F.press(F.toReview, on: F.start()).0
        var long = F.preview
        long.values = (1...60).map { "key\($0): value" }.joined(separator: "\n")
        state = Wizard.update(state, .previewReady(long)).0
        let limit = ReviewLayout.maxScroll(state)
        #expect(limit > 0)
        state = F.press(Array(repeating: .pageDown, count: 20), on: state).0
        #expect(state.review.scroll == limit)
        state = F.press([.up, .home], on: state).0
        #expect(state.review.scroll == 0)
    }

    @Test func answerChecksFollowTheQuestionKind() throws {
        let port = try #require(F.profile.question("smtp-port"))
        #expect(AnswerCheck.check(" 587 ", question: port) == .success("587"))
        #expect((try? AnswerCheck.check("70000", question: port).get()) == nil)
        let email = try #require(F.profile.question("smtp-from"))
        #expect((try? AnswerCheck.check("nobody", question: email).get()) == nil)
        let cluster = try #require(F.profile.question("external-clickhouse-cluster"))
        #expect((try? AnswerCheck.check("   ", question: cluster).get()) == nil, "a required text is not empty")
    }

    @Test func aTooSmallTerminalQuitsWithoutAskingAndIgnoresOtherKeys() {
        let small = Wizard.update(F.press([.enter], on: F.start()).0, .resized(TerminalSize(columns: 60, rows: 20))).0
        #expect(F.press([.down, .enter], on: small).0 == small)
        #expect(F.press([.character("q")], on: small).1 == [.quit])
        let grown = Wizard.update(small, .resized(TerminalSize(columns: 80, rows: 24))).0
        #expect(F.press([.character("q")], on: grown).0.overlay == .confirmQuit)
    }
}
