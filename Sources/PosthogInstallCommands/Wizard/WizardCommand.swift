import Cluster
import Effects
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Installer
import Synchronization
import TUI
import YAML

/// `posthog-install` without a subcommand: the full-screen wizard when run in a terminal,
/// otherwise a message pointing to the headless commands. On confirmation the wizard writes
/// values.yaml and answers.yaml (generated passwords kept, previous file backed up) and goes on
/// to install into the cluster the review showed (`WizardInstallSession`).
final class WizardCommand: Sendable {
    let files: any FileSystem
    let runner: any ProcessRunner
    let secrets: any SecretSource
    let profiles: [ProfileSet]
    let valuesPath: String
    /// The cluster chosen at start, when the wizard installs (the review shows its context).
    let cluster: Task<WizardClusterProbe.Choice, Never>?
    private let lastPreview = Mutex<(AnswerSheet, ValuesGeneration.Output)?>(nil)

    init(
        files: any FileSystem, runner: any ProcessRunner, secrets: any SecretSource, profiles: [ProfileSet],
        valuesPath: String = "values.yaml",
        cluster: Task<WizardClusterProbe.Choice, Never>? = nil
    ) {
        self.cluster = cluster
        self.files = files
        self.runner = runner
        self.secrets = secrets
        self.profiles = profiles
        self.valuesPath = valuesPath
    }

    /// What to print when the wizard cannot run: why, and the headless way to do the same.
    static func headlessAdvice(problem: String) -> String {
        """
        posthog-install: the interactive wizard needs a terminal, but \(problem).
        For scripts and CI, use the headless commands, for example:
          posthog-install values --cloud do --hostname posthog.example.com --tls --tier small
          posthog-install install --values values.yaml
        Run posthog-install --help to see every command.

        """
    }

    /// How the wizard was started: `--simulate`, `--simulate-nodes`.
    struct Options: Sendable {
        /// Use the built-in simulated cluster even when kubectl has a context.
        var simulate = false
        /// Nodes of the simulated cluster (`2x2cpu4gi`); implies `simulate`.
        var simulateNodes: String?
    }

    /// The environment variable that speeds up the simulated cluster's clock (a whole number,
    /// `20` = twenty times real speed); for demonstrations and end-to-end tests.
    static let simulationSpeedVariable = "POSTHOG_INSTALL_SIMULATION_SPEED"

