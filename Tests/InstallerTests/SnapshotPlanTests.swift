import Testing
import YAML
@testable import Installer

/// Which claims a blocked upgrade puts at risk, and which VolumeSnapshotClass snapshots each.
@Suite struct SnapshotPlanTests {
    static let statefulSet = ManifestObject(
        key: .init(group: "apps", kind: "StatefulSet", namespace: "posthog", name: "posthog-posthog-postgresql"),
        body: try! YAML.parse(
            """
            kind: StatefulSet
            metadata: {name: posthog-posthog-postgresql}
            spec:
              volumeClaimTemplates:
                - metadata: {name: data}
            """, file: "t"))
    static let refused = ObjectChange(
        key: statefulSet.key, operation: .change, reason: "x",
        risks: [ChangeRisk(.refused, "no", fix: "f")])
    static let claims = [
        ClaimInfo(name: "data-posthog-posthog-postgresql-0", storageClass: nil, size: "10Gi"),
        ClaimInfo(name: "data-posthog-posthog-postgresql-extra", storageClass: nil, size: "1Gi"),
        ClaimInfo(name: "data-posthog-posthog-postgresql-1", storageClass: nil, size: "10Gi", phase: "Pending"),
        ClaimInfo(name: "redis-data", storageClass: "fast", size: "5Gi"),
        ClaimInfo(name: "orphan", storageClass: "fast", size: "5Gi"),
    ]
    static let storage = [
        StorageClassInfo(name: "do-block-storage", provisioner: "dobs.csi.digitalocean.com", isDefault: true),
        StorageClassInfo(name: "fast", provisioner: "local.csi.example.com"),
    ]

    @Test func affectedClaimsAreTheStatefulSetsOrdinalsAndTheChangedOrDeletedClaims() {
        let deleted = ObjectChange(
            key: .init(group: "", kind: "PersistentVolumeClaim", namespace: "posthog", name: "redis-data"),
            operation: .delete, reason: "x", risks: [ChangeRisk(.dataLoss, "gone", fix: "f")])
        let secretOnly = ObjectChange(
            key: .init(group: "", kind: "PersistentVolumeClaim", namespace: "posthog", name: "orphan"),
            operation: .change, reason: "x", risks: [ChangeRisk(.secret, "s", fix: "f")])
        let affected = SnapshotPlan.affectedClaims(
            blocking: [Self.refused, deleted, secretOnly],
            deployed: [Self.statefulSet.key: Self.statefulSet], claims: Self.claims)
        #expect(affected == ["data-posthog-posthog-postgresql-0", "data-posthog-posthog-postgresql-1", "redis-data"])
        #expect(SnapshotPlan.affectedClaims(blocking: [secretOnly], deployed: [:], claims: Self.claims).isEmpty)
    }

    @Test func theClassIsTheOneWhoseDriverIsTheStorageClassesProvisioner() {
        let classes = [
            SnapshotClassInfo(name: "other", driver: "ebs.csi.aws.com", isDefault: true),
            SnapshotClassInfo(name: "b-do", driver: "dobs.csi.digitalocean.com"),
            SnapshotClassInfo(name: "a-do", driver: "dobs.csi.digitalocean.com"),
            SnapshotClassInfo(name: "z-do-default", driver: "dobs.csi.digitalocean.com", isDefault: true),
        ]
        let offer = SnapshotPlan.offer(
            affected: ["data-posthog-posthog-postgresql-0", "data-posthog-posthog-postgresql-1", "redis-data"],
            claims: Self.claims, storageClasses: Self.storage, snapshotClasses: classes,
            nextRevision: 3, stamp: "202612062015")
        guard case .snapshots(let targets, let unsupported) = offer else {
            Issue.record("\(offer)")
            return
        }
        #expect(targets.map(\.claim) == ["data-posthog-posthog-postgresql-0"])
        #expect(targets.first?.snapshotClass == "z-do-default", "the default one of the matching driver")
        #expect(targets.first?.storageClass == "do-block-storage", "no class on the claim: the default StorageClass")
        #expect(targets.first?.name == "data-posthog-posthog-postgresql-0-before-r3-202612062015")
        #expect(unsupported["data-posthog-posthog-postgresql-1"]?.contains("Pending") == true)
        #expect(unsupported["redis-data"]?.contains("no VolumeSnapshotClass has driver local.csi.example.com") == true)

        let noDefault = SnapshotPlan.offer(
            affected: ["data-posthog-posthog-postgresql-0"], claims: Self.claims, storageClasses: Self.storage,
            snapshotClasses: Array(classes.prefix(3)), nextRevision: 3, stamp: "s")
        guard case .snapshots(let first, _) = noDefault else {
            Issue.record("\(noDefault)")
            return
        }
        #expect(first.first?.snapshotClass == "a-do", "without a default: the first by name")
    }

