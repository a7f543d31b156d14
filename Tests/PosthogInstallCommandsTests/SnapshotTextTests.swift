import Installer
import Testing
@testable import PosthogInstallCommands

/// What the snapshot offer says where the cluster cannot snapshot, and how the taken ones are listed.
@Suite struct SnapshotTextTests {
    @Test func withoutTheAPIOrAClassItSaysSoPlainlyAndOffersNothing() {
        let none = SnapshotText.offerLines(.noSnapshotAPI(claims: ["data-pg-0"]), flag: "--snapshot")
        #expect(
            none == [
                "Snapshots: this cluster has no VolumeSnapshot API (snapshot.storage.k8s.io), so posthog-install cannot snapshot the volumes at risk (data-pg-0). Back them up another way first."
            ])
        let noClass = SnapshotText.offerLines(.noSnapshotClass(claims: ["data-pg-0"], drivers: ["ebs.csi.aws.com"]), flag: "--snapshot")
            .joined()
        #expect(noClass.contains("no VolumeSnapshotClass for ebs.csi.aws.com") && !noClass.contains("--snapshot"))
        #expect(SnapshotText.offerLines(.nothingAffected, flag: "--snapshot").isEmpty)
    }

    @Test func theTakenSnapshotsAreListedWithARestoreExample() {
        let targets = [
            SnapshotTarget(
                claim: "data-pg-0", size: "10Gi", storageClass: "do-block-storage", snapshotClass: "do-block-storage",
                name: "data-pg-0-before-r2-x"),
            SnapshotTarget(
                claim: "data-ch-0", size: nil, storageClass: "do-block-storage", snapshotClass: "do-block-storage",
                name: "data-ch-0-before-r2-x"),
        ]
        let lines = SnapshotText.takenLines(targets, namespace: "posthog", release: "posthog")
        #expect(lines.contains("  data-pg-0-before-r2-x  of claim data-pg-0, 10Gi"))
        #expect(lines.contains("  data-ch-0-before-r2-x  of claim data-ch-0"))
        #expect(lines.contains("List them: kubectl get volumesnapshots -n posthog -l posthog-install/release=posthog"))
        #expect(lines.contains("        name: data-pg-0-before-r2-x"), "\(lines)")
        #expect(SnapshotText.takenLines([], namespace: "posthog", release: "posthog").isEmpty)
    }
}
