import Foundation
import Testing

/// Drives the built `posthog-install` in a detached tmux session: the wizard from the cloud to
/// the review, a validation error and Esc, a resize, and Ctrl-C leaving a sane terminal.
/// Skipped when tmux or the built binary is missing.
@Suite(.serialized) struct WizardEndToEndTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let binary = packageRoot.appendingPathComponent(".build/debug/posthog-install").path
    static let tmux = ["/usr/bin/tmux", "/usr/local/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static var available: Bool { tmux != nil && FileManager.default.isExecutableFile(atPath: binary) }

    final class Session {
        let socket = "posthog-wizard-\(getpid())-\(Int.random(in: 0..<1_000_000))"
        let tmux: String

        init(tmux: String) { self.tmux = tmux }

        /// Runs a tmux command and returns its standard output (through a file: the server
        /// that `new-session` starts must not inherit a pipe of ours). posix_spawn and waitpid
        /// directly, since Foundation's Process can miss the exit inside the test runner.
        @discardableResult
        func run(_ arguments: [String]) -> String {
            let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString)").path
            defer { unlink(outputPath) }
            let argv = [tmux, "-L", socket, "-f", "/dev/null"] + arguments
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
            var cArguments = argv.map { strdup($0) } + [nil]
            defer { cArguments.forEach { free($0) } }
            var pid: pid_t = 0
            guard posix_spawn(&pid, tmux, &actions, nil, &cArguments, environ) == 0 else { return "" }
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0, errno == EINTR {}
            return (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        }

        func screen() -> String { run(["capture-pane", "-p", "-t", "S"]) }

        /// Waits until the screen contains `text`; returns the screen then (or the last one seen).
        @discardableResult
        func wait(for text: String, seconds: Double = 10) -> (Bool, String) {
            let deadline = Date().addingTimeInterval(seconds)
            var last = ""
            while Date() < deadline {
                last = screen()
                if last.contains(text) { return (true, last) }
                usleep(50_000)
            }
            return (false, last)
        }

        func keys(_ keys: String...) { run(["send-keys", "-t", "S"] + keys) }
        func type(_ text: String) { run(["send-keys", "-t", "S", "-l", text]) }
    }

    @Test(.enabled(if: WizardEndToEndTests.available, "needs tmux and a built posthog-install"))
    func wizardInTmux() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wizard-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let session = Session(tmux: try #require(Self.tmux))
        defer { session.run(["kill-server"]) }
        let shell = "cd '\(directory.path)' && '\(Self.binary)'; echo EXIT=$?; stty -a; sleep 5"
        session.run(["new-session", "-d", "-s", "S", "-x", "100", "-y", "30", "-e", "TERM=tmux-256color", "-e", "LANG=C.UTF-8", shell])

        func expectScreen(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
            let (found, screen) = session.wait(for: text)
            #expect(found, "waiting for \"\(text)\"; the screen shows:\n\(screen)", sourceLocation: sourceLocation)
        }

        expectScreen("Press Enter to start")
        session.keys("Enter")
        expectScreen("Where does the Kubernetes cluster run?")
        session.keys("Enter")
        expectScreen("Which hostname will PostHog be reached at?")
        session.type("https://posthog.example.com")
        expectScreen("Leave out \"https://\"")
        session.keys("Escape")
        expectScreen("Where does the Kubernetes cluster run?")
        session.keys("Enter")
        expectScreen("[https://posthog.example.com")  // what was typed is kept
        session.keys("C-u")
        session.type("PostHog.Example.com")
        expectScreen("Will use posthog.example.com")
        session.keys("Enter")
        expectScreen("Serve PostHog over HTTPS?")
        expectScreen("cert-manager asks Let's Encrypt")
        session.keys("Enter")
        expectScreen("Let's Encrypt send certificate notices")
        session.keys("Enter")
        expectScreen("Estimated monthly cost on DigitalOcean")
        session.keys("Enter")
        expectScreen("Continue to review")
        session.keys("Enter")
        expectScreen("values.yaml (new file)")
        expectScreen("$ helm repo add posthog https://posthog.github.io/charts-clickhouse/")

        session.run(["resize-window", "-t", "S", "-x", "70", "-y", "20"])
        expectScreen("Terminal too small: 70×20")
        session.run(["resize-window", "-t", "S", "-x", "100", "-y", "30"])
        expectScreen("values.yaml (new file)")

        session.keys("C-c")
        expectScreen("Quit the wizard?")
        session.keys("y")
        let (ended, screen) = session.wait(for: "EXIT=3")
        #expect(ended, "the wizard exits with 3 (stopped by the person):\n\(screen)")
        let settings = session.wait(for: "eol2").1
        let words = Set(settings.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
        for flag in ["icanon", "echo", "isig", "icrnl"] {
            #expect(words.contains(flag), "the terminal is restored (\(flag)):\n\(settings)")
        }
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("values.yaml").path), "quitting writes nothing")
    }
}
