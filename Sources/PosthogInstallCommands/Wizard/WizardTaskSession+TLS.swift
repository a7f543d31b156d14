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

/// The wizard's HTTPS for a DigitalOcean 1-click install: what was found (the release, the
/// ingress's address), the A record to create, what happens; then `TLSRun` with the screen's
/// hostname and email, its DNS wait named in the checklist.
extension WizardTaskSession {
    /// How long the wizard waits for the A record: the same wait as headless `tls`.
    static let dnsWait: Duration = Waits.dnsRecord

    func prepareTLS(_ inputs: TaskInputs) async throws -> WizardEvent {
        let connection = try await connection()
        let context = await environment.cluster.value.info.context
        guard let release = try await connection.helm.installedRelease(Self.release, namespace: Self.namespace) else {
            return .taskUnavailable(
                .oneClickTLS,
                """
                There is no release "\(Self.release)" in namespace \(Self.namespace) (context \(context ?? "(none)")). \
                This job turns on HTTPS for PostHog installed from the DigitalOcean Marketplace (1-click), which installs that release.
                If PostHog was installed with posthog-install, turn HTTPS on in its answers instead \
                (posthog-install values --tls), then choose Upgrade PostHog.
                """)
        }
        let valuesPath = command.valuesPath
        let saved = command.files.exists(valuesPath) ? try? YAML.parse(try command.files.readString(valuesPath), file: valuesPath) : nil
        let given =
            (try? YAML.parse(
                try await connection.helm.userValues(release: Self.release, namespace: Self.namespace),
                file: "helm get values")) ?? .null
        let values = saved ?? given
        if let cloud = values.value(at: ["cloud"])?.stringValue, cloud != Cloud.do.rawValue {
            return .taskUnavailable(
                .oneClickTLS,
                """
                \(saved == nil ? "The release's values (helm get values)" : valuesPath) say cloud: \(cloud). This job is for \
                DigitalOcean 1-click installs, whose ingress gets an IP for an A record.
                For HTTPS on \(cloud), turn it on in the answers (posthog-install values --tls -o \(valuesPath)), then choose Upgrade PostHog.
                """)
        }
        let source = AddressSource.forCloud(.do, oneClick: true, release: Self.release)
        let steps = ClusterSteps(connection: connection, clock: environment.clock, report: { _ in })
        let status = await steps.address(source: source, namespace: Self.namespace)
        var found: [StyledLine] = [
            StyledLine(
                "Found: release \(release.name) (chart \(release.chartVersion ?? release.chart), \(release.status)) "
                    + "in namespace \(release.namespace).")
        ]
        let pointAt: String
        switch status {
        case .ready(let address):
            found.append(StyledLine("\(source.description): address \(address.value)."))
            pointAt = address.value
        case .pending:
            found.append(StyledLine("\(source.description) has no address yet; the job waits for it (up to 2\u{BD} minutes)."))
            pointAt = "the address the job shows once the load balancer has one"
        case .notFound, .notLoadBalancer:
            let finding = AddressLookup.finding(status, source: source, cloud: .do, namespace: Self.namespace)
            return .taskUnavailable(
                .oneClickTLS,
                """
                \(finding.message) A DigitalOcean 1-click install serves PostHog through it, and the A record points at its address, \
                so this is not a 1-click layout this job can change.
                If PostHog was installed another way, turn HTTPS on in its answers (posthog-install values --tls), then choose Upgrade PostHog.
                """)
        }
        let hostname = values.value(at: ["ingress", "hostname"])?.stringValue
        if let hostname, values.value(at: ["cert-manager", "enabled"]) == .bool(true),
            values.value(at: ["web", "secureCookies"]) != .bool(false)
        {
            found.append(
                StyledLine(
                    "The values already turn HTTPS on for \(hostname); running this again applies them once more.",
                    style: .muted))
        }
        let options = tlsPlanOptions(version: release.chartVersion, context: context)
        let whereValues =
            saved == nil
            ? "Starts \(displayPath(valuesPath)) from the 1-click's own values (helm get values)"
            : "Edits \(displayPath(valuesPath)) in place (the previous version is kept beside it)"
        var text =
            found + [
                StyledLine(""),
                StyledLine("Create this DNS record at your DNS provider:", style: .strong),
                StyledLine("  an A record for the hostname you type, pointing at \(pointAt)."),
                StyledLine(""),
                StyledLine("What happens:", style: .strong),
                StyledLine(
                    "  1. Waits until the hostname resolves to that address (checked every 10 s, up to "
                        + "\(Self.dnsWait.components.seconds / 60) minutes). Nothing changes before that: Let's Encrypt can only "
                        + "issue the certificate once it reaches PostHog by name."),
                StyledLine("  2. \(whereValues), adding nginx, cert-manager, your hostname and email. Keep the file: upgrades need it."),
                StyledLine(
                    "  3. helm upgrade at the same chart version (\(release.chartVersion ?? release.chart)), so only the TLS settings change."
                ),
                StyledLine("  4. Waits for the pods, then checks the certificate (a new one can take a few minutes)."),
            ]
        if connection.simulated {
            text += [StyledLine(""), StyledLine(Self.simulatedDNSNote, style: .muted)]
        }
        return .taskReady(
            .oneClickTLS,
            TaskForm(
                heading: "HTTPS for the DigitalOcean 1-click release \(release.name)", text: text, textTitle: "What was found",
                fields: [
                    TaskField(
                        id: "hostname", label: "Hostname", kind: .hostname, initial: hostname ?? "",
                        hint: "the name PostHog will be served on, e.g. posthog.example.com"),
                    TaskField(
                        id: "email", label: "Email for Let's Encrypt", kind: .email,
                        initial: values.value(at: ["cert-manager", "email"])?.stringValue ?? "", optional: true,
                        hint: "Let's Encrypt writes here before a certificate expires; may be left empty"),
                ],
                commands: (Plans.repoSteps(options) + [tlsUpgradeStep(options)]).compactMap(\.argv), action: "set up HTTPS"))
    }

