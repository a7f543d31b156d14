import Cluster
import Effects
import Foundation
import Installer
import PosthogTestSupport
import Testing
@testable import PosthogInstallCommands

/// `posthog-install upgrade` on the simulated cluster: saved values, notes, confirmations.
@Suite struct UpgradeCommandTests {
    let files = InMemoryFileSystem()
    let clock = FastClock(factor: 20)
    let connection: ClusterConnection

    init() throws {
        connection = try TestConnections.simulated(clock: clock, files: files)
    }

    func install(_ extra: [String] = [], answers: [String] = InstallCommandTests.answers) async throws {
        let lines = InstallCommandTests.Lines()
        let command = try InstallCommand.parse(answers + extra + ["--simulate"])
        var run = InstallRun(files: files, profiles: InstallCommandTests.profiles, secrets: SystemSecretSource(),
                             connection: connection, clock: clock, emit: { lines.append($0) })
        run.patience = .seconds(36_000)  // a busy machine must not use up simulated minutes
        let code = await run.execute(command.request)
        #expect(code == .success, "\(lines.text)")
    }

    func upgrade(_ arguments: [String]) async throws -> (ToolExitCode, String) {
        let command = try UpgradeCommand.parse(arguments + ["--simulate"])
        let lines = InstallCommandTests.Lines()
        let printer = HeadlessPrinter(emit: { lines.append($0) })
        var run = UpgradeRun(files: files, profiles: InstallCommandTests.profiles, notes: try UpgradeNote.all(),
                             connection: connection, clock: clock, report: { printer.print($0) })
        run.patience = .seconds(36_000)  // a busy machine must not use up simulated minutes
        return (await run.execute(command.request), lines.text)
    }

    @Test func withoutTheSavedValuesNothingHappens() async throws {
        let (code, out) = try await upgrade([])
        #expect(code == .badInput)
        #expect(out.contains("there is no values.yaml here. An upgrade must use the values the install used"))
    }

    @Test func withoutAReleaseItPointsToInstall() async throws {
        files.addFile("values.yaml", "cloud: do\n")
        let (code, out) = try await upgrade([])
        #expect(code == .failed)
        #expect(out.contains("there is no release \"posthog\" in namespace posthog to upgrade"))
    }

    @Test func aMinorUpgradeRunsHelmUpgradeAndWaitsForThePods() async throws {
        try await install(["--chart-version", "30.40.0"])
        let (code, out) = try await upgrade(["--chart-version", "30.46.0"])
        #expect(code == .success, "\(out)")
        #expect(out.contains("Upgrade release posthog in namespace posthog from chart 30.40.0 to 30.46.0."))
        #expect(out.contains("helm upgrade -f values.yaml --timeout 20m --namespace posthog posthog posthog/posthog --version 30.46.0"))
        #expect(out.contains("has been upgraded"))
        #expect(out.contains("All of PostHog's pods are ready."))
        #expect(!out.contains("Upgrade note:"))
        let releases = try await connection.helm.list(namespace: "posthog")
        #expect(releases.first?.chartVersion == "30.46.0")
        #expect(releases.first?.revision == 2)
        // The values of both revisions are kept for a rollback.
        #expect(files.exists(".posthog-install-history/posthog-posthog-revision-1.yaml"))
        #expect(files.exists(".posthog-install-history/posthog-posthog-revision-2.yaml"))
    }

    @Test func aDowngradeIsRefused() async throws {
        try await install(["--chart-version", "30.46.0"])
        let (code, out) = try await upgrade(["--chart-version", "30.40.0"])
        #expect(code == .badInput)
        #expect(out.contains("Not upgrading: "))
        let releases = try await connection.helm.list(namespace: "posthog")
        #expect(releases.first?.revision == 1, "nothing ran")
    }

    @Test func crossingMajorsShowsTheNotesAndMigratesRenamedKeys() async throws {
        try await install(["--chart-version", "30.46.0"])
        // As if installed long ago: the release's record says chart 3.0.3 and values.yaml has
        // the key chart 3.x used for the ClickHouse operator.
        let old = try await connection.runner.run(ProcessCommand("helm", ["upgrade", "posthog", "posthog/posthog", "-n", "posthog",
                                                                          "--version", "3.0.3", "-f", "values.yaml"], timeout: .seconds(600)))
        #expect(old.status.isSuccess)
        files.addFile("values.yaml", try files.readString("values.yaml") + "clickhouseOperator:\n  enabled: true\n")
        let before = try files.readString("values.yaml")
        let (dryCode, dry) = try await upgrade(["--chart-version", "30.46.0", "--dry-run"])
        #expect(dryCode == .success, "\(dry)")
        #expect(dry.contains("from chart 3.0.3 to 30.46.0."))
        #expect(dry.contains("Upgrade note: chart 3.x → 4.0.0"))
        #expect(dry.contains("clickhouseOperator.enabled: removed; clickhouse.enabled is already set and wins"), "\(dry)")
        #expect(dry.hasSuffix("Dry run: nothing was changed."))
        #expect(try files.readString("values.yaml") == before, "a dry run leaves the file alone")

        let (code, out) = try await upgrade(["--chart-version", "30.46.0"])
        #expect(code == .success, "\(out)")
        let after = try files.readString("values.yaml")
        #expect(!after.contains("clickhouseOperator:"))
        #expect(out.contains("Updated values.yaml (the previous version is in "))
    }
}