    /// The real entry point: checks the terminal, runs the wizard and the install, and says
    /// where things stand once the terminal is restored.
    static func main(_ options: Options = Options()) async -> ToolExitCode {
        let facts = SystemTerminalProbe().facts()
        // Size is checked inside the wizard, which can wait for the window to grow.
        if !facts.supportsFullScreen, let problem = facts.fullScreenProblem(minimum: TerminalSize(columns: 1, rows: 1)) {
            Console.standard.write(headlessAdvice(problem: problem), to: .error)
            return .badInput
        }
        let forced: WizardClusterProbe.Choice?
        do {
            forced =
                options.simulate || options.simulateNodes != nil
                ? try WizardClusterProbe.simulated(nodes: options.simulateNodes, reason: "Chosen with --simulate.") : nil
        } catch {
            Console.standard.write("Error: --simulate-nodes: \(error)\n", to: .error)
            return .badInput
        }
        let profiles: [ProfileSet]
        do { profiles = try ProfileSet.all() } catch {
            Console.standard.write("Error: the built-in profiles are damaged: \(error)\n", to: .error)
            return .failed
        }
        let runner = SubprocessRunner()
        // The cluster is looked for while the first screen is drawn.
        let cluster = Task {
            if let forced { return forced }
            return await WizardClusterProbe(runner: runner, path: ExecutableLookup.currentPath).choose()
        }
        let command = WizardCommand(
            files: LocalFileSystem(), runner: runner, secrets: SystemSecretSource(), profiles: profiles,
            cluster: cluster)
        var state: WizardState
        do { state = try command.initialState() } catch {
            Console.standard.write("Error: \(error)\n", to: .error)
            return .badInput
        }
        state.launch.runsInstall = true
        state.launch.confirmAction = "install"
        state.launch.hasSavedValues = command.files.exists(command.valuesPath)
        // To say truthfully on quitting whether this run wrote values.yaml (an install or a job may have).
        let valuesAtStart = try? command.files.readString(command.valuesPath)
        state.launch.savedValuesPath = command.valuesPath
        let environment = ProcessEnvironment.current()
        let speed = ScaledClock.factor(fromEnvironment: environment[simulationSpeedVariable]) ?? 1
        let checks = WizardPostInstallChecks(resolvers: DNSLookups.standardResolvers(), probe: OpenSSLTLSProbe())
        let session = WizardInstallSession(
            command: command,
            environment: .init(
                cluster: cluster, clock: speed > 1 ? ScaledClock(factor: speed) : SystemClock(), runner: runner,
                stateDirectory: XDGPaths.current.stateDirectory, checks: checks))
        let tasks = WizardTaskSession(
            command: command,
            environment: .init(
                cluster: cluster, clock: speed > 1 ? ScaledClock(factor: speed) : SystemClock(), runner: runner, checks: checks))
        let profile = state.profile
        let services = WizardServices(
            preview: { sheet in await command.preview(sheet, profile: profile) },
            findCluster: { await tasks.clusterInfo() },
            startInstall: { sheet, context, consent, report in
                session.start(sheet, profile: profile, context: context, consent: consent, report: report)
            },
            loadPodLogs: { pod in await session.podLogs(pod) },
            recheck: {
                session.recheck()
                tasks.recheck()
            },
            prepareTask: { task, inputs in await tasks.prepare(task, inputs) },
            runTask: { task, inputs, context, report in tasks.run(task, inputs, context: context, report: report) },
            stopTask: { task in if task == .install { session.stopChecks() } else { tasks.stop(task) } },
            previewUpgrade: { sheet in await command.preview(sheet, profile: profile, upgrade: true) })
        // Subscribe before curses starts so SIGINT/SIGTERM come to us (curses leaves them alone).
        let signals = SystemSignals.shared.events([.interrupt, .terminate, .hangup])
        let outcome: WizardRunner.Outcome
        do {
            let screen = try CursesScreen.open(noColor: facts.noColor)
            defer { screen.close() }
            outcome = await WizardRunner.run(
                state, screen: screen, signals: signals, services: services,
                onFirstDraw: StartupTiming.firstDrawn)
        } catch {
            Console.standard.write("Error: \(error)\n\(headlessAdvice(problem: "it could not be started"))", to: .error)
            return .failed
        }
        // The terminal is restored from here on: plain lines.
        switch outcome {
        case .quit:
            let valuesNow = try? command.files.readString(command.valuesPath)
            Console.standard.write(
                valuesNow == valuesAtStart
                    ? "Stopped: nothing was written.\n"
                    : "Stopped. \(command.valuesPath) holds this run's settings; posthog-install status shows the install.\n",
                to: .error)
            return .stopped
        case .stopped(let why):
            Console.standard.write("Stopped (\(why)).\n", to: .error)
            return .stopped
        case .leftInstall(let install) where install.task != .install:
            let (text, code) = WizardTaskSession.leave(install)
            Console.standard.line(text)
            return code
        case .leftInstall(let install):
            let (text, code) = await session.leave(install, simulated: await cluster.value.info.simulated)
            Console.standard.line(text)
            return code
        case .finished(let sheet):
            do {
                Console.standard.line(try command.write(sheet, profile: state.profile))
                return .success
            } catch {
                Console.standard.write("Error: \(error)\n", to: .error)
                return .failed
            }
        }
    }

    /// The wizard's first state: the newest profile set, pre-filled from answers.yaml when a
    /// previous run saved one.
    func initialState() throws -> WizardState {
        let answersPath = ValuesRun.answersPath(for: valuesPath)
        var profile = try newestProfile()
        var sheet = AnswerSheet()
        if files.exists(answersPath) {
            let text = try files.readString(answersPath)
            let (saved, savedSheet) = try AnswersFile.read(text, file: answersPath, profiles: profiles)
            profile = saved
            sheet = savedSheet
        }
        if sheet.answers["cloud"] == nil, files.exists(valuesPath), let text = try? files.readString(valuesPath),
            let cloud = (try? YAML.parse(text, file: valuesPath))?["cloud"]?.stringValue, Cloud(rawValue: cloud) != nil
        {
            // values.yaml names the cloud it was written for: "Change settings" keeps it.
            sheet.answers["cloud"] = cloud
        }
        var state = WizardState(profile: profile, answers: sheet.answers)
        state.enabledSections = sheet.enabledSections
        state.launch.confirmAction = "write values.yaml"
        return state
    }

    /// The answers values.yaml was last written from (answers.yaml), so values only they wanted
    /// are taken out when an answer changes (HTTP-only → HTTPS drops `ingress.letsencrypt: false`).
    func savedSheet(profile: ProfileSet) -> AnswerSheet? {
        let pair = SavedAnswers(files: files, valuesPath: valuesPath)
        guard let text = pair.textValuesWereWrittenFrom(),
            let (_, saved) = try? AnswersFile.read(text, file: pair.answersPath, profiles: profiles)
        else { return nil }
        return ValuesRun.carry(saved, to: profile)
    }