    @Test func withoutTheAPIOrAFittingClassNothingIsOffered() {
        let affected = ["data-posthog-posthog-postgresql-0"]
        #expect(
            SnapshotPlan.offer(
                affected: affected, claims: Self.claims, storageClasses: Self.storage, snapshotClasses: nil,
                nextRevision: 2, stamp: "s") == .noSnapshotAPI(claims: affected))
        #expect(
            SnapshotPlan.offer(
                affected: affected, claims: Self.claims, storageClasses: Self.storage,
                snapshotClasses: [SnapshotClassInfo(name: "ebs", driver: "ebs.csi.aws.com")], nextRevision: 2, stamp: "s")
                == .noSnapshotClass(claims: affected, drivers: ["dobs.csi.digitalocean.com"]))
        #expect(
            SnapshotPlan.offer(
                affected: [], claims: Self.claims, storageClasses: Self.storage, snapshotClasses: [],
                nextRevision: 2, stamp: "s") == .nothingAffected)
    }

    @Test func namesFitTheAPIServersLimitAndTheManifestsNameTheClaim() {
        let long = String(repeating: "a", count: 260)
        let name = SnapshotPlan.snapshotName(claim: long, nextRevision: 12, stamp: "202612062015")
        #expect(name.count == 253 && name.hasSuffix("-before-r12-202612062015"))
        let target = SnapshotTarget(
            claim: "data-pg-0", size: "10Gi", storageClass: "do-block-storage", snapshotClass: "do-block-storage", name: "snap")
        let manifest = target.manifest(namespace: "posthog", release: "posthog")
        #expect(manifest.value(at: ["spec", "source", "persistentVolumeClaimName"])?.stringValue == "data-pg-0")
        #expect(manifest.value(at: ["spec", "volumeSnapshotClassName"])?.stringValue == "do-block-storage")
        #expect(manifest.value(at: ["metadata", "labels", "posthog-install/release"])?.stringValue == "posthog")
        let restore = target.restoreManifest(namespace: "posthog")
        #expect(restore.contains("dataSource:\n    apiGroup: snapshot.storage.k8s.io\n    kind: VolumeSnapshot\n    name: snap"))
        #expect(restore.contains("storage: 10Gi"))
    }

    @Test func theWaitEndsReadyFailedOrAtTheDeadline() {
        let names = ["a", "b"]
        #expect(
            SnapshotWait.verdict(
                states: ["a": .ready(restoreSize: nil), "b": .ready(restoreSize: "1Gi")], names: names, elapsed: 1, deadline: 10)
                == .allReady)
        #expect(
            SnapshotWait.verdict(states: ["a": .ready(restoreSize: nil)], names: names, elapsed: 1, deadline: 10)
                == .waiting(pending: ["b"]))
        #expect(
            SnapshotWait.verdict(states: ["a": .pending, "b": .failed("quota")], names: names, elapsed: 1, deadline: 10)
                == .failed(name: "b", message: "quota"))
        #expect(SnapshotWait.verdict(states: ["a": .pending], names: names, elapsed: 10, deadline: 10) == .timedOut(pending: ["a", "b"]))
        #expect(SnapshotState.from(readyToUse: nil, restoreSize: nil, errorMessage: "") == .pending)
        #expect(SnapshotState.from(readyToUse: false, restoreSize: nil, errorMessage: "boom") == .failed("boom"))
    }
}
