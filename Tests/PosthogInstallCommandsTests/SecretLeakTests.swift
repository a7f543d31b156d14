import Effects
import Foundation
import Installer
import PosthogTestSupport
import Testing
import YAML
@testable import PosthogInstallCommands

/// A representative run of every headless command on the simulated cluster, with every line
/// it prints (standard output and standard error) scanned for the generated passwords and the
/// person's own SMTP password: none may appear unless `--show-secrets` asks for them.
@Suite struct SecretLeakTests {
    static let smtpPassword = "Smtp-Canary-Pw-4711"

    @Test func noCommandPrintsAPasswordUnlessAsked() async throws {
        let installed = try await InstalledCluster.make(answers: [
            "--cloud", "do", "--hostname", "posthog.example.com", "--tier", "small", "--email", "ops@example.com",
            "--smtp-host", "smtp.example.com", "--smtp-user", "mailer", "--smtp-password", Self.smtpPassword,
            "--smtp-from", "posthog@example.com",
        ])
        let values = try YAML.parse(try installed.files.readString("values.yaml"), file: "values.yaml")
        let profile = try #require(InstalledCluster.profiles.first { $0.id == "chart-30" })
        let secrets = DesiredValues.secretPaths(profile: profile).compactMap { values.value(at: $0)?.stringValue }
            .filter { $0.count >= 8 }
        try #require(secrets.count >= 3, "the install generated passwords")
        #expect(secrets.contains(Self.smtpPassword))

        var outputs: [String: String] = [:]
        let lines = { () -> InstallCommandTests.Lines in InstallCommandTests.Lines() }

        // values, written and as a dry run.
        let valuesRun = ValuesRun(files: installed.files, secrets: SystemSecretSource(), profiles: InstalledCluster.profiles)
        let written = valuesRun.execute(try ValuesCommand.parse(["--tier", "large"]).request)
        outputs["values"] = written.stdout + written.stderr
        let dry = valuesRun.execute(try ValuesCommand.parse(["--dry-run"]).request)
        outputs["values --dry-run"] = dry.stdout + dry.stderr
        #expect(dry.stdout.contains("postgresqlPassword: ***"))

        // status, info.
        let status = lines()
        let statusRun = StatusRun(files: installed.files, connection: installed.connection, network: FixedNetworkProbes(address: nil),
                                  clock: installed.clock, emit: { status.append($0) })
        _ = await statusRun.execute(StatusRun.Request())
        outputs["status"] = status.text
        let info = lines()
        let infoRun = InfoRun(files: installed.files, connection: installed.connection, signals: ManualSignalSource(),
                              emit: { info.append($0) })
        _ = await infoRun.execute(try InfoCommand.parse([]).request)
        outputs["info"] = info.text

        // upgrade, resize and uninstall as dry runs (they print their plans and commands).
        let upgrade = lines()
        let printer = HeadlessPrinter(emit: { upgrade.append($0) })
        let upgradeRun = UpgradeRun(files: installed.files, profiles: InstalledCluster.profiles, notes: try UpgradeNote.all(),
                                    connection: installed.connection, clock: installed.clock, report: { printer.print($0) })
        _ = await upgradeRun.execute(try UpgradeCommand.parse(["--dry-run", "--simulate"]).request)
        outputs["upgrade --dry-run"] = upgrade.text
        let resize = lines()
        let resizeRun = ResizeRun(files: installed.files, profiles: InstalledCluster.profiles, connection: installed.connection,
                                  clock: installed.clock, emit: { resize.append($0) })
        _ = await resizeRun.execute(try ResizeCommand.parse(["--clickhouse", "100Gi", "--dry-run", "--simulate"]).request)
        outputs["resize --dry-run"] = resize.text
        let uninstall = lines()
        let uninstallRun = UninstallRun(connection: installed.connection, clock: installed.clock, ask: nil, emit: { uninstall.append($0) })
        _ = await uninstallRun.execute(try UninstallCommand.parse(["--dry-run", "--simulate"]).request)
        outputs["uninstall --dry-run"] = uninstall.text

        for (command, text) in outputs {
            #expect(!text.isEmpty, "\(command) printed nothing")
            for secret in secrets {
                #expect(!text.contains(secret), "\(command) printed a password:\n\(text)")
            }
        }

        // Asked for, info does show the stored passwords.
        let shown = lines()
        let showRun = InfoRun(files: installed.files, connection: installed.connection, signals: ManualSignalSource(),
                              emit: { shown.append($0) })
        _ = await showRun.execute(try InfoCommand.parse(["--show-secrets"]).request)
        #expect(secrets.contains { shown.text.contains($0) })
    }
}
