import Foundation
import Testing

/// The wizard in a real terminal (tmux) under awkward conditions: a terminal that cannot draw
/// (`TERM=dumb`), `NO_COLOR`, a locale that is not UTF-8, a pasted hostname far too long, and
/// a burst of keys faster than the screen draws. Each run must stay usable or say clearly why
/// it cannot, and leave the terminal sane.
@Suite(.serialized) struct WizardTerminalInputEndToEndTests {
    typealias E2E = WizardEndToEndTests

    /// The wizard on the simulated cluster, with `environment` given to the program.
    static func run(_ environment: [String: String], width: Int = 100, height: Int = 30) throws -> E2E.Run {
        try E2E.Run(arguments: "--simulate", environment: environment, width: width, height: height)
    }

    /// Quits from a question (Ctrl-C asks first) and checks the exit and the terminal settings.
    static func quitAndExpectSaneTerminal(_ run: E2E.Run, sourceLocation: SourceLocation = #_sourceLocation) {
        run.session.keys("C-c")
        run.expectScreen("Quit", sourceLocation: sourceLocation)
        run.session.keys("y")
        run.expectScreen("EXIT=3", sourceLocation: sourceLocation)
        run.expectSaneTerminal(sourceLocation: sourceLocation)
    }

    @Test(.enabled(if: WizardEndToEndTests.available, "needs tmux and a built posthog-install"))
    func aTerminalThatCannotDrawIsToldSoWithTheHeadlessCommands() throws {
        let run = try Self.run(["TERM": "dumb"])
        run.expectScreen("needs a terminal")
        run.expectScreen("posthog-install install --values values.yaml")
        run.expectScreen("EXIT=2")
    }

    @Test(.enabled(if: WizardEndToEndTests.available, "needs tmux and a built posthog-install"))
    func noColorMeansNoColourAndTheWizardStillWorks() throws {
        let run = try Self.run(["NO_COLOR": "1"])
        run.expectScreen("Press Enter to start")
        let escapes = run.session.run(["capture-pane", "-p", "-e", "-t", "S"])
        let colours = escapes.matches(of: /\x1b\[[0-9;]*m/).map { String($0.output) }
            .filter { $0.contains("[3") && !$0.contains("[39m") || $0.contains("[4") && !$0.contains("[49m") || $0.contains("38;") }
        #expect(colours.isEmpty, "colours drawn despite NO_COLOR: \(colours)")
        run.session.keys("Enter")
        run.expectScreen("Where does the Kubernetes cluster run?")
        Self.quitAndExpectSaneTerminal(run)
    }

    @Test(.enabled(if: WizardEndToEndTests.available, "needs tmux and a built posthog-install"))
    func aLocaleThatIsNotUTF8GetsPlainCharacters() throws {
        let run = try Self.run(["LANG": "C", "LC_ALL": "C"])
        run.expectScreen("PostHog installer * Welcome")
        run.session.keys("Enter")
        run.expectScreen("Where does the Kubernetes cluster run?")
        #expect(!run.session.screen().contains("•"), "a bullet the locale cannot show")
        Self.quitAndExpectSaneTerminal(run)
    }

    @Test(.enabled(if: WizardEndToEndTests.available, "needs tmux and a built posthog-install"))
    func aPastedHostnameFarTooLongIsRefusedWithTheReasonAndTheWizardGoesOn() throws {
        let run = try Self.run([:], width: 80, height: 24)
        run.expectScreen("Press Enter to start")
        run.session.keys("Enter")
        run.expectScreen("Where does the Kubernetes cluster run?")
        run.session.keys("Enter")
        run.expectScreen("Which hostname will PostHog be reached at?")
        run.session.type(String(repeating: "a", count: 70) + "." + String(repeating: "b", count: 250) + ".example.com")
        run.session.keys("Enter")
        run.expectScreen("longer than 63 characters")
        // Still usable: back to the previous question and forward again.
        run.session.keys("Escape")
        run.expectScreen("Where does the Kubernetes cluster run?")
        run.session.keys("Enter")
        run.expectScreen("Which hostname will PostHog be reached at?")
        Self.quitAndExpectSaneTerminal(run)
    }

    @Test(.enabled(if: WizardEndToEndTests.available, "needs tmux and a built posthog-install"))
    func keysFasterThanDrawingLeaveTheWizardResponsive() throws {
        let run = try Self.run([:])
        run.expectScreen("Press Enter to start")
        run.session.keys("Enter")
        run.expectScreen("Where does the Kubernetes cluster run?")
        // 400 keys in one write: far more than one frame's worth.
        run.session.run(["send-keys", "-t", "S"] + Array(repeating: ["Down", "Up", "Down", "Down"], count: 100).flatMap { $0 })
        run.session.keys("?")
        run.expectScreen("Esc")  // the help overlay answers
        run.session.keys("Escape")
        run.expectScreen("Where does the Kubernetes cluster run?")
        Self.quitAndExpectSaneTerminal(run)
    }
}
