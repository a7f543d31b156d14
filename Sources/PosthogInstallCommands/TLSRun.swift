import Cluster
import Effects
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Installer
import YAML

/// The work behind `posthog-install tls`: HTTPS for a DigitalOcean 1-click install. Finds the
/// release, reads the ingress's IP, gives the A record and waits until it resolves, writes
/// values.yaml from the 1-click's own values plus nginx, cert-manager and the hostname, runs
/// the upgrade (same chart version) and checks the certificate.
struct TLSRun {
    /// The parsed command line.
    struct Request {
        var valuesPath = "values.yaml"
        var hostname: String?
        var email: String?
        var context: String?
        var namespace = "posthog"
        var release = "posthog"
        var yes = false
        var dryRun = false
        /// How long to wait for the DNS record before giving up (nothing is changed then).
        var dnsWait: Duration = Waits.dnsRecord
    }

    let files: any FileSystem
    let profiles: [ProfileSet]
    let connection: ClusterConnection
    let network: any NetworkProbes
    let clock: any WallClock
    let report: @Sendable (OperationEvent) -> Void
    /// How long to wait for the pods after helm is done (tests on a time-scaled clock give more,
    /// so a busy machine's pauses cannot use up simulated minutes).
    var patience: Duration = Waits.pods
    /// Told the DNS record to create once the ingress's address is known, before the wait for
    /// it (the wizard names the record in its checklist).
    var recordKnown: @Sendable (DNSInstruction) -> Void = { _ in }

    private func emit(_ line: String) { report(.note(line)) }
    private func emitError(_ line: String) { report(.failure(line)) }

    /// Runs the flow; returns the exit code.
    func execute(_ request: Request) async -> ToolExitCode {
        await OperationOutcome.run(emit: emit, fail: emitError) { try await run(request) }
    }

    private func run(_ request: Request) async throws -> ToolExitCode {
        guard let profile = profiles.first(where: { $0.id == "chart-30" }) ?? profiles.first else {
            throw ValuesRun.Failure(message: "no profile sets are built in", status: .failed)
        }
        let (hostname, email) = try answers(request, profile: profile)

        // 1. The 1-click release and its ingress address.
        if let problem = await connection.accessProblem(requested: request.context, needsHelm: true) {
            problem.lines.forEach(emitError)
            return problem.exitCode
        }
        let context = await connection.effectiveContext(requested: request.context)
        guard let release = try await connection.helm.installedRelease(request.release, namespace: request.namespace) else {
            emitError(
                "Error: there is no release \"\(request.release)\" in namespace \(request.namespace) (context \(context ?? "(none)")).")
            emit(
                "fix: this command is for PostHog installed from the DigitalOcean Marketplace (1-click). For an install made with "
                    + "posthog-install, turn TLS on with posthog-install values --tls, then posthog-install upgrade.")
            return .failed
        }
        emit(
            "Found the 1-click release \(release.name) (\(release.chart), \(release.status)) in namespace \(release.namespace), context \(context ?? "(none)")."
        )
        let steps = ClusterSteps(connection: connection, clock: clock, report: report)
        let source = AddressSource.forCloud(.do, oneClick: true, release: request.release)
        var status = AddressStatus.pending
        for attempt in 0..<75 {
            status = await steps.address(source: source, namespace: request.namespace)
            if case .ready = status { break }
            if attempt == 0 { report(.waitingForAddress(source)) }
            try await clock.sleep(for: .seconds(2))
        }
        guard case .ready(let address) = status else {
            let next = FollowUpCommands(
                context: request.context ?? connection.context ?? context, namespace: request.namespace,
                release: request.release, simulated: connection.simulated)
            report(
                .addressProblem(
                    AddressLookup.finding(
                        status, source: source, cloud: .do, namespace: request.namespace,
                        statusCommand: next.posthogInstall("status"),
                        helmStatus: next.helm(["status", request.release]))))
            return .failed
        }

        // 2. The A record, and wait until it resolves (nothing changes before that: cert-manager
        //    can only get a certificate once Let's Encrypt reaches the ingress by name).
        let instruction = DNSInstruction.make(hostname: hostname, address: address)
        recordKnown(instruction)
        report(.recordToCreate(instruction))
        if !request.dryRun {
            guard try await waitForDNS(hostname: hostname, instruction: instruction, limit: request.dnsWait) else {
                emit(
                    "Nothing was changed. Once the record resolves, run this again: posthog-install tls --hostname \(hostname)"
                        + (email.map { " --email \($0)" } ?? ""))
                return .failed
            }
        }

        // 3. values.yaml: the saved one, or the 1-click's own values, plus what TLS needs.
        let existing: String
        if files.exists(request.valuesPath) {
            existing = try files.readString(request.valuesPath)
            emit("")
            emit("Editing \(request.valuesPath) in place (a backup is kept).")
        } else {
            existing = try await connection.helm.userValues(release: request.release, namespace: request.namespace)
            emit("")
            emit("Starting \(request.valuesPath) from the values the 1-click install used (helm get values).")
        }
        let overlay = profile.clouds[.do] ?? .mapping(YAMLMapping())
        let (text, changed) = try OneClickTLSValues.apply(
            to: existing == "{}\n" ? "" : existing, file: request.valuesPath,
            cloudOverlay: overlay, tlsOff: profile.tlsOff["nginx"] ?? .null,
            hostname: hostname, email: email)
        changed.forEach { emit("  \($0)") }

        // 4. The plan: same chart version, so only the TLS settings change.
        let version = release.chartVersion ?? profile.chart.defaultVersion
        let options = PlanOptions(
            chartInfo: profile.chart, chartVersion: version, context: context,
            namespace: request.namespace, release: request.release, valuesFile: request.valuesPath)
        let plan =
            Plans.repoSteps(options) + [
                PlanStep(
                    id: "upgrade", title: "Upgrade PostHog with TLS turned on", action: .run(Plans.upgradeCommand(options)),
                    needsConfirmation: true),
                PlanStep(id: "watch", title: "Wait for PostHog's pods to start", action: .task(.watchProgress), readOnly: true),
            ]
        report(.plan(plan, context: context))
        if request.dryRun {
            emit("Dry run: nothing was changed (\(request.valuesPath) was not written).")
            return .success
        }
        if let refusal = connection.unconfirmedContextRefusal(
            requested: request.context, yes: request.yes, context: context,
            action: "upgrade the release in")
        {
            emit("")
            emit(refusal)
            return .badInput
        }
        do {
            let backup = try files.writeAtomically(request.valuesPath, text, mode: 0o600, backup: .keepLast(5))
            emit(
                "Wrote \(request.valuesPath)" + (backup.map { " (the previous version is in \($0))" } ?? "")
                    + ". Keep it: upgrades need it.")
        } catch {
            emitError("Error: cannot write \(request.valuesPath): \(error). Nothing was changed.")
            return .failed
        }
        let followUp = FollowUpCommands(
            context: request.context ?? connection.context ?? context, namespace: request.namespace,
            release: request.release, simulated: connection.simulated)
        var executor = PlanExecutor(steps: steps, namespace: request.namespace, followUp: followUp)
        executor.patience = patience
        let code = try await executor.execute(plan)
        guard code == .success else { return code }

        // 5. The certificate.
        emit("")
        let checks = await PostInstallChecks(connection: connection, network: network)
            .run(hostname: hostname, address: address, cloud: .do, tls: true, namespace: request.namespace, now: clock.now.date)
        for check in checks { StatusReport.findingLines(check.name, check.finding).forEach(emit) }
        emit("")
        emit("PostHog: https://\(hostname)  (a new certificate can take a few minutes; check with posthog-install status)")
        return .success
    }

