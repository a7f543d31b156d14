import Cluster
import Effects
import Foundation
import Installer
import PosthogTestSupport
import Testing
import TUI
import YAML
@testable import PosthogInstallCommands

/// The wizard's day-2 jobs at the edge: `WizardTaskSession.prepare` builds each job's screen from
/// an installed simulated cluster, and `run` drives the headless run, reporting the screens' updates.
@Suite struct WizardTaskSessionTests {
    static func session(files: InMemoryFileSystem, connection: ClusterConnection, clock: any WallClock) -> WizardTaskSession {
        let choice = WizardClusterProbe.Choice(
            info: ClusterInfo(simulated: true, context: connection.context, detail: "2 nodes"),
            simulatedNodes: "2x4cpu8gi")
        let command = WizardCommand(
            files: files, runner: ScriptedRunner(), secrets: WizardCommandTests.FixedSecrets(),
            profiles: InstalledCluster.profiles)
        return WizardTaskSession(
            command: command,
            environment: .init(
                cluster: Task { choice }, clock: clock, runner: ScriptedRunner(), paths: TestConnections.paths,
                simulatedState: .inMemory, patience: .seconds(36_000)), connection: connection)
    }

    static func session(_ installed: InstalledCluster, through runner: (any ProcessRunner)? = nil) -> WizardTaskSession {
        session(
            files: installed.files, connection: runner.map { installed.connection(through: $0) } ?? installed.connection,
            clock: installed.clock)
    }

    /// The form of a prepared screen, or a test failure naming why there is none.
    static func form(_ event: WizardEvent, sourceLocation: SourceLocation = #_sourceLocation) -> TaskForm? {
        switch event {
        case .taskReady(_, let form): return form
        case .taskUnavailable(_, let why): Issue.record("unavailable: \(why)", sourceLocation: sourceLocation)
        default: Issue.record("unexpected \(event)", sourceLocation: sourceLocation)
        }
        return nil
    }

    static func text(_ form: TaskForm?) -> String { (form?.text ?? []).map(\.text).joined(separator: "\n") }

    /// Runs a job to its end; returns every update and the install screens' state folded from them.
    static func run(_ session: WizardTaskSession, _ task: WizardTask, _ inputs: TaskInputs) async -> ([InstallUpdate], InstallState) {
        let (stream, continuation) = AsyncStream.makeStream(of: InstallUpdate.self)
        session.run(task, inputs, context: "posthog-simulated") { update in
            continuation.yield(update)
            if case .ended = update { continuation.finish() }
        }
        var updates: [InstallUpdate] = []
        for await update in stream { updates.append(update) }
        return (updates, updates.reduce(InstallState(task: task)) { $0.applying($1) })
    }

    static func notes(_ updates: [InstallUpdate]) -> String {
        updates.compactMap { if case .note(let line) = $0 { line } else { nil } }.joined(separator: "\n")
    }
}

// MARK: HTTPS for a DigitalOcean 1-click install

extension WizardTaskSessionTests {
    /// PostHog installed as the Marketplace does (no hostname, no certificates), its ingress with an IP.
    static func oneClick(files: InMemoryFileSystem, clock: FastClock) async throws -> (ClusterConnection, String) {
        let connection = try TestConnections.simulated(nodes: "2x4cpu8gi", clock: clock, files: files)
        files.addFile("/marketplace/values.yaml", TLSCommandTests.oneClickValues)
        for argv in [
            ["repo", "add", "posthog", "https://posthog.github.io/charts-clickhouse/"],
            [
                "install", "posthog", "posthog/posthog", "-n", "posthog", "--create-namespace", "--version", "30.46.0",
                "-f", "/marketplace/values.yaml",
            ],
        ] {
            let result = try await connection.runner.run(ProcessCommand("helm", argv, timeout: .seconds(1200)))
            #expect(result.status.isSuccess, "\(result.standardError)")
        }
        for _ in 0..<200 {
            if let ip = (try? await connection.kubectl.ingress("posthog", namespace: "posthog"))?.loadBalancerIngress.first?.ip {
                return (connection, ip)
            }
            try await clock.sleep(for: .seconds(2))
        }
        throw CancellationError()
    }

    @Test func httpsIsUnavailableWithoutA1ClickRelease() async throws {
        let files = InMemoryFileSystem()
        let clock = FastClock(factor: 50)
        let connection = try TestConnections.simulated(nodes: "2x4cpu8gi", clock: clock, files: files)
        let event = await Self.session(files: files, connection: connection, clock: clock).prepare(.oneClickTLS, TaskInputs())
        guard case .taskUnavailable(.oneClickTLS, let why) = event else {
            Issue.record("expected unavailable, got \(event)")
            return
        }
        #expect(why.contains("There is no release \"posthog\" in namespace posthog"))
        #expect(why.contains("DigitalOcean Marketplace (1-click)"))
        #expect(why.contains("posthog-install values --tls"))
    }

