import Cluster
import Effects
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Helm
import Installer
import Kube
import YAML

/// The work behind `posthog-install install`: values, preflight against the real (or
/// simulated) cluster, helm install with live progress, then the DNS record to create.
struct InstallRun {
    /// The parsed command line.
    struct Request {
        var values = ValuesRun.Request()
        var answersGiven = false
        var chart: String?
        var chartVersion: String?
        var context: String?
        var namespace = "posthog"
        var release = "posthog"
        var yes = false
        var dryRun = false
        /// What the person agreed to for the preflight (`--node-pool-autoscales`; the wizard's
        /// blocked screen).
        var consent = PreflightConsent()
    }

    let files: any FileSystem
    let profiles: [ProfileSet]
    let secrets: any SecretSource
    let connection: ClusterConnection
    let clock: any WallClock
    /// Receives everything the install reports (the headless printer, or the wizard's screens).
    let report: @Sendable (OperationEvent) -> Void
    /// How long to wait for the pods after helm is done (tests on a time-scaled clock give more,
    /// so a busy machine's pauses cannot use up simulated minutes).
    var patience: Duration = .seconds(600)
    /// gcloud for the GKE static IP; nil uses the one on PATH for a real cluster and none for
    /// the simulated one (tests set a fake).
    var gcloud: GCloudClient?

    /// An install reporting structured events.
    init(files: any FileSystem, profiles: [ProfileSet], secrets: any SecretSource, connection: ClusterConnection,
         clock: any WallClock, report: @escaping @Sendable (OperationEvent) -> Void) {
        self.files = files
        self.profiles = profiles
        self.secrets = secrets
        self.connection = connection
        self.clock = clock
        self.report = report
    }

    /// An install printing lines (standard output for the headless command).
    init(files: any FileSystem, profiles: [ProfileSet], secrets: any SecretSource, connection: ClusterConnection,
         clock: any WallClock, emit: @escaping @Sendable (String) -> Void,
         emitError: (@Sendable (String) -> Void)? = nil) {
        let printer = HeadlessPrinter(emit: emit, emitError: emitError)
        self.init(files: files, profiles: profiles, secrets: secrets, connection: connection, clock: clock,
                  report: { printer.print($0) })
    }

    private func emit(_ line: String) { report(.note(line)) }
    private func emitError(_ line: String) { report(.failure(line)) }

    /// The follow-up commands for this install's cluster, namespace and release.
    func followUp(_ request: Request, context: String?) -> FollowUpCommands {
        FollowUpCommands(context: request.context ?? connection.context ?? context, namespace: request.namespace,
                         release: request.release, simulated: connection.simulated)
    }

    /// Runs the install; returns the exit code.
    func execute(_ request: Request) async -> ToolExitCode {
        await OperationOutcome.run(emit: emit, fail: emitError) { try await run(request) }
    }

