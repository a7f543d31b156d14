import Cluster
import Foundation
import Kube
import Testing

/// Findings follow the object's status, kstatus-like: a pod whose claims are still being
/// provisioned is a wait until its grace period ends, then a failure; the fix names the
/// provisioner of the cluster in use.
@Suite struct WaitingFindingsTests {
    static let created = Date(timeIntervalSince1970: 1_800_000_000)

    /// A pod the scheduler turned down because its claims are not bound yet.
    static func podWaitingForClaims() -> Pod {
        var pod = Pod(metadata: ObjectMeta(name: "chi-posthog-posthog-0-0-0", namespace: "posthog"),
                      spec: PodSpec(containers: [Container(name: "clickhouse")]), status: PodStatus(phase: "Pending"))
        pod.metadata.creationTimestamp = created
        pod.status.conditions = [Condition(type: "PodScheduled", status: "False", reason: "Unschedulable",
                                           message: "0/2 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
                                           lastTransitionTime: created)]
        return pod
    }

    static func storageClass(provisioner: String) -> StorageClass {
        var cls = StorageClass(name: "standard", provisioner: provisioner)
        cls.metadata.annotations = ["storageclass.kubernetes.io/is-default-class": "true"]
        cls.volumeBindingMode = "Immediate"
        return cls
    }

    @Test func unboundClaimsAreAWaitUntilTheGracePeriodEnds() throws {
        let objects = NamespaceObjects(snapshot: NamespaceSnapshot(pods: [Self.podWaitingForClaims()]))
        let classes = [Self.storageClass(provisioner: "dobs.csi.digitalocean.com")]
        let early = NamespacePollUpdate.evaluate(objects, now: Self.created.addingTimeInterval(10), storageClasses: classes)
        let finding = try #require(early.diagnoses.first { $0.code == .volumeBinding })
        #expect(finding.inProgress, "10 s after the pod was created its volume is being made: \(finding)")
        #expect(finding.object == DiagnosedObject(kind: "Pod", name: "chi-posthog-posthog-0-0-0"))
        #expect(finding.fix.contains("dobs.csi.digitalocean.com"), "the fix names the provisioner in use: \(finding.fix)")
        #expect(early.decision == .keepWaiting)

        let late = NamespacePollUpdate.evaluate(objects, now: Self.created.addingTimeInterval(90), storageClasses: classes)
        let settled = try #require(late.diagnoses.first { $0.code == .volumeBinding })
        #expect(!settled.inProgress, "after the 60 s grace period the pod has failed")
        guard case .stop = late.decision else { Issue.record("expected a stop: \(late.decision)"); return }

        let gke = NamespacePollUpdate.evaluate(objects, now: Self.created.addingTimeInterval(10),
                                               storageClasses: [Self.storageClass(provisioner: "pd.csi.storage.gke.io")])
        #expect(gke.diagnoses.first?.fix.contains("pd.csi.storage.gke.io") == true)
        #expect(gke.diagnoses.first?.fix.contains("dobs") == false)
    }

    @Test func aClaimBeingProvisionedIsAWait() throws {
        var claim = PersistentVolumeClaim()
        claim.metadata = ObjectMeta(name: "data-posthog-kafka-0", namespace: "posthog")
        claim.metadata.creationTimestamp = Self.created
        claim.phase = "Pending"
        claim.storageClassName = "standard"
        let objects = NamespaceObjects(snapshot: NamespaceSnapshot(pvcs: [claim]))
        let classes = [Self.storageClass(provisioner: "ebs.csi.aws.com")]
        let early = NamespacePollUpdate.evaluate(objects, now: Self.created.addingTimeInterval(30), storageClasses: classes)
        #expect(early.diagnoses.allSatisfy(\.inProgress) && !early.diagnoses.isEmpty, "\(early.diagnoses)")
        let late = NamespacePollUpdate.evaluate(objects, now: Self.created.addingTimeInterval(200), storageClasses: classes)
        #expect(late.diagnoses.allSatisfy { !$0.inProgress } && !late.diagnoses.isEmpty)
        #expect(late.diagnoses.first?.fix.contains("ebs.csi.aws.com") == true)
    }
}
