import Foundation
import Testing

/// Drives the built `posthog-install` in detached tmux sessions against the simulated cluster:
/// a complete install from the first question to the DNS record (with going back, a validation
/// error, a resize and a pod's details), an undersized cluster stopped by the preflight, installing
/// anyway on it as on a node pool that grows by itself, and Ctrl-C during the install; each ends
/// with a sane terminal. Skipped when tmux or the built
/// binary is missing.
@Suite(.serialized) struct WizardEndToEndTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let binary = packageRoot.appendingPathComponent(".build/debug/posthog-install").path
    static let tmux = ["/usr/bin/tmux", "/usr/local/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static var available: Bool { tmux != nil && FileManager.default.isExecutableFile(atPath: binary) }

    /// A headless install on the simulated cluster, run before the wizard (its day-2 journeys).
    static let headlessInstall =
        "POSTHOG_INSTALL_SIMULATION_SPEED=60 '\(binary)' install --simulate --cloud do --hostname posthog.example.com "
        + "--tls --tier small --email ops@example.com --yes > install.log 2>&1"

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

    /// A temporary home, state directory and working directory, and a tmux session running the
    /// wizard there with the simulated cluster's clock sped up.
    final class Run {
        let directory: URL
        let session: Session

        /// `before` runs first in the same directory and environment (a headless install, say).
        /// `environment` is given to the program itself (tmux sets TERM for the pane whatever
        /// the session's environment says).
        init(
            arguments: String = "", path: String? = nil, before: String = "", environment: [String: String] = [:],
            width: Int = 100, height: Int = 30
        ) throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("wizard-e2e-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            session = Session(tmux: try #require(WizardEndToEndTests.tmux))
            let pathSetting = path.map { "PATH='\($0)' " } ?? ""
            let settings = environment.sorted { $0.key < $1.key }.map { "\($0.key)='\($0.value)' " }.joined()
            let prelude = before.isEmpty ? "" : "\(before) && "
            let shell =
                "cd '\(directory.path)' && \(prelude)\(pathSetting)\(settings)'\(WizardEndToEndTests.binary)' \(arguments); echo EXIT=$?; stty -a; sleep 30"
            session.run([
                "new-session", "-d", "-s", "S", "-x", "\(width)", "-y", "\(height)", "-e", "TERM=tmux-256color", "-e", "LANG=C.UTF-8",
                "-e", "HOME=\(directory.path)", "-e", "XDG_STATE_HOME=\(directory.path)/state",
                "-e", "XDG_CACHE_HOME=\(directory.path)/cache", "-e", "POSTHOG_INSTALL_SIMULATION_SPEED=20", shell,
            ])
        }

        deinit {
            session.run(["kill-server"])
            try? FileManager.default.removeItem(at: directory)
        }

        func expectScreen(_ text: String, seconds: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) {
            let (found, screen) = session.wait(for: text, seconds: seconds)
            #expect(found, "waiting for \"\(text)\"; the screen shows:\n\(screen)", sourceLocation: sourceLocation)
        }

        /// The terminal settings printed after the program ended are those of a sane terminal.
        func expectSaneTerminal(sourceLocation: SourceLocation = #_sourceLocation) {
            let settings = session.wait(for: "eol2").1
            let words = Set(settings.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
            for flag in ["icanon", "echo", "isig", "icrnl"] {
                #expect(words.contains(flag), "the terminal is restored (\(flag)):\n\(settings)", sourceLocation: sourceLocation)
            }
        }

        /// On the preflight's result (nothing blocks): Enter starts the install.
        func confirmPreflight() {
            expectScreen("Press Enter to install, or Esc to change your answers.", seconds: 30)
            session.keys("Enter")
        }

        /// From the welcome screen to the review with DigitalOcean, HTTPS, tier `tier` (1-3).
        func answer(tier: String = "2", tierScreenShows: String? = nil) {
            expectScreen("Press Enter to start")
            session.keys("Enter")
            expectScreen("Where does the Kubernetes cluster run?")
            session.keys("Enter")
            expectScreen("Which hostname will PostHog be reached at?")
            session.type("posthog.example.com")
            session.keys("Enter")
            expectScreen("Serve PostHog over HTTPS?")
            session.keys("Enter")
            expectScreen("Let's Encrypt send certificate notices")
            session.keys("Enter")
            expectScreen("Estimated monthly cost on DigitalOcean")
            session.type(tier)
            if let tierScreenShows { expectScreen(tierScreenShows) }
            session.keys("Enter")
            expectScreen("Continue to review")
            session.keys("Enter")
            expectScreen("values.yaml (new file)")
        }
    }

    @Test(.enabled(if: WizardEndToEndTests.available, "needs tmux and a built posthog-install"))
    func aCompleteInstallOnTheSimulatedCluster() throws {
        // No kubectl on PATH: the wizard says it uses the simulated cluster.
        let run = try Run(path: "/nonexistent")
        let session = run.session
        run.expectScreen("the built-in simulated cluster")
        run.expectScreen("kubectl is not on your PATH")
        session.keys("Enter")
        run.expectScreen("Where does the Kubernetes cluster run?")
        session.keys("Enter")
        run.expectScreen("Which hostname will PostHog be reached at?")
        session.type("https://posthog.example.com")
        run.expectScreen("Leave out \"https://\"")
        session.keys("Enter")
        run.expectScreen("Which hostname will PostHog be reached at?")  // refused: still here
        session.keys("Escape")
        run.expectScreen("Where does the Kubernetes cluster run?")
        session.keys("Enter")
        run.expectScreen("[https://posthog.example.com")  // what was typed is kept
        session.keys("C-u")
        session.type("PostHog.Example.com")
        run.expectScreen("Will use posthog.example.com")
        session.keys("Enter")
        run.expectScreen("Serve PostHog over HTTPS?")
        session.keys("Enter")
        run.expectScreen("Let's Encrypt send certificate notices")
        session.keys("Enter")
        run.expectScreen("Estimated monthly cost on DigitalOcean")
        session.keys("Enter")
        run.expectScreen("Continue to review")
        session.keys("Enter")
        run.expectScreen("Cluster: the built-in simulated cluster")
        run.expectScreen("--kube-context posthog-simulated")

        session.run(["resize-window", "-t", "S", "-x", "70", "-y", "20"])
        run.expectScreen("Terminal too small: 70×20")
        session.run(["resize-window", "-t", "S", "-x", "100", "-y", "30"])
        run.expectScreen("values.yaml (new file)")

        // The preflight's result is shown even when nothing blocks; Esc goes back to the review.
        session.keys("Enter")
        run.expectScreen("PostHog installer • Preflight passed", seconds: 30)
        run.expectScreen("! kubectl and helm: Simulated cluster")  // a warning, with its fix
        run.expectScreen("Enter install  Esc back  ? help  q quit")
        session.keys("Escape")
        run.expectScreen("values.yaml; the current file is kept as a backup")
        session.keys("Enter")
        run.confirmPreflight()
        run.expectScreen("Installing PostHog (simulated cluster)")
        run.expectScreen("NAME")  // the pods table
        session.keys("Enter")  // the first pod's events and logs
        run.expectScreen("Last log lines")
        session.keys("Escape")
        run.expectScreen("Create this DNS record", seconds: 60)
        run.expectScreen("posthog.example.com")
        run.expectScreen("203.0.113.")
        run.expectScreen("DNS: posthog.example.com", seconds: 20)  // the checks ran
        // Help opens here too, and Esc never quits the Installed screen.
        session.keys("?")
        run.expectScreen("once the DNS record shown points")
        session.keys("x")
        session.keys("Escape")
        run.expectScreen("r check again  m more jobs  ? help  q done")
        #expect(!session.screen().contains("EXIT="), "Esc did not quit")
        session.keys("r")
        session.keys("q")
        let (ended, screen) = session.wait(for: "EXIT=0")
        #expect(ended, "a complete install exits with 0:\n\(screen)")
        #expect(screen.contains("PostHog was installed on the simulated cluster"), "\(screen)")
        run.expectSaneTerminal()
        let values = run.directory.appendingPathComponent("values.yaml").path
        #expect(FileManager.default.fileExists(atPath: values), "values.yaml is written")
        #expect((try? FileManager.default.attributesOfItem(atPath: values)[.posixPermissions] as? Int) == 0o600)
    }

    @Test(.enabled(if: WizardEndToEndTests.available, "needs tmux and a built posthog-install"))
    func theSimulatedClusterFollowsTheCloudAnsweredInTheWizard() throws {
        // The welcome screen looks at the (DigitalOcean-like) simulated cluster before any cloud is
        // chosen; answering aws must still rehearse EKS: gp2 volumes and a host name, so a CNAME.
        let run = try Run(arguments: "--simulate --simulate-nodes 3x4cpu16gi")
        let session = run.session
        run.expectScreen("the built-in simulated cluster")
        session.keys("Enter")
        run.expectScreen("Where does the Kubernetes cluster run?")
        session.keys("Up")
        session.keys("Enter")
        run.expectScreen("Which hostname will PostHog be reached at?")
        session.type("posthog.example.com")
        session.keys("Enter")
        run.expectScreen("Serve PostHog over HTTPS?")
        session.keys("Enter")
        run.expectScreen("Let's Encrypt send certificate notices")
        session.keys("Enter")
        run.expectScreen("Estimated monthly cost")
        session.keys("Enter")
        run.expectScreen("Continue to review")
        session.keys("Enter")
        run.expectScreen("values.yaml (new file)")
        session.keys("Enter")
        run.confirmPreflight()
        run.expectScreen("Installing PostHog (simulated cluster)")
        run.expectScreen("CNAME", seconds: 90)
        run.expectScreen(".us-east-1.elb.amazonaws.com")
        session.keys("q")
        let (ended, screen) = session.wait(for: "EXIT=")
        #expect(ended, "\(screen)")
        #expect(screen.contains("posthog-install status --simulate"), "the printed next step works as printed:\n\(screen)")
        let state = try String(
            contentsOf: run.directory.appendingPathComponent("state/posthog-install/simulated-cluster.json"), encoding: .utf8)
        #expect(state.contains("\"flavour\":\"aws\""))
        #expect(state.contains("\"storageClass\":\"gp2\""))
    }

    @Test(.enabled(if: WizardEndToEndTests.available, "needs tmux and a built posthog-install"))
    func anUndersizedSimulatedClusterIsStoppedWithTheFix() throws {
        let run = try Run(arguments: "--simulate-nodes 1x2cpu2gi")
        let session = run.session
        run.expectScreen("1 node × 2 vCPU, 2 GiB memory")
        run.expectScreen("Chosen with --simulate")
        // The tier screen already knows the cluster it will go to.
        run.answer(tier: "3", tierScreenShows: "Your cluster: 1 node, 1.9 vCPU / 1.4 GiB allocatable: too small for PostHog")
        session.keys("Enter")
        run.expectScreen("Nothing was installed: the preflight found 1 blocker", seconds: 20)
        run.expectScreen("✗ Cluster size")
        run.expectScreen("Fix: Add nodes or use larger nodes")
        session.keys("Escape")
        run.expectScreen("values.yaml; the current file is kept as a backup")  // back at the review
        session.keys("C-c")
        run.expectScreen("Quit the wizard?")
        session.keys("y")
        let (ended, screen) = session.wait(for: "EXIT=3")
        #expect(ended, "quitting exits with 3:\n\(screen)")
        run.expectSaneTerminal()
    }

    @Test(.enabled(if: WizardEndToEndTests.available, "needs tmux and a built posthog-install"))
    func installingAnywayOnAGrowingNodePoolShowsWhyPodsWait() throws {
        // One node with 1 GiB: too small, and some pods do not fit. The simulated cluster has no
        // autoscaler, so after "install anyway" those pods stay Pending and the screen says why.
        let run = try Run(arguments: "--simulate-nodes 1x2cpu1gi")
        let session = run.session
        run.expectScreen("1 node × 2 vCPU, 1 GiB memory")
        run.answer()
        session.keys("Enter")
        run.expectScreen("Nothing was installed: the preflight found 2 blockers", seconds: 20)
        run.expectScreen("Press a to install anyway — my node pool adds nodes by itself.")
        session.keys("a")
        run.expectScreen("Only say yes if your node pool adds nodes by itself")
        session.keys("y")
        run.expectScreen("Installing PostHog (simulated cluster)", seconds: 20)
        run.expectScreen("Insufficient memory", seconds: 60)
        let (_, screen) = session.wait(for: "Fix:")
        #expect(screen.contains("no node has enough memory"), "the diagnosis names the problem:\n\(screen)")
        session.keys("q")
        run.expectScreen("Stop the simulated install?")
        session.keys("y")
        let (ended, last) = session.wait(for: "EXIT=3")
        #expect(ended, "stopping exits with 3:\n\(last)")
        run.expectSaneTerminal()
    }

    @Test(.enabled(if: WizardEndToEndTests.available, "needs tmux and a built posthog-install"))
    func ctrlCDuringTheInstallAsksAndSaysWhatIsLeft() throws {
        let run = try Run(arguments: "--simulate")
        let session = run.session
        run.answer()
        session.keys("Enter")
        run.confirmPreflight()
        run.expectScreen("Installing PostHog (simulated cluster)")
        session.keys("C-c")
        run.expectScreen("Stop the simulated install?")
        session.keys("n")
        run.expectScreen("stop watching")
        session.keys("C-c")
        run.expectScreen("Stop the simulated install?")
        session.keys("y")
        let (ended, screen) = session.wait(for: "EXIT=3")
        #expect(ended, "stopping exits with 3:\n\(screen)")
        #expect(screen.contains("the simulated install stopped with posthog-install"), "\(screen)")
        run.expectSaneTerminal()
    }

    @Test(.enabled(if: WizardEndToEndTests.available, "needs tmux and a built posthog-install"))
    func shrinkingTo20x5MidInstallStillAsksBeforeQuitting() throws {
        let run = try Run(arguments: "--simulate")
        let session = run.session
        run.answer()
        session.keys("Enter")
        run.confirmPreflight()
        run.expectScreen("Installing PostHog (simulated cluster)")
        session.run(["resize-window", "-t", "S", "-x", "20", "-y", "5"])
        run.expectScreen("Terminal too")
        session.keys("Escape")  // Esc never quits
        // A key within the escape delay after ESC is Alt plus that key; a person's next key comes later.
        usleep(200_000)
        session.keys("q")
        run.expectScreen("Stop? Press y")
        session.keys("n")
        run.expectScreen("Terminal too")
        session.run(["resize-window", "-t", "S", "-x", "80", "-y", "24"])
        run.expectScreen("Ready (workloads, volumes)")
        #expect(!session.screen().contains("EXIT="), "still running after Esc and n")
        session.keys("C-c")
        run.expectScreen("Stop the simulated install?")
        session.keys("y")
        let (ended, screen) = session.wait(for: "EXIT=3")
        #expect(ended, "stopping exits with 3:\n\(screen)")
        run.expectSaneTerminal()
    }
}
