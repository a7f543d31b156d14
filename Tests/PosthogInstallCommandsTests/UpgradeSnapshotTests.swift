import Cluster
import Effects
import Foundation
import Installer
import PosthogTestSupport
import Testing
import YAML
@testable import PosthogInstallCommands

/// VolumeSnapshots before an upgrade that the change table blocks, on the simulated DigitalOcean
/// cluster (which ships a VolumeSnapshotClass for its block storage).
@Suite struct UpgradeSnapshotTests {
    let base: DiffRollbackTests

    init() throws { base = try DiffRollbackTests() }

    func blockedByAVolumeChange() async throws {
        try await base.install()
        try base.setValue(["postgresql", "persistence", "size"], "1Gi")
    }

    @Test func theBlockedMessageNamesSnapshotAndAcceptingWithoutItSaysTheyArePossible() async throws {
        try await blockedByAVolumeChange()
        let (blocked, out) = await base.upgradeRun(UpgradeRun.Request(chartVersion: "30.46.0", yes: true))
        #expect(blocked == .preflightBlocked, "\(out)")
        #expect(
            out.contains(
                "Snapshots: this cluster can take a VolumeSnapshot of the 1 volume at risk before helm upgrade runs (--snapshot):"),
            "\(out)")
        #expect(
            out.contains("  data-posthog-posthog-postgresql-0 (") && out.contains("with VolumeSnapshotClass do-block-storage"), "\(out)")
        #expect(out.contains("run again with --accept-data-loss --snapshot once you have a backup"), "\(out)")

        let (failed, forced) = await base.upgradeRun(UpgradeRun.Request(chartVersion: "30.46.0", yes: true, acceptDataLoss: true))
        #expect(failed == .failed, "the API server still refuses the change: \(forced)")
        #expect(forced.contains("(add --snapshot to have them taken)"), "\(forced)")
        #expect(!forced.contains("Taking 1 VolumeSnapshot"), "\(forced)")
    }

    @Test func withSnapshotTheVolumesAreSnapshottedBeforeHelmAndListedAfter() async throws {
        try await blockedByAVolumeChange()
        var request = UpgradeRun.Request(chartVersion: "30.46.0", yes: true, acceptDataLoss: true)
        request.snapshot = true
        let started = base.clock.monotonic
        let (code, out) = await base.upgradeRun(request)
        #expect(code == .failed, "the refused change still fails helm: \(out)")
        let taking = try #require(out.range(of: "Taking 1 VolumeSnapshot before the upgrade:"), "\(out)")
        let helm = try #require(out.range(of: "updates to statefulset spec"), "\(out)")
        #expect(taking.lowerBound < helm.lowerBound, "the snapshot comes before helm upgrade")
        #expect(out.contains("All 1 snapshot is ready ("), "\(out)")
        #expect(out.contains("VolumeSnapshots taken before this upgrade (they stay until you delete them):"), "\(out)")
        #expect(out.contains("of claim data-posthog-posthog-postgresql-0"), "\(out)")
        #expect(out.contains("kind: VolumeSnapshot") && out.contains("dataSource:"), "how to restore: \(out)")
        let snapshots = try await base.connection.kubectl.volumeSnapshots(namespace: "posthog", selector: "posthog-install/release=posthog")
        #expect(
            snapshots.count == 1 && snapshots.first?.readyToUse == true
                && snapshots.first?.sourceClaim == "data-posthog-posthog-postgresql-0")
        let waited = Double((base.clock.monotonic - started).components.seconds)
        print(
            "snapshot upgrade run on the simulated cluster: \(waited) simulated s in all; \(out.split(separator: "\n").first { $0.contains("All 1 snapshot") } ?? "")"
        )
    }

    @Test func aSnapshotThatIsNeverReadyStopsTheUpgradeAtTheDeadline() async throws {
        var faults = SimulatedFaults()
        faults.stuckSnapshots = true
        let base = try DiffRollbackTests(faults: faults)
        try await base.install()
        try base.setValue(["postgresql", "persistence", "size"], "1Gi")
        var request = UpgradeRun.Request(chartVersion: "30.46.0", yes: true, acceptDataLoss: true)
        request.snapshot = true
        let lines = InstallCommandTests.Lines()
        let printer = HeadlessPrinter(emit: { lines.append($0) })
        var run = UpgradeRun(
            files: base.files, profiles: InstallCommandTests.profiles, notes: (try? UpgradeNote.all()) ?? [],
            connection: base.connection, clock: base.clock, report: { printer.print($0) })
        run.patience = .seconds(36_000)
        run.snapshotDeadline = .seconds(60)
        let code = await run.execute(request)
        #expect(code == .failed, "\(lines.text)")
        #expect(
            lines.text.contains("VolumeSnapshots are still not ready to use: data-posthog-posthog-postgresql-0-before-r2-"), "\(lines.text)"
        )
        #expect(lines.text.contains("Nothing was upgraded"), "\(lines.text)")
        #expect(
            lines.text.contains("still waiting for 1 snapshot to be ready (") && lines.text.contains("s of at most 60 s)"),
            "a heartbeat while it waits: \(lines.text)")
        #expect(try await base.connection.helm.history(release: "posthog", namespace: "posthog").count == 1, "helm upgrade did not run")
    }
}