    private func run(_ request: Request) async throws -> ToolExitCode {
        let valuesPath = request.values.output
        if let problem = await connection.accessProblem(requested: request.context, needsHelm: !request.dryRun) {
            problem.lines.forEach(emitError)
            return problem.exitCode
        }
        // 1. values.yaml: written from the answers when given (or when there is none yet).
        if request.answersGiven || !files.exists(valuesPath) {
            let result = ValuesRun(files: files, secrets: secrets, profiles: profiles).execute(request.values)
            result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().forEach { emit(String($0)) }
            if result.status != .success {
                emitError(result.stderr.trimming("\n"))
                return result.status
            }
        } else {
            emit("Using \(valuesPath) as it is (give answers such as --tier to change it).")
            ValuesRun.emailReview((try? files.readString(valuesPath)) ?? "", file: valuesPath).forEach { emit($0) }
        }
        let valuesText = try files.readString(valuesPath)
        let values = try YAML.parse(valuesText, file: valuesPath)
        let cloud = values["cloud"]?.stringValue.flatMap(Cloud.init(rawValue:)) ?? .other
        let answers = ValuesRun.answersPath(for: valuesPath)
        let saved = files.exists(answers) ? try? AnswersFile.read(files.readString(answers), file: answers, profiles: profiles).0 : nil
        guard let profile = saved ?? profiles.first(where: { $0.id == "chart-30" }) ?? profiles.first else {
            throw ValuesRun.Failure(message: "no profile sets are built in", status: .failed)
        }
        let version = request.chartVersion ?? profile.chart.defaultVersion

        // 2. Render the chart with these values, as helm will, for the preflight.
        let rendering = ChartRendering(connection: connection, report: report)
        let prepared = try await rendering.load(chart: request.chart, version: version, info: profile.chart)
        guard let rendered = await rendering.render(prepared.chart, valuesPath: valuesPath, valuesText: valuesText,
                                              namespace: request.namespace, release: request.release) else { return .failed }

        // 3. Preflight.
        emit("")
        emit("Checking the cluster…")
        let facts = try await PreflightGathering(connection: connection).facts(
            operation: .install, namespace: request.namespace, release: request.release, confirmedContext: request.context,
            acceptCurrentContext: request.yes, profile: profile, manifests: rendered.manifests,
            chartDefinedGroups: prepared.definedGroups(rendered.manifests))
        var preflight = Preflight.run(facts)
        if let staticIP = await gcpStaticIPCheck(cloud: cloud, request: request) { preflight.checks.append(staticIP) }
        if request.consent.nodePoolAutoscales { preflight = preflight.assumingNodePoolAutoscales() }
        report(.preflight(preflight))
        if !preflight.blockers.isEmpty {
            emit("")
            emit("Nothing was installed: the preflight found \(preflight.blockers.count) blocker\(preflight.blockers.count == 1 ? "" : "s") above.")
            if PreflightOffer.offers(for: preflight).contains(.installOnGrowingNodePool) {
                emit("If your node pool adds nodes by itself (a cluster autoscaler), run this again with --node-pool-autoscales.")
            }
            return .preflightBlocked
        }

        // 4. The plan; headless installs into a cluster only when it was chosen.
        let context = request.context ?? connection.context ?? facts.currentContext
        var options = PlanOptions(chartInfo: profile.chart, chartVersion: prepared.version, context: context,
                                  namespace: request.namespace, release: request.release, valuesFile: valuesPath)
        options.chart = prepared.location
        let plan = Plans.install(options)
        report(.plan(plan, context: context))
        if request.dryRun {
            emit("Dry run: nothing was changed.")
            return .success
        }
        if let refusal = connection.unconfirmedContextRefusal(requested: request.context, yes: request.yes, context: context,
                                                              action: "install into") {
            emit("")
            emit(refusal)
            return .badInput
        }

        // 5. Run it.
        let steps = ClusterSteps(connection: connection, clock: clock, report: report)
        var executor = PlanExecutor(steps: steps, namespace: request.namespace, followUp: followUp(request, context: context))
        executor.patience = patience
        executor.policy = request.consent.statusPolicy
        executor.watchedWhileRunning = ["install"]
        let code = try await executor.execute(plan)
        await ValuesHistoryRecorder(files: files, connection: connection)
            .saveCurrent(valuesText, valuesPath: valuesPath, namespace: request.namespace, release: request.release)
        guard code == .success else { return code }
        let source = AddressSource.fromManifests(ExposedObjects(manifests: rendered.manifests),
                                                 hostname: values.value(at: ["ingress", "hostname"])?.stringValue)
        if try await steps.waitForAddress(source: source, cloud: cloud, values: values, namespace: request.namespace,
                                           followUp: followUp(request, context: context)) != nil {
            emit("Check it any time with: \(followUp(request, context: context).posthogInstall("status"))")
        }
        await gcpCertificateNote(cloud: cloud, values: values)
        return .success
    }
}
