import Cluster
import Foundation
import Kube
import Testing
import TUI
@testable import PosthogInstallCommands

/// No false alarms on the progress screen: a pod whose volume is still being provisioned is
/// shown as a wait (`!`, not a red `✗` box) until its grace period ends, and then as a failure;
/// failing and pending pods lead the table.
@Suite struct WizardWaitingTests {
    static let created = Date(timeIntervalSince1970: 1_800_000_000)

    static func pod(_ name: String, unschedulable: Bool) -> Pod {
        var pod = Pod(metadata: ObjectMeta(name: name, namespace: "posthog"), spec: PodSpec(containers: [Container(name: "main")]),
                      status: PodStatus(phase: unschedulable ? "Pending" : "Running"))
        pod.metadata.creationTimestamp = created
        if unschedulable {
            pod.status.conditions = [Condition(type: "PodScheduled", status: "False", reason: "Unschedulable",
                                               message: "0/2 nodes are available: pod has unbound immediate PersistentVolumeClaims.",
                                               lastTransitionTime: created)]
        } else {
            pod.spec.nodeName = "node-1"
            pod.status.conditions = [Condition(type: "Ready", status: "True")]
            pod.status.containerStatuses = [ContainerStatus(name: "main", ready: true)]
        }
        return pod
    }

    static func screen(at seconds: TimeInterval) -> (InstallState, String) {
        var cls = StorageClass(name: "do-block-storage", provisioner: "dobs.csi.digitalocean.com")
        cls.metadata.annotations = ["storageclass.kubernetes.io/is-default-class": "true"]
        let objects = NamespaceObjects(snapshot: NamespaceSnapshot(pods: [pod("a-web", unschedulable: false),
                                                                          pod("chi-posthog-0", unschedulable: true)]))
        let update = NamespacePollUpdate.evaluate(objects, now: created.addingTimeInterval(seconds), storageClasses: [cls])
        var bridge = WizardInstallBridge()
        var state = InstallState()
        for event in [OperationEvent.progress(update, elapsed: .seconds(Int64(seconds)))] + update.diagnoses.map({ .diagnosis($0) }) {
            for change in bridge.translate(event) { state = state.applying(change) }
        }
        let text = InstallProgressView.render(state.progress, size: .minimum).plainText()
        return (state, text)
    }

    @Test func aClaimBeingProvisionedIsAWaitThenAFailure() throws {
        let (early, earlyText) = Self.screen(at: 10)
        let waiting = try #require(early.progress.diagnosis)
        #expect(waiting.waiting?.contains("counts as a problem after 60 s") == true, "\(waiting)")
        #expect(earlyText.contains("! Waiting: its PersistentVolumeClaims are not bound yet"), "\(earlyText)")
        #expect(!earlyText.contains("✗"), "nothing is red while it may still resolve:\n\(earlyText)")
        #expect(early.lastingDiagnoses.isEmpty, "a wait is not kept once it resolves")
        #expect(early.progress.pods.first?.name == "chi-posthog-0" && early.progress.pods.first?.health == .waiting,
                "the pending pod leads the table")

        let (late, lateText) = Self.screen(at: 90)
        let failed = try #require(late.progress.diagnosis)
        #expect(failed.waiting == nil)
        #expect(lateText.contains("✗ its PersistentVolumeClaims are not bound yet"), "\(lateText)")
        #expect(lateText.contains("dobs.csi.digitalocean.com"), "the fix names the provisioner in use:\n\(lateText)")
        #expect(late.progress.pods.first?.health == .failing)
    }

    @Test func theTableListsFailingThenWaitingThenReadyPods() {
        let rows = [PodHealth.ready, .completed, .waiting, .failing].map { WizardInstallBridge.rank($0) }
        #expect(rows == [2, 3, 1, 0])
    }
}
