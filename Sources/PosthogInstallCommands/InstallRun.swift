import Cluster
import Effects
import Foundation
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
    }

    let files: any FileSystem
    let profiles: [ProfileSet]
    let secrets: any SecretSource
    let connection: ClusterConnection
    let clock: any WallClock
    /// Prints one line of progress (standard output).
    let emit: @Sendable (String) -> Void

    /// Runs the install; returns the exit code.
    func execute(_ request: Request) async -> ToolExitCode {
        do {
            return try await run(request)
        } catch let failure as ValuesRun.Failure {
            emit("Error: \(failure.message)")
            return failure.status
        } catch {
            emit("Error: \(error)")
            return .failed
        }
    }

    private func run(_ request: Request) async throws -> ToolExitCode {
        let valuesPath = request.values.output
        // 1. values.yaml: written from the answers when given (or when there is none yet).
        if request.answersGiven || !files.exists(valuesPath) {
            let result = ValuesRun(files: files, secrets: secrets, profiles: profiles).execute(request.values)
            result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().forEach { emit(String($0)) }
            if result.status != .success {
                emit(result.stderr.trimming("\n"))
                return result.status
            }
        } else {
            emit("Using \(valuesPath) as it is (give answers such as --tier to change it).")
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
        let chart: Chart
        if connection.simulated {
            chart = try ChartLoader.load(files: ResolvedChart.standinFiles(), source: "stand-in chart")
            emit("Simulated cluster: installing the stand-in chart (PostHog's components and their resource requests).")
        } else {
            let resolved = try await ChartSource(paths: XDGPaths.current).resolve(ChartRequest(chart: request.chart, version: version, defaultVersion: version))
            resolved.notes.forEach { emit($0) }
            emit("Chart: \(resolved.label)")
            chart = try resolved.load()
        }
        var options = HelmTemplateOptions()
        options.releaseName = request.release
        options.namespace = request.namespace
        options.valueFiles = [(name: valuesPath, text: valuesText)]
        let rendered: HelmTemplateResult
        do { rendered = try HelmTemplate.run(chart: chart, options: options) } catch {
            emit(ChartRefusal.explain(String(describing: error)))
            return .failed
        }

        // 3. Preflight.
        emit("")
        emit("Checking the cluster…")
        let facts = try await gatherFacts(request, profile: profile, manifests: rendered.manifests)
        let report = Preflight.run(facts)
        for check in report.checks {
            let mark = check.status == .pass ? "✓" : check.status == .warn ? "!" : "✗"
            emit("  \(mark) \(check.title): \(check.message)")
            check.details.forEach { emit("      \($0)") }
            if check.status != .pass, !check.fix.isEmpty { emit("      fix: \(check.fix)") }
        }
        if !report.blockers.isEmpty {
            emit("")
            emit("Nothing was installed: the preflight found \(report.blockers.count) blocker\(report.blockers.count == 1 ? "" : "s") above.")
            return .preflightBlocked
        }

        // 4. The plan; headless installs into a cluster only when it was chosen.
        let context = request.context ?? connection.context ?? facts.currentContext
        let plan = Plans.install(PlanOptions(chartInfo: profile.chart, chartVersion: version, context: context,
                                             namespace: request.namespace, release: request.release, valuesFile: valuesPath))
        emit("")
        emit("Plan (kubectl context \(context ?? "(none)")):")
        for step in plan { emit("  - \(step.title)" + (step.commandLine.map { ": \($0)" } ?? "")) }
        if request.dryRun {
            emit("Dry run: nothing was changed.")
            return .success
        }
        if !connection.simulated && request.context == nil && !request.yes {
            emit("")
            emit("Error: this would install into kubectl's current context \(context ?? "(none)"). Run again with --context \(context ?? "NAME") (or --yes) to confirm that is the cluster you mean.")
            return .badInput
        }

        // 5. Run it.
        for step in plan {
            switch step.action {
            case .run(let argv):
                emit("")
                emit("→ \(step.title)")
                let ok = try await runStep(argv, watchNamespace: step.id == "install" ? request.namespace : nil)
                if !ok { return .failed }
            case .task(.watchProgress):
                let ready = try await watch(namespace: request.namespace, until: .seconds(600))
                if !ready { return .failed }
            case .task:
                continue
            }
        }
        try await postInstall(cloud: cloud, values: values, request: request)
        return .success
    }

    private func gatherFacts(_ request: Request, profile: ProfileSet, manifests: [RenderedManifest]) async throws -> PreflightFacts {
        var facts = PreflightFacts(operation: .install)
        facts.namespace = request.namespace
        facts.release = request.release
        facts.minimumCPU = profile.costs.minimumCPU
        facts.minimumMemoryGiB = profile.costs.minimumMemoryGiB
        facts.chartKubeVersion = profile.chart.kubeVersion
        let kubectl = connection.kubectl
        if let report = try? await kubectl.version() {
            facts.kubectlVersion = report.client.gitVersion
            facts.serverVersion = report.server?.gitVersion
            if let error = report.serverError { facts.reachabilityError = error.message }
        }
        facts.helmVersion = try? await connection.helm.version()
        if let context = connection.context {
            facts.currentContext = context
        } else {
            facts.currentContext = try? await kubectl.currentContext()
        }
        facts.confirmedContext = request.context ?? (connection.simulated || request.yes ? facts.currentContext : nil)
        if facts.reachabilityError == nil {
            facts.nodes = (try? await kubectl.nodes()) ?? []
            facts.storageClasses = try? await kubectl.storageClasses()
            facts.existingPods = (try? await kubectl.allPods()) ?? []
            facts.namespaceExists = (try? await kubectl.namespaceExists(request.namespace)) ?? false
            facts.releases = ((try? await connection.helm.list(namespace: request.namespace)) ?? []).map {
                InstalledRelease(name: $0.name, namespace: $0.namespace, chart: $0.chart, status: $0.status,
                                 revision: String($0.revision), appVersion: $0.appVersion)
            }
        }
        facts.podRequests = try ManifestPods.requests(from: manifests)
        facts.plannedComponents = ClusterComponent.planned(in: ManifestPods.kindsAndNames(manifests))
        return facts
    }

    /// Runs one helm step, streaming its output; while `helm install` runs, the namespace is
    /// watched so the person sees pods come up instead of a silent 20 minutes.
    private func runStep(_ argv: [String], watchNamespace: String?) async throws -> Bool {
        guard let executable = argv.first else { return true }
        let command = ProcessCommand(executable, Array(argv.dropFirst()), timeout: .seconds(25 * 60))
        let emit = self.emit
        let watcher = watchNamespace.map { namespace in
            Task { try? await watch(namespace: namespace, until: .seconds(25 * 60), quietUntilChange: true) }
        }
        defer { watcher?.cancel() }
        let result = try await connection.runner.run(command) { line in emit("  \(line.text)") }
        watcher?.cancel()
        if result.status.isSuccess { return true }
        let text = result.standardError
        if let diagnosis = HelmErrors.diagnose(text) {
            emit("")
            diagnosis.text.split(separator: "\n").forEach { emit(String($0)) }
        }
        if let namespace = watchNamespace, let update = try? await NamespacePoller(kubectl: connection.kubectl, namespace: namespace, clock: clock).poll() {
            update.diagnoses.forEach { diagnosis in diagnosis.text.split(separator: "\n").forEach { emit(String($0)) } }
        }
        return false
    }

    /// Polls the namespace every 2 s, printing progress when it changes, until everything is
    /// ready (true), a fail-fast condition (false) or the time is up (false).
    private func watch(namespace: String, until limit: Duration, quietUntilChange: Bool = false) async throws -> Bool {
        let poller = NamespacePoller(kubectl: connection.kubectl, namespace: namespace, clock: clock)
        let start = clock.monotonic
        var last = ""
        var shown: Set<String> = []
        while clock.monotonic - start < limit {
            try Task.checkCancellation()
            if let update = try? await poller.poll() {
                let line = "  \(update.summary.ready)/\(update.summary.total) ready (\((clock.monotonic - start).components.seconds)s)"
                if line.prefix(while: { $0 != "(" }) != last.prefix(while: { $0 != "(" }) { emit(line) }
                last = line
                // Waiting on dependencies and volumes that bind on first use is normal while
                // installing; those are shown only when the install stops.
                let problems = update.diagnoses.filter { $0.code != .initWaiting && !$0.summary.contains("waits for its pod") }
                for diagnosis in problems where shown.insert(diagnosis.summary).inserted {
                    diagnosis.text.split(separator: "\n").forEach { emit("  " + $0) }
                }
                switch update.decision {
                case .allReady:
                    if !quietUntilChange { emit("  All of PostHog's pods are ready.") }
                    return true
                case .stop(let reasons):
                    for diagnosis in update.diagnoses where shown.insert(diagnosis.summary).inserted {
                        diagnosis.text.split(separator: "\n").forEach { emit("  " + $0) }
                    }
                    emit("  Stopped waiting: \(reasons.map { String(describing: $0) }.joined(separator: "; ")).")
                    return false
                case .keepWaiting:
                    break
                }
            }
            try await clock.sleep(for: .seconds(2))
        }
        emit("  Still not ready after \(limit.components.seconds / 60) minutes.")
        return false
    }

    private func postInstall(cloud: Cloud, values: YAMLValue, request: Request) async throws {
        guard let hostname = values.value(at: ["ingress", "hostname"])?.stringValue else { return }
        let source = AddressSource.forCloud(cloud, release: request.release)
        emit("")
        emit("Waiting for the load balancer's address (\(source.description))…")
        var status = AddressStatus.pending
        for _ in 0..<150 {
            let service: Service?
            let ingress: Ingress?
            switch source {
            case .service(let name): service = try? await connection.kubectl.service(name, namespace: request.namespace); ingress = nil
            case .ingress(let name): ingress = try? await connection.kubectl.ingress(name, namespace: request.namespace); service = nil
            }
            status = AddressLookup.status(source: source, service: service, ingress: ingress)
            if case .ready = status { break }
            try await clock.sleep(for: .seconds(2))
        }
        guard case .ready(let address) = status else {
            let finding = AddressLookup.finding(status, source: source, cloud: cloud, namespace: request.namespace)
            emit(finding.message)
            if !finding.fix.isEmpty { emit("fix: \(finding.fix)") }
            return
        }
        emit("")
        DNSInstruction.make(hostname: hostname, address: address).lines.forEach { emit($0) }
        let https = values.value(at: ["web", "secureCookies"]) != .bool(false)
        emit("")
        emit("When the record resolves, PostHog is at \(https ? "https" : "http")://\(hostname)")
        emit("Check it any time with: posthog-install status")
    }
}