    func runTLS(
        _ inputs: TaskInputs, connection: ClusterConnection, context: String?,
        report: @escaping @Sendable (OperationEvent) -> Void
    ) async -> ToolExitCode {
        let hostname = inputs.fields["hostname"] ?? ""
        let email = inputs.fields["email"].flatMap { $0.isEmpty ? nil : $0 }
        let version = (try? await connection.helm.installedRelease(Self.release, namespace: Self.namespace))??.chartVersion
        let options = tlsPlanOptions(version: version, context: context)
        let checklist = TLSChecklist(hostname: hostname, tail: Plans.repoSteps(options) + [tlsUpgradeStep(options)])
        let progress = Mutex(TLSChecklist.Progress())
        let start: @Sendable (PlanStep) -> Void = { step in
            progress.withLock { $0.current = step }
            report(.stepStarted(step))
        }
        report(.plan(checklist.steps(record: nil), context: context))
        start(checklist.address)
        let network: any NetworkProbes
        if connection.simulated {
            report(.note(Self.simulatedDNSNote))
            network = WizardSimulatedDNS(connection: connection, clock: environment.clock, namespace: Self.namespace)
        } else {
            network = SystemNetworkProbes()
        }
        var run = TLSRun(
            files: command.files, profiles: command.profiles, connection: connection, network: network,
            clock: environment.clock,
            report: { event in
                switch event {
                case .plan:
                    // TLSRun plans once DNS answers; its steps are in the checklist already.
                    report(.stepFinished(checklist.dns, succeeded: true))
                case .stepStarted(let step):
                    progress.withLock { $0.current = step }
                    report(event)
                case .stepFinished(let step, let succeeded):
                    progress.withLock { $0.current = nil }
                    report(event)
                    if succeeded && step.id == "upgrade" { start(checklist.check) }
                default:
                    report(event)
                }
            })
        run.patience = environment.patience
        run.recordKnown = { instruction in
            progress.withLock { $0.record = instruction }
            report(.plan(checklist.steps(record: instruction), context: context))
            report(.stepFinished(checklist.address, succeeded: true))
            start(checklist.dns)
        }
        // The button was the confirmation; the context is the one the welcome screen named.
        let request = TLSRun.Request(
            valuesPath: command.valuesPath, hostname: hostname, email: email, context: context,
            namespace: Self.namespace, release: Self.release, yes: true, dnsWait: Self.dnsWait)
        let code = await run.execute(request)
        let (current, record) = progress.withLock { ($0.current, $0.record) }
        if code == .success {
            report(.stepFinished(checklist.check, succeeded: true))
            // The screen the job ends on: the record, with DNS and HTTPS checked until the person leaves.
            if let record { report(.dnsRecord(record, hostname: record.record.name, url: "https://\(record.record.name)")) }
        } else if let current, [checklist.address.id, checklist.dns.id, checklist.check.id].contains(current.id) {
            if current.id == checklist.dns.id, let record {
                report(
                    .failure(
                        "Error: \(record.record.name) did not resolve to \(record.record.value) within "
                            + "\(Self.dnsWait.components.seconds / 60) minutes, so nothing was changed. Create the record "
                            + "(\(record.record.instruction)), then choose Turn on HTTPS again."))
            }
            report(.stepFinished(current, succeeded: false))
        }
        return code
    }

