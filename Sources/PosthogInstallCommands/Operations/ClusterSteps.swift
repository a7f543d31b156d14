import Cluster
import Effects
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Installer
import Kube
import YAML

/// The pieces every cluster operation shares: running a helm step with its output streamed,
/// watching the namespace until it is ready, and waiting for the load balancer's address.
struct ClusterSteps: Sendable {
    /// How a watch ended.
    enum WatchOutcome: Sendable, Equatable {
        /// Every pod and job is ready.
        case ready
        /// Something will not get better by waiting (crash loop, image pull, unschedulable, …).
        case stopped
        /// The time limit passed first.
        case timedOut
        /// The cluster stopped answering for longer than `lostClusterLimit`.
        case lostCluster
    }

    /// How long polls may fail in a row before the person is told the cluster stopped answering.
    static let lostClusterNotice: Duration = .seconds(10)
    /// How long polls may fail in a row before the watch gives up.
    static let lostClusterLimit: Duration = .seconds(60)
    /// The longest a headless run stays silent while a tool runs or the cluster does not answer
    /// (below the 30 s promised, so a slow pipe or poll still keeps it).
    static let heartbeatInterval: Duration = .seconds(25)

    let connection: ClusterConnection
    let clock: any WallClock
    let report: @Sendable (OperationEvent) -> Void

    /// How a tool step ended.
    enum ToolOutcome: Sendable, Equatable {
        /// The tool exited 0.
        case succeeded
        /// The tool failed (its error and the pods' state have been reported).
        case failed
        /// The cluster stopped answering while the tool ran; the tool was stopped.
        case lostCluster
    }

    /// What finished first while a tool ran beside its watch.
    private enum ToolOrWatch: Sendable {
        case tool(ProcessResult)
        case watchEnded
        case lostCluster
    }

    /// Runs one step's argv (helm), streaming its output; while `watchNamespace` is set the
    /// namespace is watched at the same time, so the person sees pods come up instead of a
    /// silent 20 minutes, and a failure is explained by helm's error and the pods' state.
    func run(_ step: PlanStep, argv: [String], watchNamespace: String?) async throws -> Bool {
        try await runTool(step, argv: argv, watchNamespace: watchNamespace) == .succeeded
    }

    /// `run`, telling a lost cluster apart: when the watch gives up on an API server that no
    /// longer answers, the tool (which would wait out its own 20-minute timeout) is stopped.
    func runTool(_ step: PlanStep, argv: [String], watchNamespace: String?) async throws -> ToolOutcome {
        guard let executable = argv.first else { return .succeeded }
        report(.stepStarted(step))
        let command = ProcessCommand(executable, Array(argv.dropFirst()), timeout: .seconds(25 * 60))
        let quiet = QuietTime(clock: clock)
        let report = self.report
        // Whatever the watch prints keeps the run from looking silent; progress before anything
        // exists prints nothing, so it does not count.
        let watchReport: @Sendable (OperationEvent) -> Void = { event in
            if case .progress(let update, _) = event, update.summary.total == 0 {} else { quiet.touch() }
            report(event)
        }
        let heartbeat = Task { await beat(step, quiet: quiet) }
        defer { heartbeat.cancel() }
        let tool: ProcessResult? = try await withThrowingTaskGroup(of: ToolOrWatch.self) { group in
            group.addTask {
                .tool(
                    try await connection.runner.run(command) { line in
                        quiet.touch()
                        report(.toolOutput(line.text))
                    })
            }
            if let namespace = watchNamespace {
                let watching = ClusterSteps(connection: connection, clock: clock, report: watchReport)
                group.addTask {
                    let outcome = try? await watching.watch(namespace: namespace, until: .seconds(25 * 60), whileToolRuns: true)
                    return outcome == .lostCluster ? .lostCluster : .watchEnded
                }
            }
            // The watch ending (ready, or stopped on a problem it explained) lets the tool go on;
            // only a lost cluster stops it.
            while let next = try await group.next() {
                switch next {
                case .tool(let result):
                    group.cancelAll()
                    return result
                case .lostCluster:
                    group.cancelAll()
                    return nil
                case .watchEnded: continue
                }
            }
            return nil
        }
        heartbeat.cancel()
        guard let result = tool else {
            report(.note("  Stopped \(PlanStep.display([executable])): it cannot finish while the cluster does not answer."))
            report(.stepFinished(step, succeeded: false))
            return .lostCluster
        }
        report(.stepFinished(step, succeeded: result.status.isSuccess))
        if result.status.isSuccess { return .succeeded }
        if var diagnosis = HelmErrors.diagnose(result.standardError) {
            // helm's own error line was streamed already: the explanation need not repeat it.
            let streamed = Set(result.standardError.split(separator: "\n").map { $0.trimmingSpacesAndTabs() })
            diagnosis.details.removeAll { streamed.contains($0.trimmingSpacesAndTabs()) }
            report(.note(""))
            report(.diagnosis(diagnosis))
        }
        if let namespace = watchNamespace,
            let update = try? await NamespacePoller(kubectl: connection.kubectl, namespace: namespace, clock: clock).poll()
        {
            update.diagnoses.forEach { report(.diagnosis($0)) }
        }
        return .failed
    }

