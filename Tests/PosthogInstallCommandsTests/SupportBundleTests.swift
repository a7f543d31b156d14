import Cluster
import Effects
import Foundation
import Helm
import Installer
import PosthogTestSupport
import Testing
@testable import PosthogInstallCommands

/// `posthog-install support-bundle`: one archive with what a helper needs, no password in it.
@Suite struct SupportBundleTests {
    let files = InMemoryFileSystem()
    let clock = FastClock(factor: 20)

    @Test func theBundleHoldsTheReleaseAndLogsWithPasswordsMasked() async throws {
        let connection = try TestConnections.simulated(clock: clock, files: files)
        let lines = InstallCommandTests.Lines()
        var install = InstallRun(files: files, profiles: InstallCommandTests.profiles, secrets: SystemSecretSource(),
                                 connection: connection, clock: clock, emit: { lines.append($0) })
        install.patience = .seconds(36_000)
        #expect(await install.execute(try InstallCommand.parse(InstallCommandTests.answers + ["--simulate"]).request) == .success, "\(lines.text)")
        let values = try files.readString("values.yaml")
        let passwords = SupportBundleRun.passwords(in: values)
        #expect(passwords.count >= 2, "the generated database passwords are found: \(passwords.count)")

        let directory = NSTemporaryDirectory() + "bundle-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let output = directory + "/bundle.tar.gz"
        let out = InstallCommandTests.Lines()
        let run = SupportBundleRun(files: files, connection: connection, clock: clock, emit: { out.append($0) })
        #expect(await run.execute(SupportBundleRun.Request(output: output)) == .success, "\(out.text)")
        let entries = try ChartArchiveReader.read(Array(try Data(contentsOf: URL(fileURLWithPath: output))), source: output)
        let names = entries.map(\.path)
        #expect(names.contains("README.txt"), "\(names)")
        #expect(names.contains("helm/history.json") || names.contains("helm/list.json"), "\(names)")
        #expect(names.contains("local/values.yaml"))
        #expect(names.contains { $0.hasPrefix("logs/") }, "a log per container: \(names)")
        let everything = entries.map { String(decoding: $0.data, as: UTF8.self) }.joined(separator: "\n")
        for password in passwords { #expect(!everything.contains(password), "a password leaked into the bundle") }
        #expect(everything.contains("postgresqlPassword: ***"))
    }

    @Test func aNameThatIsNotAnArchiveIsRefused() async throws {
        let connection = try TestConnections.simulated(clock: clock, files: files)
        let out = InstallCommandTests.Lines()
        let run = SupportBundleRun(files: files, connection: connection, clock: clock, emit: { out.append($0) })
        #expect(await run.execute(SupportBundleRun.Request(output: "bundle.zip")) == .badInput)
        #expect(out.text.contains("-o bundle.zip: the bundle is a gzip-compressed tar archive"))
    }

    @Test func noSecretFromValuesOrFromAnySecretIsAnywhereInTheBundle() async throws {
        let connection = try TestConnections.simulated(clock: clock, files: files)
        let lines = InstallCommandTests.Lines()
        var install = InstallRun(files: files, profiles: InstallCommandTests.profiles, secrets: SystemSecretSource(),
                                 connection: connection, clock: clock, emit: { lines.append($0) })
        install.patience = .seconds(36_000)
        #expect(await install.execute(try InstallCommand.parse(InstallCommandTests.answers + ["--simulate"]).request) == .success, "\(lines.text)")
        // Every value of every Secret in the namespace, decoded, as the scan's needles.
        let secretsJSON = try await connection.runner.run(connection.kubectl.command(["get", "secrets"], namespace: "posthog")).standardOutput
        let inventory = SecretInventory.read(secretsJSON)
        let needles = Set(inventory.flatMap(\.values) + SupportBundleRun.passwords(in: try files.readString("values.yaml")).filter { $0.count >= 8 })
        #expect(!needles.isEmpty)

        let directory = NSTemporaryDirectory() + "bundle-scan-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let output = directory + "/bundle.tar.gz"
        let out = InstallCommandTests.Lines()
        var run = SupportBundleRun(files: files, connection: connection, clock: clock, emit: { out.append($0) })
        run.profiles = InstallCommandTests.profiles
        #expect(await run.execute(SupportBundleRun.Request(output: output)) == .success, "\(out.text)")
        #expect(out.all.contains { $0.hasPrefix("  ✓ helm/history.json") }, "a progress line per collector: \(out.text)")
        let entries = try ChartArchiveReader.read(Array(try Data(contentsOf: URL(fileURLWithPath: output))), source: output)
        let names = entries.map(\.path)
        for name in ["SUMMARY.txt", "README.txt", "namespace/secrets.txt", "helm/manifest.yaml", "preflight.txt", "cluster/nodes.json"] {
            #expect(names.contains(name), "\(name) missing: \(names)")
        }
        var found = 0
        for entry in entries {
            let text = String(decoding: entry.data, as: UTF8.self)
            for needle in needles where text.contains(needle) { found += 1; Issue.record("a secret value is in \(entry.path)") }
        }
        #expect(found == 0)
        let summary = entries.first { $0.path == "SUMMARY.txt" }.map { String(decoding: $0.data, as: UTF8.self) } ?? ""
        #expect(summary.contains("Release posthog: deployed"), "\(summary)")

        // The file exists now: without --force (and no terminal to ask on) nothing is collected.
        let again = InstallCommandTests.Lines()
        let second = SupportBundleRun(files: files, connection: connection, clock: clock, emit: { again.append($0) })
        let before = try Data(contentsOf: URL(fileURLWithPath: output))
        #expect(await second.execute(SupportBundleRun.Request(output: output)) == .badInput)
        #expect(again.text.contains("exists already. Pass --force to replace it"), "\(again.text)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: output)) == before)
        var forced = SupportBundleRun.Request(output: output)
        forced.force = true
        #expect(await second.execute(forced) == .success)
    }

    @Test func aFolderThatIsMissingIsNamedAndNothingIsCollected() async throws {
        let connection = try TestConnections.simulated(clock: clock, files: files)
        let out = InstallCommandTests.Lines()
        let run = SupportBundleRun(files: files, connection: connection, clock: clock, emit: { out.append($0) })
        #expect(await run.execute(SupportBundleRun.Request(output: "/nonexistent-dir-\(getpid())/b.tar.gz")) == .badInput)
        #expect(out.text.contains("does not exist. Nothing was collected"), "\(out.text)")
        #expect(!out.text.contains("✓"))
    }

    @Test func aCollectorThatIsForbiddenIsRecordedAndTheRestGoOn() {
        #expect(BundleCollector.firstErrorLine("W1206 warning\nError from server (Forbidden): configmaps is forbidden: User \"dev\" cannot list resource \"configmaps\"\n")
                == "Error from server (Forbidden): configmaps is forbidden: User \"dev\" cannot list resource \"configmaps\"")
        #expect(NamespaceKinds.pick("pods\nsecrets\nconfigmaps\nevents\n") == ["pods", "configmaps"])
        #expect(NamespaceKinds.pick(nil) == NamespaceKinds.fallback)
    }

    @Test func detailsMaskEnvPasswordsOnBothSidesOfAChange() {
        let diff = ["        - name: CLICKHOUSE_PASSWORD", "-         value: oldSecretValue1", "+         value: newSecretValue2",
                    "          - name: SITE_URL", "-           value: https://a.example", "+           value: https://b.example"]
        let out = ChangeDetailsText.masked(diff, redactor: Redactor()).joined(separator: "\n")
        #expect(!out.contains("oldSecretValue1") && !out.contains("newSecretValue2"), "\(out)")
        #expect(out.contains("https://b.example"))
    }
}