    @Test func httpsFormNamesTheReleaseTheAddressAndTheRecord() async throws {
        let files = InMemoryFileSystem()
        let clock = FastClock(factor: 50)
        let (connection, ip) = try await Self.oneClick(files: files, clock: clock)
        let form = Self.form(await Self.session(files: files, connection: connection, clock: clock).prepare(.oneClickTLS, TaskInputs()))
        #expect(form?.fields.map(\.id) == ["hostname", "email"])
        #expect(form?.fields.map(\.kind) == [.hostname, .email])
        #expect(form?.fields.map(\.optional) == [false, true])
        #expect(form?.fields.first?.initial == "", "the 1-click has no hostname yet")
        let text = Self.text(form)
        #expect(text.contains("Found: release posthog (chart 30.46.0, deployed) in namespace posthog."), "\(text)")
        #expect(text.contains("Ingress posthog: address \(ip)."))
        #expect(text.contains("an A record for the hostname you type, pointing at \(ip)."))
        #expect(text.contains("Starts values.yaml in "), "says where values.yaml goes")
        #expect(text.contains("helm upgrade at the same chart version (30.46.0)"))
        #expect(text.contains(WizardTaskSession.simulatedDNSNote))
        #expect(form?.commands.last?.starts(with: ["helm", "upgrade", "-f", "values.yaml"]) == true)
        #expect(form?.commands.last?.contains("30.46.0") == true)
        #expect(form?.action == "set up HTTPS")
    }

    @Test func httpsRunNamesTheRecordWhileItWaitsThenUpgrades() async throws {
        let files = InMemoryFileSystem()
        let clock = FastClock(factor: 50)
        let (connection, ip) = try await Self.oneClick(files: files, clock: clock)
        let session = Self.session(files: files, connection: connection, clock: clock)
        let (updates, state) = await Self.run(
            session, .oneClickTLS,
            TaskInputs(fields: [
                "hostname": "posthog.example.com",
                "email": "ops@example.com",
            ]))
        #expect(state.failure == nil, "\(Self.notes(updates))")
        // While it waits, the checklist names the record and the record stands in its own box,
        // not among helm's output lines.
        #expect(updates.contains(.stepStarted(id: "dns", command: nil)))
        #expect(state.plan.map(\.title).contains("Wait for the A record posthog.example.com \u{2192} \(ip)"), "\(state.plan)")
        let records = updates.compactMap { if case .recordToCreate(let record) = $0 { record } else { nil } }
        #expect(records.map(\.name) == ["posthog.example.com"] && records.first?.value == ip && records.first?.type == "A", "\(records)")
        #expect(!Self.notes(updates).contains("Zone-file form"), "the record is not in the output:\n\(Self.notes(updates))")
        #expect(Self.notes(updates).contains("Waiting for the record"))
        #expect(state.progress.steps.allSatisfy { $0.status == .done }, "\(state.progress.steps)")
        let values = try files.readString("values.yaml")
        #expect(values.contains("hostname: posthog.example.com"))
        #expect(values.contains("email: ops@example.com"))
        let release = try await connection.helm.list(namespace: "posthog").first
        #expect(release?.revision == 2)
        #expect(release?.chartVersion == "30.46.0")
    }
}

// MARK: Grow storage

extension WizardTaskSessionTests {
    static func sizes(_ form: TaskForm?) -> [String: String] {
        Dictionary(uniqueKeysWithValues: (form?.fields ?? []).map { ($0.id, $0.initial) })
    }

    @Test func resizeFormStartsWithTheSizesOfValuesYAML() async throws {
        let installed = try await InstalledCluster.make()
        let form = Self.form(await Self.session(installed).prepare(.resize, TaskInputs()))
        let values = try YAML.parse(try installed.files.readString("values.yaml"), file: "values.yaml")
        let fields = form?.fields ?? []
        #expect(fields.map(\.id) == ["clickhouse", "postgresql", "kafka", "redis"])
        #expect(fields.allSatisfy { $0.kind == .size && $0.optional })
        #expect(Self.sizes(form)["clickhouse"] == values.value(at: ["clickhouse", "persistence", "size"])?.stringValue)
        #expect(Self.sizes(form)["redis"] == values.value(at: ["redis", "master", "persistence", "size"])?.stringValue)
        #expect(fields.allSatisfy { !$0.initial.isEmpty })
        let text = Self.text(form)
        #expect(text.contains("data-chi-posthog-posthog-0-0-0"), "\(text)")
        #expect(text.contains("class do-block-storage: can grow"))
        #expect(text.contains("--cascade=orphan"))
        #expect(form?.commands.first?.starts(with: ["helm", "upgrade", "-f", "values.yaml"]) == true)
        #expect(form?.action == "grow")
    }

