import Cluster
import Effects
import Foundation
import PosthogTestSupport
import Testing
@testable import PosthogInstallCommands

/// `posthog-install resize` against PostHog installed on the simulated cluster.
@Suite struct ResizeCommandTests {
    func resize(_ arguments: [String], on installed: InstalledCluster, through runner: (any ProcessRunner)? = nil)
        async throws -> (ToolExitCode, String) {
        let command = try ResizeCommand.parse(arguments)
        let lines = OutputLines()
        let connection = runner.map { installed.connection(through: $0) } ?? installed.connection
        var request = command.request
        request.timeout = .seconds(300)
        let run = ResizeRun(files: installed.files, profiles: InstalledCluster.profiles, connection: connection,
                            clock: installed.clock, emit: { lines.append($0) })
        return (await run.execute(request), lines.text)
    }

    @Test func growsClickHouseAndWaitsForTheNewCapacity() async throws {
        let installed = try await InstalledCluster.make()
        let runner = InterceptingRunner(installed.cluster) { _, _ in nil }
        let (code, out) = try await resize(["--clickhouse", "200Gi"], on: installed, through: runner)
        #expect(code == .success, "\(out)")
        let values = try installed.files.readString("values.yaml")
        #expect(values.contains("size: 200Gi"))
        #expect(out.contains("  - values.yaml: clickhouse.persistence.size "))
        #expect(out.contains("→ persistentvolumeclaim/data-chi-posthog-posthog-0-0-0 patched"))
        #expect(out.contains("→ statefulset.apps \"chi-posthog-posthog-0-0\" deleted"))
        #expect(out.contains("  data-chi-posthog-posthog-0-0-0: 200Gi of 200Gi"))
        #expect(out.hasSuffix("Done: every volume has its new size."))
        // The documented order: grow the claim, orphan the StatefulSet, upgrade, then watch.
        let argvs = runner.argvs.map { $0.joined(separator: " ") }
        let patch = try #require(argvs.firstIndex { $0.contains("patch pvc data-chi-posthog-posthog-0-0-0") })
        let delete = try #require(argvs.firstIndex { $0.contains("delete statefulset chi-posthog-posthog-0-0 --cascade=orphan") })
        let upgrade = try #require(argvs.firstIndex { $0.hasPrefix("helm upgrade -f values.yaml --timeout 20m --namespace posthog posthog posthog/posthog --version 30.46.0") })
        #expect(patch < delete && delete < upgrade)
        // The repository is added first: this machine may never have (a release installed elsewhere or from a folder).
        let repoAdd = try #require(argvs.firstIndex { $0.hasPrefix("helm repo add posthog https://posthog.github.io/charts-clickhouse/") })
        #expect(repoAdd < upgrade)
        #expect(argvs[patch].contains(#"-p {"spec":{"resources":{"requests":{"storage":"200Gi"}}}}"#))
        #expect(!argvs.contains { $0.contains("delete statefulset") && $0.contains("postgresql") }, "only the resized component's StatefulSet")
    }

    @Test func aReleaseInstalledFromAChartFolderIsUpgradedWithThatFolderAtTheInstalledVersionOnly() async throws {
        let installed = try await InstalledCluster.make()
        try installed.files.makeDirectories("chart-30", mode: 0o755)
        try installed.files.writeAtomically("chart-30/Chart.yaml", "apiVersion: v2\nname: posthog\nversion: 30.46.0\n", mode: 0o644, backup: .none)
        try installed.files.makeDirectories("chart-31", mode: 0o755)
        try installed.files.writeAtomically("chart-31/Chart.yaml", "apiVersion: v2\nname: posthog\nversion: 30.47.0\n", mode: 0o644, backup: .none)
        let before = try installed.files.readString("values.yaml")

        let other = InterceptingRunner(installed.cluster) { _, _ in nil }
        let (refused, why) = try await resize(["--postgresql", "50Gi", "--chart", "chart-31"], on: installed, through: other)
        #expect(refused == .badInput, "\(why)")
        #expect(why.contains("--chart chart-31 is chart version 30.47.0, but the release runs 30.46.0"))
        #expect(try installed.files.readString("values.yaml") == before)
        let (missing, said) = try await resize(["--postgresql", "50Gi", "--chart", "no-such-chart"], on: installed, through: other)
        #expect(missing == .badInput && said.contains("--chart no-such-chart: no such directory or file"), "\(said)")
        #expect(!other.argvs.contains { $0.contains("patch") || $0.contains("upgrade") })

        let runner = InterceptingRunner(installed.cluster) { _, _ in nil }
        let (code, out) = try await resize(["--postgresql", "50Gi", "--chart", "chart-30", "--dry-run"], on: installed, through: runner)
        #expect(code == .success, "\(out)")
        #expect(out.contains("helm upgrade -f values.yaml --timeout 20m --namespace posthog posthog chart-30"), "\(out)")
        #expect(!out.contains("--version") && !out.contains("helm repo add"), "\(out)")
    }

