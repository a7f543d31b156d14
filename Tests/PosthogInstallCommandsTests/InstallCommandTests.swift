import Cluster
import Effects
import Foundation
import Installer
import PosthogTestSupport
import Synchronization
import Testing
@testable import PosthogInstallCommands

/// `posthog-install install` against the simulated cluster: the whole headless flow, and the
/// places where it must stop before anything is installed.
@Suite struct InstallCommandTests {
    static let profiles = (try? ProfileSet.all()) ?? []
    static let answers = ["--cloud", "do", "--hostname", "posthog.example.com", "--tier", "small", "--email", "ops@example.com"]

    final class Lines: Sendable {
        private let storage = Mutex<[String]>([])
        func append(_ line: String) { storage.withLock { $0.append(line) } }
        var all: [String] { storage.withLock { $0 } }
        var text: String { all.joined(separator: "\n") }
    }

    func install(_ arguments: [String], nodes: String = "2x2cpu4gi", files: InMemoryFileSystem = InMemoryFileSystem())
        async throws -> (ToolExitCode, String)
    {
        let command = try InstallCommand.parse(arguments + ["--simulate"])
        let clock = FastClock(factor: 20)
        let connection = try TestConnections.simulated(nodes: nodes, clock: clock, files: files)
        let lines = Lines()
        var run = InstallRun(
            files: files, profiles: Self.profiles, secrets: SystemSecretSource(), connection: connection,
            clock: clock, emit: { lines.append($0) })
        run.patience = .seconds(36_000)  // a busy machine must not use up simulated minutes
        let code = await run.execute(command.request)
        return (code, lines.text)
    }

    @Test func aCompleteInstallEndsWithTheDNSRecord() async throws {
        let files = InMemoryFileSystem()
        let (code, out) = try await install(Self.answers, files: files)
        #expect(code == .success, "\(out)")
        #expect(out.contains("Wrote values.yaml (chart 30.46.0, cloud do, HTTPS, tier small)."))
        #expect(out.contains("  ✓ Pod placement: All 13 pods fit"))
        #expect(
            out.contains(
                "  - Install PostHog (chart 30.46.0) into namespace posthog: helm install -f values.yaml --timeout 20m --create-namespace --namespace posthog posthog posthog/posthog --version 30.46.0 --kube-context posthog-simulated"
            ))
        #expect(out.contains("  STATUS: deployed"))
        #expect(out.contains("All of PostHog's pods are ready."))
        #expect(out.range(of: #"Create an A record: posthog\.example\.com → \d+\.\d+\.\d+\.\d+\."#, options: .regularExpression) != nil)
        #expect(out.hasSuffix("Check it any time with: posthog-install status --simulate"))
        #expect(out.components(separatedBy: "Check it any time with:").count == 2, "the status command is printed once")
        #expect(files.exists("values.yaml") && files.exists("answers.yaml"))
    }

    @Test func anUndersizedClusterIsStoppedByThePreflight() async throws {
        let (code, out) = try await install(Self.answers, nodes: "1x2cpu2gi")
        #expect(code == .preflightBlocked)
        #expect(out.contains("  ✗ Cluster size: 1 usable node"))
        #expect(out.contains("missing 2 vCPU and 2 GiB memory"))
        #expect(out.contains("Nothing was installed: the preflight found 1 blocker above."))
        #expect(!out.contains("helm install"), "no plan is shown, nothing runs")
    }

    @Test func aDryRunShowsThePlanAndChangesNothingInTheCluster() async throws {
        let (code, out) = try await install(Self.answers + ["--dry-run"])
        #expect(code == .success)
        #expect(
            out.contains(
                "  - Add the PostHog chart repository: helm repo add posthog https://posthog.github.io/charts-clickhouse/ --kube-context posthog-simulated"
            ) || out.contains("helm repo add posthog https://posthog.github.io/charts-clickhouse/"))
        #expect(out.hasSuffix("Dry run: nothing was changed."))
        #expect(!out.contains("STATUS: deployed"))
    }

    @Test func badAnswersStopBeforeTheCluster() async throws {
        let (code, out) = try await install(["--cloud", "azure", "--hostname", "posthog.example.com"])
        #expect(code == .badInput)
        #expect(out.contains("--cloud: \"azure\" is not one of the choices"))
        #expect(!out.contains("Checking the cluster"))
    }

    @Test func aCrashLoopStopsTheWaitWithItsLastLogLines() async throws {
        var spec = try SimulatedClusterSpec(nodes: "2x2cpu4gi")
        spec.faults = SimulatedFaults(crashingContainers: [
            "posthog-web": ["django.db.utils.OperationalError: could not connect to server: Connection refused"]
        ])
        let clock = FastClock(factor: 20)
        let files = InMemoryFileSystem()
        let cluster = SimulatedCluster(spec: spec, clock: clock, fileSystem: files)
        let connection = ClusterConnection(
            runner: cluster, kubectl: KubectlClient(runner: cluster, options: KubectlOptions(context: cluster.contextName)),
            helm: HelmClient(runner: cluster, options: HelmOptions(kubeContext: cluster.contextName)),
            context: cluster.contextName, simulated: true, transcript: nil, notes: [])
        let lines = Lines()
        var run = InstallRun(
            files: files, profiles: Self.profiles, secrets: SystemSecretSource(), connection: connection,
            clock: clock, emit: { lines.append($0) })
        run.patience = .seconds(36_000)  // a busy machine must not use up simulated minutes
        let code = await run.execute(try InstallCommand.parse(Self.answers + ["--simulate"]).request)
        #expect(code == .failed)
        #expect(lines.text.contains("container posthog-web of posthog-web-"), "\(lines.text)")
        #expect(lines.text.components(separatedBy: "keeps crashing").count == 2, "shown once, with its log lines")
        #expect(lines.text.contains("could not connect to server: Connection refused"))
        #expect(!lines.text.contains("Create an A record"), "no DNS record for a broken install")
    }
}
