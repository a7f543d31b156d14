import Foundation
import Testing

/// The wizard in a real terminal (tmux) under awkward conditions: a terminal that cannot draw
/// (`TERM=dumb`), `NO_COLOR`, a locale that is not UTF-8, a pasted hostname far too long, and
/// a burst of keys faster than the screen draws. Each run must stay usable or say clearly why
/// it cannot, and leave the terminal sane.
@Suite(.serialized) struct WizardTerminalInputEndToEndTests {
    typealias Session = WizardEndToEndTests.Session

    /// A tmux session running the wizard on the simulated cluster with `environment` added.
    final class Run {
        let directory: URL
        let session: Session

        init(environment: [String: String], width: Int = 100, height: Int = 30) throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("wizard-input-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            session = Session(tmux: try #require(WizardEndToEndTests.tmux))
            let settings = [
                "TERM": "tmux-256color", "LANG": "C.UTF-8", "HOME": directory.path,
                "XDG_STATE_HOME": directory.path + "/state", "XDG_CACHE_HOME": directory.path + "/cache",
            ]
            // The test's own settings are given to the program itself: tmux sets TERM for the
            // pane whatever the session's environment says.
            let assignments = environment.sorted { $0.key < $1.key }.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
            let shell =
                "cd '\(directory.path)' && env \(assignments) '\(WizardEndToEndTests.binary)' --simulate; echo EXIT=$?; stty -a; sleep 30"
            session.run(
                ["new-session", "-d", "-s", "S", "-x", "\(width)", "-y", "\(height)"]
                    + settings.sorted { $0.key < $1.key }.flatMap { ["-e", "\($0.key)=\($0.value)"] } + [shell])
        }

        deinit {
            session.run(["kill-server"])
            try? FileManager.default.removeItem(at: directory)
        }

        func expectScreen(_ text: String, seconds: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) {
            let (found, screen) = session.wait(for: text, seconds: seconds)
            #expect(found, "waiting for \"\(text)\"; the screen shows:\n\(screen)", sourceLocation: sourceLocation)
        }

        /// Quits from a question (q asks first) and checks the exit and the terminal settings.
        func quitAndExpectSaneTerminal(sourceLocation: SourceLocation = #_sourceLocation) {
            session.keys("C-c")
            expectScreen("Quit", sourceLocation: sourceLocation)
            session.keys("y")
            expectScreen("EXIT=3", sourceLocation: sourceLocation)
            let settings = session.wait(for: "eol2").1
            let words = Set(settings.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
            for flag in ["icanon", "echo", "isig", "icrnl"] {
                #expect(words.contains(flag), "the terminal is restored (\(flag)):\n\(settings)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test(.enabled(if: WizardEndToEndTests.available, "needs tmux and a built posthog-install"))
    func aTerminalThatCannotDrawIsToldSoWithTheHeadlessCommands() throws {
        let run = try Run(environment: ["TERM": "dumb"])
        run.expectScreen("needs a terminal")
        run.expectScreen("posthog-install install --values values.yaml")
        run.expectScreen("EXIT=2")
    }

    @Test(.enabled(if: WizardEndToEndTests.available, "needs tmux and a built posthog-install"))
    func noColorMeansNoColourAndTheWizardStillWorks() throws {
        let run = try Run(environment: ["NO_COLOR": "1"])
        run.expectScreen("Press Enter to start")
        let escapes = run.session.run(["capture-pane", "-p", "-e", "-t", "S"])
        let colours = escapes.matches(of: /\x1b\[[0-9;]*m/).map { String($0.output) }
            .filter { $0.contains("[3") && !$0.contains("[39m") || $0.contains("[4") && !$0.contains("[49m") || $0.contains("38;") }
        #expect(colours.isEmpty, "colours drawn despite NO_COLOR: \(colours)")
        run.session.keys("Enter")
        run.expectScreen("Where does the Kubernetes cluster run?")
        run.quitAndExpectSaneTerminal()
    }

    @Test(.enabled(if: WizardEndToEndTests.available, "needs tmux and a built posthog-install"))
    func aLocaleThatIsNotUTF8GetsPlainCharacters() throws {
        let run = try Run(environment: ["LANG": "C", "LC_ALL": "C"])
        run.expectScreen("PostHog installer * Welcome")
        run.session.keys("Enter")
        run.expectScreen("Where does the Kubernetes cluster run?")
        #expect(!run.session.screen().contains("•"), "a bullet the locale cannot show")
        run.quitAndExpectSaneTerminal()
    }

    @Test(.enabled(if: WizardEndToEndTests.available, "needs tmux and a built posthog-install"))
    func aPastedHostnameFarTooLongIsRefusedWithTheReasonAndTheWizardGoesOn() throws {
        let run = try Run(environment: [:], width: 80, height: 24)
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
        run.quitAndExpectSaneTerminal()
    }

    @Test(.enabled(if: WizardEndToEndTests.available, "needs tmux and a built posthog-install"))
    func keysFasterThanDrawingLeaveTheWizardResponsive() throws {
        let run = try Run(environment: [:])
        run.expectScreen("Press Enter to start")
        run.session.keys("Enter")
        run.expectScreen("Where does the Kubernetes cluster run?")
        // 400 keys in one write: far more than one frame's worth.
        run.session.run(["send-keys", "-t", "S"] + Array(repeating: ["Down", "Up", "Down", "Down"], count: 100).flatMap { $0 })
        run.session.keys("?")
        run.expectScreen("Esc")  // the help overlay answers
        run.session.keys("Escape")
        run.expectScreen("Where does the Kubernetes cluster run?")
        run.quitAndExpectSaneTerminal()
    }
}