    @Test func aStorageClassWithoutExpansionStopsBeforeAnythingChanges() async throws {
        let installed = try await InstalledCluster.make(volumeExpansion: false)
        let before = try installed.files.readString("values.yaml")
        let runner = InterceptingRunner(installed.cluster) { _, _ in nil }
        let (code, out) = try await resize(["--postgresql", "50Gi"], on: installed, through: runner)
        #expect(code == .preflightBlocked, "\(out)")
        #expect(out.contains("does not allow volume expansion (allowVolumeExpansion is not true), so data-posthog-posthog-postgresql-0 cannot grow. Nothing was changed."))
        #expect(out.contains(#"kubectl patch storageclass do-block-storage -p '{"allowVolumeExpansion": true}'"#))
        #expect(try installed.files.readString("values.yaml") == before)
        #expect(!runner.argvs.contains { $0.contains("patch") || $0.contains("upgrade") })
    }

    @Test func shrinkingIsRefusedAndTheFileIsUnchanged() async throws {
        let installed = try await InstalledCluster.make()
        let before = try installed.files.readString("values.yaml")
        let (code, out) = try await resize(["--clickhouse", "2Gi"], on: installed)
        #expect(code == .badInput, "\(out)")
        #expect(out.contains("--clickhouse 2Gi is smaller than the current"))
        #expect(out.contains("Kubernetes volumes can only grow"))
        #expect(out.contains("values.yaml was left as it is."))
        #expect(try installed.files.readString("values.yaml") == before)
    }

    @Test func aDryRunPrintsTheStepsOnly() async throws {
        let installed = try await InstalledCluster.make()
        let before = try installed.files.readString("values.yaml")
        let runner = InterceptingRunner(installed.cluster) { _, _ in nil }
        let (code, out) = try await resize(["--kafka", "100Gi", "--dry-run"], on: installed, through: runner)
        #expect(code == .success, "\(out)")
        #expect(out.contains("  - Grow data-posthog-posthog-kafka-0 from "))
        #expect(out.contains("--cascade=orphan"))
        #expect(out.hasSuffix("Dry run: nothing was changed."))
        #expect(try installed.files.readString("values.yaml") == before)
        #expect(!runner.argvs.contains { $0.contains("patch") || $0.contains("upgrade") || $0.contains("delete") })
    }

    @Test(arguments: [
        ("200", "has no unit"),
        ("200GB", "Kubernetes writes \"200GB\" as 200G"),
        ("lots", "\"lots\" is not a size"),
    ])
    func badSizesAreRefused(size: String, message: String) async throws {
        let installed = try await InstalledCluster.make()
        let before = try installed.files.readString("values.yaml")
        let (code, out) = try await resize(["--redis", size], on: installed)
        #expect(code == .badInput)
        #expect(out.contains(message), "\(out)")
        #expect(try installed.files.readString("values.yaml") == before)
    }

    @Test func noSizesIsBadUsage() async throws {
        let installed = try await InstalledCluster.make()
        let (code, out) = try await resize([], on: installed)
        #expect(code == .badInput)
        #expect(out.contains("posthog-install resize --clickhouse 200Gi"))
    }
}
