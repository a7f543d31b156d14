import Testing
@testable import Kube

struct HelmErrorTests {
    static let rows: [(String, Diagnosis.Code, String?)] = [
        ("Error: INSTALLATION FAILED: failed post-install: timed out waiting for the condition", .helmTimeout, nil),
        ("Error: failed post-install: timed out waiting for the condition", .helmTimeout, nil),
        ("Error: UPGRADE FAILED: context deadline exceeded", .helmTimeout, nil),
        ("Error: INSTALLATION FAILED: failed post-install: 1 error occurred:\n\t* timed out waiting for the condition", .helmTimeout, nil),
        ("Error: INSTALLATION FAILED: resource not ready, name: posthog-web, kind: Deployment, status: InProgress\ncontext deadline exceeded", .helmTimeout, nil),
        ("Error: INSTALLATION FAILED: failed post-install: job failed: BackoffLimitExceeded", .jobFailed, nil),
        ("Error: UPGRADE FAILED: post-upgrade hooks failed: 1 error occurred:\n\t* job posthog-migrate-2024 failed: BackoffLimitExceeded", .jobFailed, nil),
        ("Error: INSTALLATION FAILED: cannot re-use a name that is still in use", .helmNameInUse, nil),
        ("Error: UPGRADE FAILED: cannot patch \"posthog-posthog-kafka\" with kind StatefulSet: StatefulSet.apps \"posthog-posthog-kafka\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden", .helmStatefulSetForbidden, "kafka-zookeeper-statefulsets-3"),
        ("Error: UPGRADE FAILED: StatefulSet.apps \"posthog-posthog-redis-master\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'template', and 'updateStrategy' are forbidden", .helmStatefulSetForbidden, "redis-statefulset-2"),
        ("Error: UPGRADE FAILED: cannot patch \"posthog-posthog-zookeeper\" with kind StatefulSet: StatefulSet.apps \"posthog-posthog-zookeeper\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'template', 'updateStrategy' and 'minReadySeconds' are forbidden", .helmStatefulSetForbidden, "kafka-zookeeper-statefulsets-3"),
        ("Error: UPGRADE FAILED: StatefulSet.apps \"other\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas' are forbidden", .helmStatefulSetForbidden, nil),
        ("Error: UPGRADE FAILED: another operation (install/upgrade/rollback) is in progress", .helmOperationInProgress, nil),
        ("Error: INSTALLATION FAILED: rendered manifests contain a resource that already exists. Unable to continue with install: ClusterRole \"posthog-ingress-nginx\" in namespace \"\" exists and cannot be imported into the current release", .helmResourceExists, nil),
        ("Error: UPGRADE FAILED: \"posthog\" has no deployed releases", .helmNoDeployedReleases, nil),
        ("Error: INSTALLATION FAILED: execution error at (posthog/templates/NOTES.txt:1:4): certManager was renamed", .helmRenderFailed, nil),
        ("Error: INSTALLATION FAILED: Kubernetes cluster unreachable: Get \"https://127.0.0.1:1/version\": dial tcp 127.0.0.1:1: connect: connection refused", .clusterUnreachable, nil),
    ]
    @Test(arguments: rows) func classifies(text: String, code: Diagnosis.Code, note: String?) throws {
        let d = try #require(HelmErrors.diagnose(text))
        #expect(d.code == code)
        #expect(d.upgradeNoteID == note)
    }

    @Test func namesTheResourceNotReady() throws {
        let d = try #require(HelmErrors.diagnose("Error: INSTALLATION FAILED: resource not ready, name: posthog-web, kind: Deployment, status: InProgress"))
        #expect(d.details.last == "still not ready: Deployment posthog-web")
        #expect(d.summary.contains("pods that cannot be scheduled"))
    }

    @Test func namesTheHook() throws {
        let d = try #require(HelmErrors.diagnose("Error: INSTALLATION FAILED: failed post-install: timed out waiting for the condition"))
        #expect(d.summary == "helm gave up waiting for the resources (post-install hook) — usually pods that cannot be scheduled")
    }

    @Test func statefulSetSubject() throws {
        let d = try #require(HelmErrors.diagnose("Error: UPGRADE FAILED: cannot patch \"posthog-posthog-kafka\" with kind StatefulSet: StatefulSet.apps \"posthog-posthog-kafka\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas' are forbidden"))
        #expect(d.subject == "StatefulSet posthog-posthog-kafka")
    }

    @Test(arguments: ["", "Release \"posthog\" has been upgraded. Happy Helming!", "NAME: posthog\nSTATUS: deployed"])
    func unknownTextIsNil(text: String) {
        #expect(HelmErrors.diagnose(text) == nil)
    }
}
