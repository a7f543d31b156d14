import Glibc
import PosthogTestSupport
import Testing
@testable import Effects

@Suite struct TerminalFactsTests {
    static func facts(tty: Bool = true, _ env: [String: String], size: TerminalSize? = TerminalSize(columns: 80, rows: 24)) -> TerminalFacts {
        TerminalFacts(inputIsTerminal: tty, outputIsTerminal: tty, size: size, environment: env)
    }

    static let colorCases: [(TerminalFacts, Bool)] = [
        (facts(["TERM": "xterm-256color"]), true),
        (facts(["TERM": "xterm", "NO_COLOR": "1"]), false),
        (facts(["TERM": "xterm", "NO_COLOR": ""]), true),
        (facts(["TERM": "dumb"]), false),
        (facts([:]), false),
        (facts(tty: false, ["TERM": "xterm"]), false),
    ]

    @Test(arguments: colorCases) func colour(facts: TerminalFacts, expected: Bool) {
        #expect(facts.colorEnabled == expected)
    }

    static let localeCases: [([String: String], Bool)] = [
        (["LANG": "en_US.UTF-8"], true),
        (["LANG": "de_DE.utf8"], true),
        (["LANG": "C"], false),
        ([:], false),
        (["LC_ALL": "C", "LANG": "en_US.UTF-8"], false),
        (["LC_CTYPE": "C.UTF-8", "LANG": "C"], true),
        (["LC_ALL": "", "LANG": "C.UTF-8"], true),
    ]

    @Test(arguments: localeCases) func utf8Locale(environment: [String: String], expected: Bool) {
        #expect(Self.facts(environment).isUTF8 == expected)
    }

    @Test func fullScreenProblems() {
        #expect(Self.facts(["TERM": "xterm"]).fullScreenProblem() == nil)
        #expect(Self.facts(tty: false, ["TERM": "xterm"]).fullScreenProblem() == "standard output is not a terminal")
        #expect(Self.facts(["TERM": "dumb"]).fullScreenProblem() == "the terminal type (TERM) is unset or \"dumb\"")
        #expect(Self.facts(["TERM": "xterm"], size: TerminalSize(columns: 70, rows: 30)).fullScreenProblem()
                == "the terminal is 70×30, smaller than the 80×24 needed")
        #expect(Self.facts(tty: false, ["TERM": "xterm"]).supportsFullScreen == false)
    }

    @Test func sizeFromEnvironment() {
        #expect(SystemTerminalProbe.sizeFromEnvironment(["COLUMNS": "120", "LINES": "40"]) == TerminalSize(columns: 120, rows: 40))
        #expect(SystemTerminalProbe.sizeFromEnvironment(["COLUMNS": "x", "LINES": "40"]) == nil)
        #expect(SystemTerminalProbe.sizeFromEnvironment([:]) == nil)
    }

    @Test func systemProbeMatchesIsatty() {
        let facts = SystemTerminalProbe().facts()
        #expect(facts.outputIsTerminal == (isatty(1) == 1))
        #expect(facts.inputIsTerminal == (isatty(0) == 1))
        // A pipe is not a terminal, so it has no window size.
        var ends: [Int32] = [-1, -1]
        #expect(pipe(&ends) == 0)
        #expect(SystemTerminalProbe.windowSize(fd: ends[0]) == nil)
        close(ends[0]); close(ends[1])
    }

    @Test func fixedProbeResizes() {
        let probe = FixedTerminalProbe()
        #expect(probe.facts().isUTF8 && probe.facts().colorEnabled)
        probe.resize(to: TerminalSize(columns: 100, rows: 50))
        #expect(probe.facts().size == TerminalSize(columns: 100, rows: 50))
    }
}

/// Real signals are process-wide, so these run one at a time.
@Suite(.serialized) struct SystemSignalsTests {
    private func first(_ stream: AsyncStream<SignalEvent>, within limit: Duration = .seconds(5)) async -> SignalEvent? {
        await withTaskGroup(of: SignalEvent?.self) { group in
            group.addTask { var iterator = stream.makeAsyncIterator(); return await iterator.next() }
            group.addTask { try? await Task.sleep(for: limit); return nil }
            let result = await group.next() ?? nil
            group.cancelAll()
            return result
        }
    }

    @Test func windowChangeArrivesAsAnEvent() async {
        let stream = SystemSignals.shared.events([.windowChanged])
        #expect(SystemSignals.shared.isHandling(.windowChanged))
        kill(getpid(), SIGWINCH)
        #expect(await first(stream) == .windowChanged)
    }

    @Test func interruptIsDeliveredInsteadOfEndingTheProcess() async {
        let stream = SystemSignals.shared.events([.interrupt, .terminate])
        kill(getpid(), SIGINT)
        #expect(await first(stream) == .interrupt)
        kill(getpid(), SIGTERM)
        #expect(await first(stream) == .terminate)
    }

    @Test func hangupArrives() async {
        let stream = SystemSignals.shared.events([.hangup])
        kill(getpid(), SIGHUP)
        #expect(await first(stream) == .hangup)
        #expect(SignalEvent(number: SIGHUP) == .hangup)
        #expect(SignalEvent(number: SIGUSR2) == nil)
    }

    @Test func endingTheStreamRestoresTheDefaultAction() async throws {
        do {
            let stream = SystemSignals.shared.events([.terminate])
            #expect(SystemSignals.shared.isHandling(.terminate))
            _ = stream
        }
        // The stream is released above; its termination unsubscribes.
        var current = sigaction()
        let deadline = ContinuousClock.now + .seconds(2)
        while SystemSignals.shared.isHandling(.terminate) && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(!SystemSignals.shared.isHandling(.terminate))
        sigaction(SIGTERM, nil, &current)
        #expect(current.__sigaction_handler.sa_handler == nil)  // SIG_DFL
    }

    @Test func manualSourceDeliversToSubscribers() async {
        let source = ManualSignalSource()
        let stream = source.events([.interrupt])
        let other = source.events([.windowChanged])
        source.send(.windowChanged)
        source.send(.interrupt)
        var iterator = stream.makeAsyncIterator()
        #expect(await iterator.next() == .interrupt)
        var otherIterator = other.makeAsyncIterator()
        #expect(await otherIterator.next() == .windowChanged)
        #expect(source.subscriberCount == 2)
    }
}