    private func newestProfile() throws -> ProfileSet {
        func major(_ profile: ProfileSet) -> Int { Int(profile.chart.defaultVersion.split(separator: ".").first ?? "") ?? 0 }
        guard let newest = profiles.max(by: { major($0) < major($1) }) else {
            throw WizardFailure(description: "no profile sets are built in")
        }
        return newest
    }

    /// Prepares the review: values.yaml for the answers (an edit of the existing file when
    /// there is one), the commands, and kubectl's current context.
    /// With `upgrade`, the answers change an installed release: the commands are `helm upgrade`'s.
    func preview(_ sheet: AnswerSheet, profile: ProfileSet, upgrade: Bool = false) async -> WizardEvent {
        do {
            let existing = files.exists(valuesPath) ? try files.readString(valuesPath) : nil
            let output = try ValuesGeneration.generate(
                .init(
                    profile: profile, sheet: sheet, existing: existing, file: valuesPath,
                    previousSheet: savedSheet(profile: profile)),
                secrets: secrets)
            lastPreview.withLock { $0 = (sheet, output) }
            // When the wizard installs, the context is the cluster chosen at start (the install
            // is pinned to it) and the commands are the install's, as `InstallRun` plans them.
            let installing = cluster != nil
            let context = if let cluster { await cluster.value.info.context } else { await currentContext() }
            return .previewReady(
                ReviewPreview(
                    values: output.text, existing: existing, valuesPath: valuesPath,
                    commands: Self.plannedCommands(
                        profile: profile, valuesPath: valuesPath,
                        upgrade: upgrade || (existing != nil && !installing),
                        context: installing || upgrade ? context : nil,
                        chartVersion: sheet.answers["chart-version"] ?? profile.chart.defaultVersion),
                    kubeContext: context))
        } catch {
            return .previewFailed("values.yaml could not be prepared: \(error)")
        }
    }

    /// The commands an install (or upgrade, when a values.yaml exists) runs: the same plans
    /// `posthog-install install` and `upgrade` carry out, version pinned.
    static func plannedCommands(
        profile: ProfileSet, valuesPath: String, upgrade: Bool, context: String? = nil,
        chartVersion: String? = nil
    ) -> [[String]] {
        let options = PlanOptions(
            chartInfo: profile.chart, chartVersion: chartVersion ?? profile.chart.defaultVersion,
            context: context, valuesFile: valuesPath)
        let install = Plans.repoSteps(options).compactMap(\.argv)
        return install + [upgrade ? Plans.upgradeCommand(options) : Plans.installCommand(options)]
    }

    /// kubectl's current context, or nil when there is none (or kubectl is missing).
    func currentContext() async -> String? {
        let command = ProcessCommand("kubectl", ["config", "current-context"], timeout: .seconds(5))
        guard let result = try? await runner.run(command), result.status.isSuccess else { return nil }
        let context = result.standardOutput.trimmingWhitespaceAndNewlines()
        return context.isEmpty ? nil : context
    }

    /// values.yaml for changed settings, as the review showed it (generated again when the review
    /// showed other answers).
    func settingsValues(_ sheet: AnswerSheet, profile: ProfileSet) throws -> ValuesGeneration.Output {
        if let reviewed = lastPreview.withLock({ $0 }), reviewed.0 == sheet { return reviewed.1 }
        let existing = files.exists(valuesPath) ? try files.readString(valuesPath) : nil
        return try ValuesGeneration.generate(
            .init(
                profile: profile, sheet: sheet, existing: existing, file: valuesPath,
                previousSheet: savedSheet(profile: profile)), secrets: secrets)
    }

    /// Writes values.yaml (exactly what the review showed) and answers.yaml; returns the summary.
    func write(_ sheet: AnswerSheet, profile: ProfileSet) throws -> String {
        let existing = files.exists(valuesPath) ? try files.readString(valuesPath) : nil
        let reviewed = lastPreview.withLock { $0 }.flatMap { $0.0 == sheet ? $0.1 : nil }
        let output =
            try reviewed
            ?? ValuesGeneration.generate(
                .init(profile: profile, sheet: sheet, existing: existing, file: valuesPath, previousSheet: savedSheet(profile: profile)),
                secrets: secrets)
        let pair = SavedAnswers(files: files, valuesPath: valuesPath)
        let backup = try pair.write(valuesText: output.text, valuesChanged: !output.unchanged, answers: sheet, profile: profile)
        let answersPath = pair.answersPath
        return ValuesSummary.text(
            .init(
                profile: profile, sheet: sheet, output: output, valuesPath: valuesPath,
                answersPath: answersPath, backupPath: backup, findings: [], written: true))
    }
}

/// A wizard start-up problem, in words for the person.
struct WizardFailure: Error, CustomStringConvertible {
    let description: String
}
