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
        /// Stop once the preflight passed, before anything is installed (the wizard shows the result first).
        var stopAfterPreflight = false
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
    var patience: Duration = Waits.pods
    /// gcloud for the GKE static IP; nil uses the one on PATH for a real cluster and none for
    /// the simulated one (tests set a fake).
    var gcloud: GCloudClient?

    /// An install reporting structured events.
    init(
        files: any FileSystem, profiles: [ProfileSet], secrets: any SecretSource, connection: ClusterConnection,
        clock: any WallClock, report: @escaping @Sendable (OperationEvent) -> Void
    ) {
        self.files = files
        self.profiles = profiles
        self.secrets = secrets
        self.connection = connection
        self.clock = clock
        self.report = report
    }

    /// An install printing lines (standard output for the headless command).
    init(
        files: any FileSystem, profiles: [ProfileSet], secrets: any SecretSource, connection: ClusterConnection,
        clock: any WallClock, emit: @escaping @Sendable (String) -> Void,
        emitError: (@Sendable (String) -> Void)? = nil
    ) {
        let printer = HeadlessPrinter(emit: emit, emitError: emitError)
        self.init(
            files: files, profiles: profiles, secrets: secrets, connection: connection, clock: clock,
            report: { printer.print($0) })
    }

    private func emit(_ line: String) { report(.note(line)) }
    private func emitError(_ line: String) { report(.failure(line)) }

    /// The follow-up commands for this install's cluster, namespace and release.
    func followUp(_ request: Request, context: String?) -> FollowUpCommands {
        FollowUpCommands(
            context: request.context ?? connection.context ?? context, namespace: request.namespace,
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
        // 0. The chart's version decides the settings (3.x or 30.x keys): a local --chart's own
        // version, else --chart-version, else what the saved answers were written for.
        var valuesRequest = request.values
        let local: (ProfileSet, String)?
        do { local = try request.chart.flatMap { try LocalChartVersion.profile(for: $0, files: files, profiles: profiles) } } catch {
            throw ValuesRun.Failure(message: String(describing: error), status: .badInput)
        }
        if let (_, version) = local {
            if let pinned = request.chartVersion, VersionNumber(pinned) != VersionNumber(version) {
                throw ValuesRun.Failure(
                    message:
                        "--chart-version \(pinned) does not match the chart given with --chart, which is version \(version); drop one of them",
                    status: .badInput)
            }
            valuesRequest.flags.chartVersion = version
        }
        let pinnedProfile: ProfileSet?
        if let version = local?.1 ?? request.chartVersion {
            guard let profile = ProfileSet.forChartVersion(version, in: profiles) else {
                throw ValuesRun.Failure(
                    message: "--chart-version \(version): posthog-install does not support this chart version. "
                        + "Supported: \(LocalChartVersion.supportedRanges(profiles)).", status: .badInput)
            }
            pinnedProfile = profile
        } else {
            pinnedProfile = nil
        }

        // 1. values.yaml: written from the answers when given (or when there is none yet).
        if request.answersGiven || !files.exists(valuesPath) {
            let result = ValuesRun(files: files, secrets: secrets, profiles: profiles).execute(valuesRequest)
            result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().forEach { emit(String($0)) }
            if result.status != .success {
                emitError(result.stderr.trimming("\n"))
                return result.status
            }
        } else {
            report(.headlessHint("Using \(valuesPath) as it is (give answers such as --tier to change it)."))
            ValuesRun.emailReview((try? files.readString(valuesPath)) ?? "", file: valuesPath).forEach { emit($0) }
        }
        let valuesText = try files.readString(valuesPath)
        let values = try YAML.parse(valuesText, file: valuesPath)
        let cloud = values["cloud"]?.stringValue.flatMap(Cloud.init(rawValue:)) ?? .other
        let answers = ValuesRun.answersPath(for: valuesPath)
        let saved = files.exists(answers) ? try? AnswersFile.read(files.readString(answers), file: answers, profiles: profiles) : nil
        guard let profile = pinnedProfile ?? saved?.0 ?? ProfileSet.newest(in: profiles) else {
            throw ValuesRun.Failure(message: "no profile sets are built in", status: .failed)
        }
        if let written = saved?.0, written.id != profile.id {
            throw ValuesRun.Failure(
                message: "\(valuesPath) was written for charts \(written.chart.versions), but the chart to install is "
                    + "\(local?.1 ?? request.chartVersion ?? profile.chart.defaultVersion) (\(profile.chart.versions)), whose settings differ. "
                    + "Give your answers again (for example --cloud and --tier) so the values are rewritten for that chart.",
                status: .badInput)
        }
        let version = local?.1 ?? request.chartVersion ?? saved?.1.answers["chart-version"] ?? profile.chart.defaultVersion

        // 2. Render the chart with these values, as helm will, for the preflight.
        let rendering = ChartRendering(connection: connection, report: report)
        let prepared = try await rendering.load(chart: request.chart, version: version, info: profile.chart)
        guard
            let rendered = await rendering.render(
                prepared.chart, valuesPath: valuesPath, valuesText: valuesText,
                namespace: request.namespace, release: request.release)
        else { return .failed }

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
            emit(
                "Nothing was installed: the preflight found \(preflight.blockers.count) blocker\(preflight.blockers.count == 1 ? "" : "s") above."
            )
            if PreflightOffer.offers(for: preflight).contains(.installOnGrowingNodePool) {
                emit("If your node pool adds nodes by itself (a cluster autoscaler), run this again with --node-pool-autoscales.")
            }
            if connection.simulated, preflight.blockers.contains(where: { $0.kind == .storage }) {
                emit("To rehearse a cluster of your own that has a storage class, add --simulate-storage-class local-path.")
            }
            return .preflightBlocked
        }
        if request.stopAfterPreflight { return .success }

        // 4. The plan; headless installs into a cluster only when it was chosen.
        let context = request.context ?? connection.context ?? facts.currentContext
        var options = PlanOptions(
            chartInfo: profile.chart, chartVersion: prepared.version, context: context,
            namespace: request.namespace, release: request.release, valuesFile: valuesPath)
        options.chart = prepared.location
        let plan = Plans.install(options)
        report(.plan(plan, context: context))
        if request.dryRun {
            emit("Dry run: nothing was changed.")
            return .success
        }
        if let refusal = connection.unconfirmedContextRefusal(
            requested: request.context, yes: request.yes, context: context,
            action: "install into")
        {
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
        let source = AddressSource.fromManifests(
            ExposedObjects(manifests: rendered.manifests),
            hostname: values.value(at: ["ingress", "hostname"])?.stringValue)
        if try await steps.waitForAddress(
            source: source, cloud: cloud, values: values, namespace: request.namespace,
            followUp: followUp(request, context: context)) != nil
        {
            emit("Check it any time with: \(followUp(request, context: context).posthogInstall("status"))")
        }
        await gcpCertificateNote(cloud: cloud, values: values)
        return .success
    }
}