    /// The hostname (required) and Let's Encrypt email (optional), checked like the wizard does.
    private func answers(_ request: Request, profile: ProfileSet) throws -> (String, String?) {
        guard let given = request.hostname, let question = profile.question("hostname") else {
            throw ValuesRun.Failure(
                message: "--hostname is required: the name PostHog will be served on, e.g. --hostname posthog.example.com",
                status: .badInput)
        }
        let hostname: String
        switch AnswerValidation.check(given, question: question) {
        case .success(let value): hostname = value
        case .failure(let problem): throw ValuesRun.Failure(message: "--hostname: \(problem.description)", status: .badInput)
        }
        guard let email = request.email, let emailQuestion = profile.question("email") else {
            return (hostname, nil)
        }
        switch AnswerValidation.check(email, question: emailQuestion) {
        case .success(let value): return (hostname, value)
        case .failure(let problem): throw ValuesRun.Failure(message: "--email: \(problem.description)", status: .badInput)
        }
    }

    /// Checks DNS every 10 s until the record is right or `limit` passes, reporting changes.
    private func waitForDNS(hostname: String, instruction: DNSInstruction, limit: Duration) async throws -> Bool {
        let start = clock.monotonic
        var last = ""
        while true {
            let result = DNSCheck.evaluate(expected: instruction.record, lookups: await network.lookups(hostname))
            let finding = DNSCheck.finding(result, expected: instruction.record)
            if finding.message != last {
                StatusReport.findingLines("DNS", finding).forEach(emit)
                last = finding.message
            }
            if result == .correct { return true }
            if clock.monotonic - start >= limit { return false }
            if last == finding.message && clock.monotonic - start < .seconds(1) {
                emit(
                    "Waiting for the record (checking every 10 s, up to \(limit.components.seconds / 60) minutes; Ctrl-C stops, nothing changes)…"
                )
            }
            try await clock.sleep(for: .seconds(10))
        }
    }
}
