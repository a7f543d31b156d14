import Cluster
import Effects
import Foundation
import Installer
import Kube
import PosthogTestSupport
import Testing
import YAML
@testable import PosthogInstallCommands

/// `diff`, an upgrade blocked by the change table, the refusal the simulated API server gives
/// when it is forced, and `rollback` back to the revision before, on the simulated cluster.
@Suite struct DiffRollbackTests {
    let files = InMemoryFileSystem()
    let clock = FastClock(factor: 20)
    let connection: ClusterConnection

    init(faults: SimulatedFaults = SimulatedFaults()) throws {
        connection = try TestConnections.simulated(clock: clock, files: files, faults: faults)
    }

    func install() async throws {
        let lines = InstallCommandTests.Lines()
        var run = InstallRun(
            files: files, profiles: InstallCommandTests.profiles, secrets: SystemSecretSource(),
            connection: connection, clock: clock, emit: { lines.append($0) })
        run.patience = .seconds(36_000)
        #expect(
            await run.execute(try InstallCommand.parse(InstallCommandTests.answers + ["--simulate", "--chart-version", "30.46.0"]).request)
                == .success,
            "\(lines.text)")
    }

    func upgradeRun(_ request: UpgradeRun.Request) async -> (ToolExitCode, String) {
        let lines = InstallCommandTests.Lines()
        let printer = HeadlessPrinter(emit: { lines.append($0) })
        var run = UpgradeRun(
            files: files, profiles: InstallCommandTests.profiles, notes: (try? UpgradeNote.all()) ?? [],
            connection: connection, clock: clock, report: { printer.print($0) })
        run.patience = .seconds(36_000)
        return (await run.execute(request), lines.text)
    }

    func diff(_ arguments: [String]) async throws -> (ToolExitCode, String) {
        let command = try DiffCommand.parse(arguments + ["--simulate", "--chart-version", "30.46.0"])
        var request = UpgradeRun.Request(chartVersion: "30.46.0", yes: true, dryRun: true)
        request.previewOnly = true
        request.details = command.details
        return await upgradeRun(request)
    }

    func rollback(_ arguments: [String]) async throws -> (ToolExitCode, String) {
        let lines = InstallCommandTests.Lines()
        let printer = HeadlessPrinter(emit: { lines.append($0) })
        var run = RollbackRun(files: files, connection: connection, clock: clock, report: { printer.print($0) })
        run.patience = .seconds(36_000)
        let command = try RollbackCommand.parse(arguments + ["--simulate", "--yes"])
        let request = RollbackRun.Request(toRevision: command.toRevision, context: connection.context, yes: true)
        return (await run.execute(request), lines.text)
    }

    func setValue(_ path: [String], _ value: String) throws {
        var editor = try YAMLEditor(text: try files.readString("values.yaml"), file: "values.yaml")
        try editor.set(path, to: .string(value))
        files.addFile("values.yaml", editor.text)
    }

    @Test func diffOnTheSimulatedClusterShowsAChangeAndHidesSecretValues() async throws {
        try await install()
        let (same, quiet) = try await diff([])
        #expect(same == .success, "\(quiet)")
        #expect(
            quiet.contains("Nothing changes in the cluster") || quiet.contains("What the upgrade to chart 30.46.0 changes:"), "\(quiet)")
        try setValue(["ingress", "hostname"], "analytics.example.org")
        let (code, out) = try await diff(["--details"])
        #expect(code == .success, "\(out)")
        #expect(out.contains("What the upgrade to chart 30.46.0 changes:"), "\(out)")
        #expect(out.contains("change Ingress posthog/"), "\(out)")
        #expect(out.contains("analytics.example.org"), "the per-object diff: \(out)")
        for password in SupportBundleRun.passwords(in: try files.readString("values.yaml")) where password.count >= 8 {
            #expect(!out.contains(password), "a password was printed")
        }
    }

    @Test func largerVolumesAreGrownBeforeHelmUpgradeInsteadOfBlockingIt() async throws {
        try await install()
        try setValue(["postgresql", "persistence", "size"], "30Gi")
        let (code, out) = await upgradeRun(UpgradeRun.Request(chartVersion: "30.46.0", yes: true))
        #expect(code == .success, "\(out)")
        #expect(out.contains("Before helm upgrade they grow"), "\(out)")
        #expect(!out.contains("Not upgrading"), "\(out)")
        let claims = try await connection.kubectl.persistentVolumeClaims(namespace: "posthog")
        let postgres = try #require(claims.first { $0.metadata.name == "data-posthog-posthog-postgresql-0" })
        #expect(postgres.requestedStorage == (try Quantity("30Gi")), "\(postgres)")
        #expect(try await connection.helm.history(release: "posthog", namespace: "posthog").count == 2)
    }

    @Test func aRefusedChangeBlocksTheUpgradeAndForcedItFailsWithTheAPIServersWordsThenRollsBack() async throws {
        try await install()
        let before = try files.readString("values.yaml")
        try setValue(["postgresql", "persistence", "size"], "1Gi")
        let edited = try files.readString("values.yaml")
        let (blocked, out) = await upgradeRun(UpgradeRun.Request(chartVersion: "30.46.0", yes: true))
        #expect(blocked == .preflightBlocked, "\(out)")
        #expect(out.contains("✗ refused:"), "\(out)")
        #expect(out.contains("Not upgrading: the change table above has"), "\(out)")
        #expect(try await connection.helm.history(release: "posthog", namespace: "posthog").count == 1, "nothing ran")

        var forced = UpgradeRun.Request(chartVersion: "30.46.0", yes: true, acceptDataLoss: true)
        forced.rollbackOnFailure = false
        let (failed, failure) = await upgradeRun(forced)
        #expect(failed == .failed, "\(failure)")
        #expect(failure.contains("updates to statefulset spec for fields other than"), "the API server's words: \(failure)")
        #expect(
            failure.contains("posthog-install rollback --simulate --to-revision 1") || failure.contains("rollback --to-revision 1"),
            "\(failure)")
        let history = try await connection.helm.history(release: "posthog", namespace: "posthog")
        #expect(history.map(\.status) == ["deployed", "failed"], "\(history)")

        let (rolled, text) = try await rollback(["--to-revision", "1"])
        #expect(rolled == .success, "\(text)")
        #expect(text.contains("History of release posthog in namespace posthog:"), "\(text)")
        #expect(text.contains("helm rollback posthog 1 --namespace posthog"), "\(text)")
        #expect(text.contains("Restored values.yaml from revision 1"), "\(text)")
        #expect(try files.readString("values.yaml") == before, "values.yaml is revision 1's again")
        #expect(edited != before)
        let after = try await connection.helm.history(release: "posthog", namespace: "posthog")
        #expect(after.map(\.status) == ["superseded", "failed", "deployed"], "\(after)")
        #expect(after.last?.description == "Rollback to 1")
    }

    @Test func rollbackRefusesWhatDoesNotExistAndChangesNothing() async throws {
        files.addFile("values.yaml", "cloud: do\n")
        let (none, noRelease) = try await rollback([])
        #expect(none == .failed)
        #expect(noRelease.contains("there is no release \"posthog\" in namespace posthog to roll back"), "\(noRelease)")
        try await install()
        let before = try files.readString("values.yaml")
        let (missing, out) = try await rollback(["--to-revision", "7"])
        #expect(missing == .badInput)
        #expect(out.contains("There is no revision 7; the release has revisions 1."), "\(out)")
        let (first, only) = try await rollback([])
        #expect(first == .badInput, "\(only)")
        #expect(try files.readString("values.yaml") == before)
    }
}
