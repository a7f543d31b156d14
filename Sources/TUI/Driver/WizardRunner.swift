import Effects
import Installer
import Synchronization

/// Runs the wizard on a screen: draws the view of the state, turns keys and signals into
/// events, applies `Wizard.update` and carries out its effects.
public enum WizardRunner {
    /// How the wizard ended.
    public enum Outcome: Sendable, Equatable {
        /// The person confirmed the review: install with these answers.
        case finished(AnswerSheet)
        /// The person quit; nothing was written.
        case quit
        /// A signal (SIGTERM, SIGHUP) or the end of input stopped the wizard.
        case stopped(String)
        /// The person left the install screens (done, failed, blocked, or stopped watching);
        /// the state says where the install was.
        case leftInstall(InstallState)
    }

    /// Prepares the review for a set of answers: `previewReady` or `previewFailed`.
    public typealias PreviewProvider = @Sendable (AnswerSheet) async -> WizardEvent

    /// Runs until the wizard finishes, is quit or is stopped. `signals` are already subscribed
    /// (SIGINT arrives as Ctrl-C and asks before quitting; SIGTERM and SIGHUP stop at once).
    /// `onFirstDraw` is called once the first screen is shown (for start-up timing).
    public static func run(
        _ initial: WizardState, screen: some TerminalScreen, signals: AsyncStream<SignalEvent>? = nil,
        preview: @escaping PreviewProvider, onFirstDraw: (() -> Void)? = nil
    ) async -> Outcome {
        await run(initial, screen: screen, signals: signals, services: WizardServices(preview: preview), onFirstDraw: onFirstDraw)
    }

    /// Runs the wizard with everything the edges provide (the review, the cluster, the install),
    /// on the terminal's own thread (`TerminalExecutor`), so waiting for a key never holds a
    /// thread that the install's tasks need.
    public static func run(
        _ initial: WizardState, screen: some TerminalScreen, signals: AsyncStream<SignalEvent>? = nil,
        services: WizardServices, onFirstDraw: (() -> Void)? = nil
    ) async -> Outcome {
        await withTaskExecutorPreference(TerminalExecutor.shared) {
            await loop(initial, screen: screen, signals: signals, services: services, onFirstDraw: onFirstDraw)
        }
    }

    /// Whether the caller runs on the wizard's terminal thread (where keys are read and the
    /// screen is drawn).
    public static var isOnTerminalThread: Bool { TerminalExecutor.isCurrent }

    private static func loop(
        _ initial: WizardState, screen: some TerminalScreen, signals: AsyncStream<SignalEvent>?,
        services: WizardServices, onFirstDraw: (() -> Void)?
    ) async -> Outcome {
        let preview = services.preview
        let inbox = Inbox()
        // Looked for once the first screen is up: the search (a simulated cluster's state file,
        // kubectl) would otherwise take CPU from the first draw.
        var clusterTask: Task<Void, Never>?
        defer { clusterTask?.cancel() }
        /// Asks the edge which cluster this is (at start and after a job); answers with `.cluster`.
        func lookForCluster() -> Task<Void, Never>? {
            services.findCluster.map { find in
                Task {
                    let info = await find()
                    if !Task.isCancelled { inbox.post(.event(.cluster(info))) }
                }
            }
        }
        var taskPrepare: Task<Void, Never>?
        defer { taskPrepare?.cancel() }
        var logsTask: Task<Void, Never>?
        defer { logsTask?.cancel() }
        let signalTask = signals.map { stream in
            Task {
                for await signal in stream { inbox.post(.signal(signal)) }
            }
        }
        defer { signalTask?.cancel() }
        var previewTask: Task<Void, Never>?
        defer { previewTask?.cancel() }

        var state = initial
        state.size = screen.size
        var dirty = true
        var firstDraw = onFirstDraw
        var lookedForCluster = false
        while true {
            if dirty {
                screen.draw(WizardView.render(state, size: screen.size, glyphs: screen.glyphs))
                dirty = false
                firstDraw?()
                firstDraw = nil
            }
            if !lookedForCluster {
                lookedForCluster = true
                clusterTask = lookForCluster()
            }
            var events: [WizardEvent] = []
            for message in inbox.drain() {
                switch message {
                case .event(let event): events.append(event)
                case .signal(.interrupt): events.append(.key(.ctrlC))
                case .signal(.windowChanged): events.append(.resized(screen.size))
                case .signal(let other): return .stopped(other == .hangup ? "the terminal closed (SIGHUP)" : "stopped by SIGTERM")
                }
            }
            if events.isEmpty {
                switch screen.readKey(timeout: .milliseconds(50)) {
                case .key(.resize): events.append(.resized(screen.size))
                case .key(let key): events.append(.key(key))
                case .timeout: await Task.yield()
                case .closed: return .stopped("the input closed")
                }
            }
            for event in events {
                let (next, effects) = Wizard.update(state, event)
                dirty =
                    dirty || next != state || event == .key(.resize) || { if case .resized = event { return true } else { return false } }()
                state = next
                for effect in effects {
                    switch effect {
                    case .finish(let answers):
                        screen.draw(WizardView.render(state, size: screen.size, glyphs: screen.glyphs))
                        return .finished(answers)
                    case .quit:
                        if let task = state.install?.task ?? state.task?.task, task != .install { services.stopTask(task) }
                        if state.step == .install, let install = state.install { return .leftInstall(install) }
                        return .quit
                    case .startInstall(let answers, let context, let consent):
                        screen.draw(WizardView.render(state, size: screen.size, glyphs: screen.glyphs))
                        services.startInstall(answers, context, consent) { update in inbox.post(.event(.install(update))) }
                    case .loadPodLogs(let pod):
                        logsTask?.cancel()
                        let load = services.loadPodLogs
                        logsTask = Task {
                            let lines = await load(pod)
                            if !Task.isCancelled { inbox.post(.event(.install(.podLogs(pod: pod, lines: lines)))) }
                        }
                    case .recheck:
                        services.recheck()
                    case .prepareTask(let task, let inputs):
                        taskPrepare?.cancel()
                        let prepare = services.prepareTask
                        taskPrepare = Task {
                            let event = await prepare(task, inputs)
                            if !Task.isCancelled { inbox.post(.event(event)) }
                        }
                    case .runTask(let task, let inputs, let context):
                        screen.draw(WizardView.render(state, size: screen.size, glyphs: screen.glyphs))
                        services.runTask(task, inputs, context) { update in inbox.post(.event(.install(update))) }
                    case .stopTask(let task):
                        services.stopTask(task)
                    case .refreshCluster:
                        clusterTask?.cancel()
                        clusterTask = lookForCluster()
                    case .preparePreview(let answers, let upgrade):
                        previewTask?.cancel()
                        let provider = upgrade ? services.previewUpgrade ?? preview : preview
                        previewTask = Task {
                            let event = await provider(answers)
                            if !Task.isCancelled { inbox.post(.event(event)) }
                        }
                    }
                }
            }
        }
    }

