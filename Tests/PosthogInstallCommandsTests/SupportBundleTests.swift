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
}