    /// Says the step is still running whenever nothing has been printed for a heartbeat
    /// interval (checked every second, so the longest silence is the interval itself).
    private func beat(_ step: PlanStep, quiet: QuietTime) async {
        let start = clock.monotonic
        while !Task.isCancelled {
            do { try await clock.sleep(for: .seconds(1)) } catch { return }
            if quiet.silence >= Self.heartbeatInterval {
                quiet.touch()
                let elapsed = clock.monotonic - start
                report(.heartbeat("still running (\(ElapsedText.text(elapsed))): \(step.title)"))
            }
        }
    }

    /// Problems that are normal for a while during an install (volumes binding at first use,
    /// init containers waiting for a dependency, a pod's sandbox being set up): not reported
    /// while helm still runs; fail-fast rules and the final report still cover them.
    static let normalWhileInstalling: Set<Diagnosis.Code> = [.initWaiting, .pvcPending, .volumeWaitsForPod, .volumeBinding, .podSetup]

    /// Watches the namespace (one kubectl every 2 s) until everything is ready, a fail-fast
    /// condition, or the time limit. Crash-looping containers get their previous log read before
    /// the stop is reported, so the diagnosis shows the lines that explain it. `policy` says how
    /// long Pending pods and claims are waited for (longer when the node pool grows by itself).
    func watch(
        namespace: String, until limit: Duration, whileToolRuns: Bool = false,
        policy: StatusPolicy = .standard
    ) async throws -> WatchOutcome {
        let kubectl = connection.kubectl
        // Pods elsewhere (system daemons, other apps) use the nodes too: a Pending pod's
        // diagnosis must count them when it says what is free.
        let others = ((try? await kubectl.allPods()) ?? []).filter { $0.metadata.namespace != namespace }
        let poller = NamespacePoller(
            kubectl: kubectl, namespace: namespace, clock: clock,
            nodes: (try? await kubectl.nodes()) ?? [], otherPods: others,
            storageClasses: (try? await kubectl.storageClasses()) ?? [], policy: policy)
        let start = clock.monotonic
        var shown: Set<String> = []
        var stopping: (reasons: [FailFast], ticks: Int)?
        var failingSince: Duration?
        var toldLost = false
        var lostBeat = Duration.zero
        for try await event in poller.events() {
            try Task.checkCancellation()
            if clock.monotonic - start >= limit { break }
            let update: NamespacePollUpdate
            switch event {
            case .pollFailed(let error):
                let since = failingSince ?? clock.monotonic
                failingSince = since
                let silent = clock.monotonic - since
                if silent >= Self.lostClusterLimit {
                    report(.stopped("  Gave up: the cluster has not answered for \(ElapsedText.text(silent)) (\(error.message))."))
                    return .lostCluster
                }
                if !toldLost && (silent >= Self.lostClusterNotice || error.kind == .unreachable) {
                    toldLost = true
                    lostBeat = clock.monotonic
                    report(
                        .note(
                            "  The cluster stopped answering: \(error.message). Trying again for up to "
                                + "\(Self.lostClusterLimit.components.seconds) s…"))
                } else if toldLost, clock.monotonic - lostBeat >= Self.heartbeatInterval {
                    lostBeat = clock.monotonic
                    report(.heartbeat("no answer from the cluster for \(ElapsedText.text(silent)); still trying"))
                }
                continue
            case .update(let fresh):
                if toldLost { report(.note("  The cluster answers again.")) }
                failingSince = nil
                toldLost = false
                update = fresh
            }
            report(.progress(update, elapsed: clock.monotonic - start))
            // A crash is shown once its log lines are read (the next tick or two).
            let problems = update.diagnoses.filter {
                !(whileToolRuns && Self.normalWhileInstalling.contains($0.code))
                    && !($0.code == .crashLoop && !$0.details.contains("last log lines:"))
            }
            if stopping == nil {
                for diagnosis in problems where shown.insert(Self.shownKey(diagnosis)).inserted { report(.diagnosis(diagnosis)) }
            }
            switch update.decision {
            case .allReady:
                if !whileToolRuns { report(.note("  All of PostHog's pods are ready.")) }
                return .ready
            case .stop(let reasons):
                // Wait (a few ticks at most) for the crashed containers' logs, then explain.
                let ticks = (stopping?.ticks ?? 0) + 1
                stopping = (reasons, ticks)
                let withoutLogs = update.diagnoses.filter { $0.code == .crashLoop && !$0.details.contains("last log lines:") }
                if !withoutLogs.isEmpty && ticks <= withoutLogs.count + 2 { continue }
                for diagnosis in update.diagnoses where shown.insert(Self.shownKey(diagnosis)).inserted {
                    report(.diagnosis(diagnosis))
                }
                report(.stopped("  Stopped waiting: " + reasons.map(Self.sentence).joined(separator: "; ") + "."))
                return .stopped
            case .keepWaiting:
                stopping = nil
            }
        }
        try Task.checkCancellation()
        report(.stopped("  Still not ready after \(limit.components.seconds / 60) minutes."))
        return .timedOut
    }

