import Cluster
import Effects
import Foundation
import Installer
import PosthogTestSupport
import Synchronization
import Testing
import TUI
@testable import PosthogInstallCommands

/// The wizard's upgrade and uninstall screens, prepared from and run against PostHog installed
/// on a simulated cluster.
@Suite struct WizardUpgradeUninstallTests {
    /// Everything a job reported, and a way to wait for its end.
    final class Reports: Sendable {
        private let updates = Mutex<[InstallUpdate]>([])
        func add(_ update: InstallUpdate) { updates.withLock { $0.append(update) } }
        var all: [InstallUpdate] { updates.withLock { $0 } }
        var notes: String { all.compactMap { if case .note(let line) = $0 { line } else { nil } }.joined(separator: "\n") }

        /// The job's end: nil for success, the failure otherwise.
        func ended() async throws -> String? {
            for _ in 0..<2400 {
                for update in all { if case .ended(let failure) = update { return failure } }
                try await Task.sleep(for: .milliseconds(50))
            }
            throw Timeout()
        }

        struct Timeout: Error {}
    }

    static func session(_ installed: InstalledCluster, valuesPath: String = "values.yaml") -> WizardTaskSession {
        let command = WizardCommand(files: installed.files, runner: installed.connection.runner, secrets: SystemSecretSource(),
                                    profiles: InstalledCluster.profiles, valuesPath: valuesPath)
        let choice = WizardClusterProbe.Choice(info: ClusterInfo(simulated: true, context: installed.cluster.contextName, detail: "test"))
        var environment = WizardTaskSession.Environment(cluster: Task { choice }, clock: installed.clock, runner: installed.connection.runner,
                                                        paths: TestConnections.paths, simulatedState: .inMemory)
        environment.patience = .seconds(36_000)
        return WizardTaskSession(command: command, environment: environment, connection: installed.connection)
    }

    static func form(_ event: WizardEvent) throws -> TaskForm {
        guard case .taskReady(_, let form) = event else {
            Issue.record("expected a form, got \(event)")
            throw Reports.Timeout()
        }
        return form
    }

    @Test func theWelcomeScreenFindsTheRelease() async throws {
        let installed = try await InstalledCluster.make()
        let info = await Self.session(installed).clusterInfo()
        #expect(info.release?.release == "posthog")
        #expect(info.release?.chartVersion == "30.46.0")
        #expect(info.release?.status == "deployed")
    }

    @Test func anUpgradeWithoutValuesYAMLSaysWhereToStart() async throws {
        let installed = try await InstalledCluster.make()
        let event = await Self.session(installed, valuesPath: "other/values.yaml").prepare(.upgrade, TaskInputs())
        guard case .taskUnavailable(.upgrade, let message) = event else { Issue.record("\(event)"); return }
        #expect(message.contains("There is no other/values.yaml in this folder"))
    }

    @Test func upgradingAtTheSameChartAppliesValuesAndEndsWithTheRecord() async throws {
        let installed = try await InstalledCluster.make()
        let session = Self.session(installed)
        let form = try Self.form(await session.prepare(.upgrade, TaskInputs()))
        #expect(form.heading == "Apply values.yaml to chart 30.46.0")
        #expect(form.checks.isEmpty)
        #expect(form.commands.last?.prefix(2) == ["helm", "upgrade"])
        #expect(form.commands.allSatisfy { $0.prefix(2) != ["helm", "repo"] })
        let reports = Reports()
        session.run(.upgrade, TaskInputs(), context: installed.cluster.contextName, report: reports.add)
        let failure = try await reports.ended()
        #expect(failure == nil, "\(reports.notes)")
        #expect(try await installed.connection.helm.installedRelease("posthog", namespace: "posthog")?.revision == 2)
        #expect(reports.notes.contains("PostHog answers at https://posthog.example.com"))
        #expect(!reports.all.contains { if case .dnsRecord = $0 { true } else { false } }, "the record is a note after an upgrade")
    }