    /// What the simulated cluster does about DNS, said before the form and the run.
    static let simulatedDNSNote =
        "Simulated cluster: its address is an example one that real DNS cannot point at, so DNS "
        + "answers are simulated here: the record counts as created a minute after the wait starts."

    private func tlsPlanOptions(version: String?, context: String?) -> PlanOptions {
        // TLSRun plans with the newest profile's chart (the 1-click installs a chart 30 release).
        guard let chart = (command.profiles.first { $0.id == "chart-30" } ?? command.profiles.first)?.chart else {
            return PlanOptions(context: context, namespace: Self.namespace, release: Self.release, valuesFile: command.valuesPath)
        }
        return PlanOptions(
            chartInfo: chart, chartVersion: version ?? chart.defaultVersion, context: context,
            namespace: Self.namespace, release: Self.release, valuesFile: command.valuesPath)
    }

    /// The upgrade step as `TLSRun` plans it (same id, so its progress lands on the checklist).
    private func tlsUpgradeStep(_ options: PlanOptions) -> PlanStep {
        PlanStep(
            id: "upgrade", title: "Upgrade PostHog with TLS turned on", action: .run(Plans.upgradeCommand(options)),
            needsConfirmation: true)
    }

    /// `values.yaml in /home/me/posthog` for a relative path; absolute paths as they are.
    func displayPath(_ path: String) -> String {
        path.hasPrefix("/") ? path : "\(path) in \(FileManager.default.currentDirectoryPath)"
    }
}

/// The checklist of the wizard's HTTPS job: the ingress's address, the DNS wait, then the
/// steps `TLSRun` plans (repository, upgrade), then the pods and the certificate.
struct TLSChecklist: Sendable {
    /// Which step runs and the record asked for, as the run goes.
    struct Progress: Sendable {
        var current: PlanStep?
        var record: DNSInstruction?
    }

    let hostname: String
    /// `TLSRun`'s own steps.
    let tail: [PlanStep]

    var address: PlanStep {
        PlanStep(id: WizardInstallBridge.addressStep, title: "Read the ingress's address", action: .task(.showDNSRecord), readOnly: true)
    }

    var dns: PlanStep { dns(nil) }

    func dns(_ record: DNSInstruction?) -> PlanStep {
        let title =
            record.map { "Wait for the \($0.record.type) record \($0.record.name) \u{2192} \($0.record.value)" }
            ?? "Wait until \(hostname) resolves to the ingress's address"
        return PlanStep(id: "dns", title: title, action: .task(.verifyDNS), readOnly: true)
    }

    var check: PlanStep {
        PlanStep(id: "certificate", title: "Wait for the pods, then check the certificate", action: .task(.verifyTLS), readOnly: true)
    }

    /// The steps, the DNS one naming the record once it is known.
    func steps(record: DNSInstruction?) -> [PlanStep] {
        [address, dns(record)] + tail + [check]
    }
}