    /// What makes a finding new: a wait that turns into a failure is shown again, as a failure.
    static func shownKey(_ diagnosis: Diagnosis) -> String {
        (diagnosis.inProgress ? "wait:" : "problem:") + diagnosis.summary
    }

    /// `Pod posthog-web-…: back-off 10s restarting failed container …` for people.
    static func sentence(_ reason: FailFast) -> String {
        "\(reason.objectKind) \(reason.objectName)" + (reason.container.map { " (container \($0))" } ?? "") + ": \(reason.message)"
    }

    /// Reads the external address once (no waiting).
    func address(source: AddressSource, namespace: String) async -> AddressStatus {
        let service: Service?
        let ingress: Ingress?
        switch source {
        case .service(let name):
            service = try? await connection.kubectl.service(name, namespace: namespace)
            ingress = nil
        case .ingress(let name):
            ingress = try? await connection.kubectl.ingress(name, namespace: namespace)
            service = nil
        }
        return AddressLookup.status(source: source, service: service, ingress: ingress)
    }

    /// Waits (up to 5 minutes) for the load balancer's address on `source` (found from the
    /// rendered manifests: `AddressSource.fromManifests`), then reports the DNS record to create;
    /// returns the address, or nil after reporting why it did not come.
    @discardableResult
    func waitForAddress(
        source: AddressSource?, cloud: Cloud, values: YAMLValue, namespace: String,
        followUp: FollowUpCommands? = nil, attempts: Int = 150
    ) async throws -> ExternalAddress? {
        guard let hostname = values.value(at: ["ingress", "hostname"])?.stringValue else { return nil }
        guard let source else {
            report(.addressProblem(AddressLookup.nothingExposed(hostname: hostname, cloud: cloud)))
            return nil
        }
        report(.waitingForAddress(source))
        var status = AddressStatus.pending
        let start = clock.monotonic
        var lastBeat = start
        var advised = false
        for attempt in 0..<attempts {
            status = await address(source: source, namespace: namespace)
            if case .ready = status { break }
            if case .notLoadBalancer = status { break }
            // On a cluster of one's own nothing may ever hand out the address (bare metal without
            // MetalLB): say so, with what to do, after a minute instead of at the end of the wait.
            if cloud == .other, !advised, clock.monotonic - start >= Self.ownClusterAdviceAfter {
                advised = true
                report(
                    .addressProblem(
                        AddressLookup.finding(
                            status, source: source, cloud: cloud, namespace: namespace,
                            statusCommand: followUp?.posthogInstall("status") ?? "posthog-install status",
                            helmStatus: followUp.map { $0.helm(["status", $0.release]) })))
                report(.note("Still waiting for the address (up to 5 minutes); Ctrl-C stops waiting and leaves PostHog installed."))
                lastBeat = clock.monotonic
            } else if clock.monotonic - lastBeat >= Self.heartbeatInterval {
                lastBeat = clock.monotonic
                report(.heartbeat("no address on \(source.description) yet (\(ElapsedText.text(clock.monotonic - start)))"))
            }
            if attempt + 1 < attempts { try await clock.sleep(for: .seconds(2)) }
        }
        guard case .ready(let address) = status else {
            report(
                .addressProblem(
                    AddressLookup.finding(
                        status, source: source, cloud: cloud, namespace: namespace,
                        statusCommand: followUp?.posthogInstall("status") ?? "posthog-install status",
                        helmStatus: followUp.map { $0.helm(["status", $0.release]) })))
            return nil
        }
        report(
            .dnsRecord(
                DNSInstruction.make(hostname: hostname, address: address), hostname: hostname,
                url: Self.url(hostname: hostname, values: values)))
        return address
    }

    /// How long a cluster of one's own (cloud `other`) waits for a load balancer address before
    /// the bare-metal advice is given.
    static let ownClusterAdviceAfter: Duration = .seconds(60)

    /// `https://HOST`, or `http://` when the values turn TLS off (`web.secureCookies: false`).
    static func url(hostname: String, values: YAMLValue) -> String {
        let https = values.value(at: ["web", "secureCookies"]) != .bool(false)
        return "\(https ? "https" : "http")://\(hostname)"
    }
}