    @Test func resizeRunGrowsClickHouse() async throws {
        let installed = try await InstalledCluster.make()
        let session = Self.session(installed)
        var fields = Self.sizes(Self.form(await session.prepare(.resize, TaskInputs())))
        fields["clickhouse"] = "200Gi"
        let (updates, state) = await Self.run(session, .resize, TaskInputs(fields: fields))
        #expect(state.failure == nil, "\(Self.notes(updates))")
        #expect(state.phase == .done)
        #expect(state.plan.map(\.title) == ["Grow clickhouse to 200Gi"])
        #expect(state.progress.outputTail.contains("Done: every volume has its new size."), "ResizeRun's lines are on screen")
        #expect(try installed.files.readString("values.yaml").contains("size: 200Gi"))
        let claims = try await installed.connection.kubectl.persistentVolumeClaims(namespace: "posthog")
        #expect(claims.first { $0.metadata.name == "data-chi-posthog-posthog-0-0-0" }?.capacity?.text == "200Gi")
    }

    @Test func resizeRefusesToShrinkAndSaysSoOnTheFailedScreen() async throws {
        let installed = try await InstalledCluster.make()
        let before = try installed.files.readString("values.yaml")
        let session = Self.session(installed)
        var fields = Self.sizes(Self.form(await session.prepare(.resize, TaskInputs())))
        fields["clickhouse"] = "2Gi"
        let (updates, state) = await Self.run(session, .resize, TaskInputs(fields: fields))
        let failure = try #require(state.failure, "\(Self.notes(updates))")
        #expect(failure.contains("--clickhouse 2Gi is smaller than the current"), "\(failure)")
        #expect(failure.contains("Kubernetes volumes can only grow"))
        #expect(failure.contains("values.yaml was left as it is."))
        #expect(state.progress.outputTail.contains { $0.contains("smaller than the current") }, "the output pane has it too")
        #expect(state.progress.steps.map(\.status) == [.failed])
        #expect(try installed.files.readString("values.yaml") == before)
    }

    @Test func aSmallerSizeIsRefusedInTheFieldAsItIsTyped() async throws {
        let installed = try await InstalledCluster.make()
        let form = try #require(Self.form(await Self.session(installed).prepare(.resize, TaskInputs())))
        let field = try #require(form.fields.first { $0.id == "clickhouse" })
        guard case .failure(let problem) = TaskFieldCheck.check("2Gi", field) else {
            Issue.record("2Gi is accepted in the field (the volume is \(field.initial))")
            return
        }
        #expect(problem.message == "2Gi is smaller than the current \(field.initial); volumes can only grow.")
        #expect((try? TaskFieldCheck.check("2000Gi", field).get()) == "2000Gi")
        #expect((try? TaskFieldCheck.check(field.initial, field).get()) == field.initial, "the size it has now is fine")
    }

    @Test func resizeWithNothingChangedSaysSo() async throws {
        let installed = try await InstalledCluster.make()
        let session = Self.session(installed)
        let fields = Self.sizes(Self.form(await session.prepare(.resize, TaskInputs())))
        let (_, state) = await Self.run(session, .resize, TaskInputs(fields: fields))
        #expect(state.failure?.contains("nothing to grow") == true, "\(state.failure ?? "")")
    }
}

// MARK: Connection details and Prometheus