    @Test func crossingMajorsAsksForEachNoteAndMigratesKeys() async throws {
        let installed = try await InstalledCluster.make()
        // As if installed long ago: the release says chart 3.0.3 and values.yaml has chart 3.x's operator key.
        let old = try await installed.connection.runner.run(ProcessCommand(
            "helm", ["upgrade", "posthog", "posthog/posthog", "-n", "posthog", "--version", "3.0.3", "-f", "values.yaml"], timeout: .seconds(600)))
        #expect(old.status.isSuccess)
        installed.files.addFile("values.yaml", try installed.files.readString("values.yaml") + "clickhouseOperator:\n  enabled: true\n")
        let session = Self.session(installed)
        let form = try Self.form(await session.prepare(.upgrade, TaskInputs()))
        #expect(form.heading == "Upgrade from chart 3.0.3 to 30.46.0")
        let notes = try UpgradeNote.all().filter { $0.applies(installedMajor: 3, targetMajor: 30) }
        #expect(!notes.isEmpty)
        #expect(form.checks.first?.id == "notes-read")
        #expect(form.checks.first?.label == "I have read the \(notes.count) upgrade notes above")
        #expect(form.checks.filter { $0.id.hasPrefix("note-") }.map(\.id) == notes.filter { !$0.steps.isEmpty }.map { "note-\($0.id)" })
        #expect(form.checks.contains { $0.id == "accept-data-loss" } == notes.contains(where: \.destructive))
        let text = form.text.map(\.text).joined(separator: "\n")
        #expect(text.contains("Upgrade note: chart 3.x → 4.0.0"))
        #expect(text.contains("clickhouseOperator.enabled: removed; clickhouse.enabled is already set and wins"), "\(text)")
        #expect(!text.contains("\n  certManager"), "only the keys this file has")
        #expect(try installed.files.readString("values.yaml").contains("clickhouseOperator:"), "preparing changes nothing")

        let reports = Reports()
        session.run(.upgrade, TaskInputs(checks: Set(form.checks.map(\.id))), context: installed.cluster.contextName, report: reports.add)
        #expect(try await reports.ended() == nil, "\(reports.notes)")
        #expect(!(try installed.files.readString("values.yaml")).contains("clickhouseOperator:"))
        #expect(try await installed.connection.helm.installedRelease("posthog", namespace: "posthog")?.chartVersion == "30.46.0")
    }

    @Test func uninstallListsTheVolumesAndDeletesTheNamespaceOnlyWhenTicked() async throws {
        let installed = try await InstalledCluster.make()
        let session = Self.session(installed)
        let form = try Self.form(await session.prepare(.uninstall, TaskInputs()))
        #expect(form.checks.map(\.id) == ["confirm", "delete-namespace"])
        #expect(form.checks.map(\.required) == [true, false])
        #expect(form.destructive)
        let text = form.text.map(\.text).joined(separator: "\n")
        #expect(text.contains("PersistentVolumeClaim data-posthog-posthog-postgresql-0"))
        #expect(text.contains("kubectl delete namespace posthog"))

        let reports = Reports()
        session.run(.uninstall, TaskInputs(checks: ["confirm"]), context: installed.cluster.contextName, report: reports.add)
        #expect(try await reports.ended() == nil, "\(reports.notes)")
        #expect(try await installed.connection.helm.installedRelease("posthog", namespace: "posthog") == nil)
        #expect(try await installed.connection.kubectl.namespace("posthog") != nil, "the namespace stays unless ticked")
        #expect(reports.notes.contains("Left behind:"))
        let plan = reports.all.compactMap { if case .plan(let steps, _) = $0 { steps.map(\.id) } else { nil } }.first
        #expect(plan == ["uninstall", "leftovers"])
    }

    @Test func uninstallWithTheNamespaceRemovesEverything() async throws {
        let installed = try await InstalledCluster.make()
        let session = Self.session(installed)
        let reports = Reports()
        session.run(.uninstall, TaskInputs(checks: ["confirm", "delete-namespace"]), context: installed.cluster.contextName,
                    report: reports.add)
        #expect(try await reports.ended() == nil, "\(reports.notes)")
        #expect(try await installed.connection.kubectl.namespace("posthog") == nil)
        #expect(reports.notes.contains("Namespace posthog is gone"))
        let event = await session.prepare(.uninstall, TaskInputs())
        guard case .taskUnavailable(_, let message) = event else { Issue.record("\(event)"); return }
        #expect(message.contains("There is no release"))
    }
}