    /// Events and signals arriving from other tasks.
    final class Inbox: Sendable {
        enum Message: Sendable {
            case event(WizardEvent)
            case signal(SignalEvent)
        }

        private let messages = Mutex<[Message]>([])

        func post(_ message: Message) { messages.withLock { $0.append(message) } }

        func drain() -> [Message] {
            messages.withLock { list in
                defer { list.removeAll() }
                return list
            }
        }
    }
}

/// What the wizard asks of the edges: the review's data, the cluster, and the install itself.
public struct WizardServices: Sendable {
    /// Reports an install's progress to the wizard.
    public typealias Report = @Sendable (InstallUpdate) -> Void

    /// Prepares the review for a set of answers.
    public var preview: WizardRunner.PreviewProvider
    /// Prepares the review of changed settings for an installed release (`helm upgrade`);
    /// nil uses `preview`.
    public var previewUpgrade: WizardRunner.PreviewProvider?
    /// Finds the cluster the install will go to (shown on the welcome and review screens).
    public var findCluster: (@Sendable () async -> ClusterInfo)?
    /// Writes the files and starts the install into the confirmed context, with what the person
    /// agreed to when the preflight blocked; returns at once and reports through the closure.
    public var startInstall: @Sendable (AnswerSheet, String?, PreflightConsent, @escaping Report) -> Void
    /// The last log lines of a pod.
    public var loadPodLogs: @Sendable (String) async -> [String]
    /// Runs the DNS and TLS checks again now.
    public var recheck: @Sendable () -> Void
    /// Prepares a job's screen: `taskReady` or `taskUnavailable`.
    public var prepareTask: @Sendable (WizardTask, TaskInputs) async -> WizardEvent
    /// Starts a job with what the person entered, against the context the welcome screen named;
    /// returns at once and reports through the closure it is given.
    public var runTask: @Sendable (WizardTask, TaskInputs, String?, @escaping Report) -> Void
    /// Stops what a job left running (a port-forward) when its screen is left.
    public var stopTask: @Sendable (WizardTask) -> Void

    /// Services; everything but the review defaults to doing nothing.
    public init(
        preview: @escaping WizardRunner.PreviewProvider, findCluster: (@Sendable () async -> ClusterInfo)? = nil,
        startInstall: @escaping @Sendable (AnswerSheet, String?, PreflightConsent, @escaping Report) -> Void = { _, _, _, report in
            report(.ended(failure: "this wizard writes values.yaml only"))
        },
        loadPodLogs: @escaping @Sendable (String) async -> [String] = { _ in [] },
        recheck: @escaping @Sendable () -> Void = {},
        prepareTask: @escaping @Sendable (WizardTask, TaskInputs) async -> WizardEvent = { task, _ in
            .taskUnavailable(task, "This wizard was started without a cluster to work on.")
        },
        runTask: @escaping @Sendable (WizardTask, TaskInputs, String?, @escaping Report) -> Void = { _, _, _, report in
            report(.ended(failure: "this wizard was started without a cluster to work on"))
        },
        stopTask: @escaping @Sendable (WizardTask) -> Void = { _ in },
        previewUpgrade: WizardRunner.PreviewProvider? = nil
    ) {
        self.previewUpgrade = previewUpgrade
        self.prepareTask = prepareTask
        self.runTask = runTask
        self.stopTask = stopTask
        self.preview = preview
        self.findCluster = findCluster
        self.startInstall = startInstall
        self.loadPodLogs = loadPodLogs
        self.recheck = recheck
    }
}