extension WizardTaskSessionTests {
    @Test func infoShowsWhereThePasswordsAreWithoutShowingThem() async throws {
        let installed = try await InstalledCluster.make()
        let form = Self.form(await Self.session(installed).prepare(.info, TaskInputs()))
        let text = Self.text(form)
        #expect(text.hasPrefix("PostHog: https://posthog.example.com\nInstalled: chart posthog-30.46.0"), "\(text)")
        #expect(text.contains("PostgreSQL: posthog-posthog-postgresql.posthog.svc.cluster.local:5432 (inside the cluster)"))
        #expect(text.contains("  password: in Secret posthog-posthog-postgresql, key postgresql-password"))
        #expect(text.contains("Passwords are not shown; press s to show them."))
        #expect(!text.contains("--show-secrets"))
        #expect(text.contains("Prometheus is not enabled in values.yaml"))
        #expect(form?.action == nil, "read only")
        #expect(form?.keys.map(\.key) == ["s"], "no Prometheus to forward")
        let values = try installed.files.readString("values.yaml")
        for line in values.split(separator: "\n") where line.contains("ssword:") {
            let secret = line.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            if secret.count >= 16 { #expect(!text.contains(secret)) }
        }
    }

    @Test func infoWithShowSecretsReadsThePasswords() async throws {
        let installed = try await InstalledCluster.make()
        let runner = InfoCommandTests.secrets(installed.cluster)
        let form = Self.form(
            await Self.session(installed, through: runner)
                .prepare(.info, TaskInputs(options: [WizardTaskSession.showSecretsOption])))
        let text = Self.text(form)
        #expect(text.contains("  password: pg-from-secret"), "\(text)")
        #expect(text.contains("press s to hide them"))
        #expect(form?.keys.first?.label == "hide passwords")
        #expect(runner.argvs.contains { $0.contains("secret") && $0.contains("posthog-posthog-postgresql") })
    }

    @Test func prometheusForwardStartsAndStops() async throws {
        let installed = try await InstalledCluster.make()
        let values = try installed.files.readString("values.yaml")
        installed.files.addFile("values.yaml", values + "\nprometheus:\n  enabled: true\n", mode: 0o600)
        let runner = InfoCommandTests.prometheus(installed.cluster)
        let session = Self.session(installed, through: runner)
        let pod = "posthog-prometheus-server-5d9f7c6b8-x2k4q"

        let before = Self.form(await session.prepare(.info, TaskInputs()))
        #expect(Self.text(before).contains("or press p to forward it from here"))
        #expect(before?.keys.map(\.key) == ["s", "p"])
        #expect(!runner.argvs.contains { $0.contains("port-forward") }, "nothing runs before p")

        let on = Self.form(await session.prepare(.info, TaskInputs(options: [WizardTaskSession.portForwardOption])))
        #expect(Self.text(on).hasPrefix("Prometheus: http://localhost:9090 (forwarding; press p to stop)"), "\(Self.text(on))")
        #expect(on?.keys.last?.label == "stop forwarding")
        #expect(
            runner.argvs.filter { $0.contains("port-forward") } == [
                ["kubectl", "--context", "posthog-simulated", "--namespace", "posthog", "port-forward", pod, "9090"]
            ])
        let forward = try #require(session.prometheusForward.withLock { $0 })
        #expect(forward.status == .forwarding)

        // s while forwarding keeps the same forward.
        _ = await session.prepare(.info, TaskInputs(options: [WizardTaskSession.portForwardOption, WizardTaskSession.showSecretsOption]))
        #expect(runner.argvs.filter { $0.contains("port-forward") }.count == 1)

        // p again: prepared without the option, the forward ends.
        let off = Self.form(await session.prepare(.info, TaskInputs()))
        #expect(Self.text(off).contains("or press p to forward it from here"))
        for _ in 0..<500 where forward.status != .ended("stopped") { try await Task.sleep(for: .milliseconds(10)) }
        #expect(forward.status == .ended("stopped"))
        #expect(session.prometheusForward.withLock { $0 } == nil)
    }

    @Test func leavingTheScreenStopsTheForward() async throws {
        let installed = try await InstalledCluster.make()
        let values = try installed.files.readString("values.yaml")
        installed.files.addFile("values.yaml", values + "\nprometheus:\n  enabled: true\n", mode: 0o600)
        let session = Self.session(installed, through: InfoCommandTests.prometheus(installed.cluster))
        _ = await session.prepare(.info, TaskInputs(options: [WizardTaskSession.portForwardOption]))
        let forward = try #require(session.prometheusForward.withLock { $0 })
        #expect(forward.status == .forwarding)
        session.stop(.info)
        for _ in 0..<500 where forward.status == .forwarding { try await Task.sleep(for: .milliseconds(10)) }
        #expect(forward.status == .ended("stopped"))
    }

    @Test func theSimulatedClusterHasNoPrometheusToForward() async throws {
        let installed = try await InstalledCluster.make()
        let values = try installed.files.readString("values.yaml")
        installed.files.addFile("values.yaml", values + "\nprometheus:\n  enabled: true\n", mode: 0o600)
        let form = Self.form(await Self.session(installed).prepare(.info, TaskInputs(options: [WizardTaskSession.portForwardOption])))
        #expect(Self.text(form).contains("the simulated cluster runs no Prometheus server, so there is nothing to reach or forward"))
        #expect(form?.keys.map(\.key) == ["s"])
    }
}
