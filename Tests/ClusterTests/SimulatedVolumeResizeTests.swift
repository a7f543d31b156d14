import Effects
import Foundation
import Kube
import PosthogTestSupport
import Testing
@testable import Cluster

/// Growing volumes in the simulation: `kubectl patch pvc`, orphaning StatefulSet deletes, refused template changes.
@Suite struct SimulatedVolumeResizeTests {
    /// Runs kubectl against the harness's cluster with its context.
    static func kubectl(_ h: SimulationHarness, _ args: [String]) async throws -> ProcessResult {
        try await h.cluster.run(ProcessCommand("kubectl", ["--context", h.cluster.contextName] + args, timeout: .seconds(30)))
    }

    static func pvcJSON(_ h: SimulationHarness, _ name: String) async throws -> [String: Any] {
        let r = try await kubectl(h, ["get", "pvc", name, "-n", "posthog", "-o", "json"])
        #expect(r.status == .exited(0), "\(r.standardError)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.standardOutput.utf8)) as? [String: Any])
    }

    static func installed(expansion: Bool = true) async throws -> SimulationHarness {
        let h = try SimulationHarness(volumeExpansion: expansion)
        try await h.addRepository()
        let helm = h.helm, request = h.request
        let result = try await h.drive { try await helm.install(request) { _ in } }
        #expect(result.status == .exited(0))
        #expect(try await h.pollUntilDecided().decision == .allReady)
        return h
    }

    static let statefulSet = "chi-posthog-posthog-0-0"
    static let claim = "data-chi-posthog-posthog-0-0-0"

    @Test func patchGrowsTheVolumeAfterAFileSystemResize() async throws {
        let h = try await Self.installed()
        let before = try await Self.pvcJSON(h, Self.claim)
        let oldCapacity = try #require(((before["status"] as? [String: Any])?["capacity"] as? [String: String])?["storage"])

        let patched = try await Self.kubectl(h, ["patch", "pvc", Self.claim, "-n", "posthog", "--type", "merge",
                                                 "-p", #"{"spec":{"resources":{"requests":{"storage":"200Gi"}}}}"#])
        #expect(patched.status == .exited(0))
        #expect(patched.standardOutput == "persistentvolumeclaim/\(Self.claim) patched\n")

        // The spec changes at once; the capacity waits for the controller and the kubelet.
        h.clock.advance(by: .seconds(8))
        var json = try await Self.pvcJSON(h, Self.claim)
        var spec = try #require(json["spec"] as? [String: Any])
        #expect(((spec["resources"] as? [String: Any])?["requests"] as? [String: String])?["storage"] == "200Gi")
        var status = try #require(json["status"] as? [String: Any])
        #expect((status["capacity"] as? [String: String])?["storage"] == oldCapacity)
        let conditions = try #require(status["conditions"] as? [[String: Any]])
        #expect(conditions.first?["type"] as? String == "FileSystemResizePending")
        #expect(conditions.first?["status"] as? String == "True")
        #expect((status["allocatedResourceStatuses"] as? [String: String])?["storage"] == "NodeResizePending")

        h.clock.advance(by: .seconds(15))
        json = try await Self.pvcJSON(h, Self.claim)
        spec = try #require(json["spec"] as? [String: Any])
        status = try #require(json["status"] as? [String: Any])
        #expect((status["capacity"] as? [String: String])?["storage"] == "200Gi")
        #expect(status["conditions"] == nil)
        let events = try await h.kubectl.namespaceObjects("posthog").snapshot.events
        #expect(events.contains { $0.reason == "FileSystemResizeSuccessful" && $0.message.contains("NodeExpandVolume succeeded") })

        let again = try await Self.kubectl(h, ["patch", "pvc", Self.claim, "-n", "posthog", "-p", #"{"spec":{"resources":{"requests":{"storage":"200Gi"}}}}"#])
        #expect(again.standardOutput == "persistentvolumeclaim/\(Self.claim) patched (no change)\n")
    }

    @Test func shrinkingAndUnexpandableClassesAreRefusedInKubernetesWords() async throws {
        let h = try await Self.installed()
        let shrink = try await Self.kubectl(h, ["patch", "pvc", Self.claim, "-n", "posthog", "-p", #"{"spec":{"resources":{"requests":{"storage":"1Gi"}}}}"#])
        #expect(shrink.status == .exited(1))
        #expect(shrink.standardError == "The PersistentVolumeClaim \"\(Self.claim)\" is invalid: spec.resources.requests.storage: Forbidden: field can not be less than status.capacity\n")
        let missing = try await Self.kubectl(h, ["patch", "pvc", "nope", "-n", "posthog", "-p", #"{"spec":{}}"#])
        #expect(missing.standardError == "Error from server (NotFound): persistentvolumeclaims \"nope\" not found\n")

        let fixed = try await Self.installed(expansion: false)
        let grow = try await Self.kubectl(fixed, ["patch", "pvc/\(Self.claim)", "-n", "posthog", "--type=strategic",
                                                  "-p", #"{"spec":{"resources":{"requests":{"storage":"500Gi"}}}}"#])
        #expect(grow.status == .exited(1))
        #expect(grow.standardError == "Error from server (Forbidden): persistentvolumeclaims \"\(Self.claim)\" is forbidden: only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize\n")
    }

    @Test func orphaningDeleteKeepsPodsAndClaimsAndTheNewStatefulSetAdoptsThem() async throws {
        let h = try await Self.installed()
        let podsBefore = try await h.kubectl.namespaceObjects("posthog").snapshot.pods.filter { $0.metadata.name.hasPrefix(Self.statefulSet + "-") }
        #expect(podsBefore.count == 1)

        // Changing volumeClaimTemplates while the StatefulSet exists is refused like the API server does.
        let bigger = SimulationHarness.doValues + "clickhouse:\n  persistence:\n    size: 300Gi\n"
        try h.files.writeAtomically("/work/bigger.yaml", bigger, mode: 0o600, backup: .none)
        let refused = try await Self.upgrade(h, values: "/work/bigger.yaml")
        #expect(refused.status == .exited(1))
        #expect(refused.standardError.contains("Forbidden: updates to statefulset spec for fields other than 'replicas'"))

        let deleted = try await Self.kubectl(h, ["delete", "statefulset", Self.statefulSet, "-n", "posthog", "--cascade=orphan"])
        #expect(deleted.standardOutput == "statefulset.apps \"\(Self.statefulSet)\" deleted\n")
        let sts = try await Self.kubectl(h, ["get", "statefulset", Self.statefulSet, "-n", "posthog", "-o", "json"])
        #expect(sts.standardError == "Error from server (NotFound): statefulsets.apps \"\(Self.statefulSet)\" not found\n")
        h.clock.advance(by: .seconds(5))
        let podsAfter = try await h.kubectl.namespaceObjects("posthog").snapshot.pods.filter { $0.metadata.name.hasPrefix(Self.statefulSet + "-") }
        #expect(podsAfter.map(\.metadata.uid) == podsBefore.map(\.metadata.uid))
        #expect(podsAfter.allSatisfy { $0.metadata.ownerReferences.isEmpty })
        #expect(try await Self.pvcJSON(h, Self.claim)["kind"] as? String == "PersistentVolumeClaim")

        // Now the upgrade goes through and the pods belong to the new StatefulSet.
        let upgraded = try await Self.upgrade(h, values: "/work/bigger.yaml")
        #expect(upgraded.status == .exited(0), "\(upgraded.standardError)")
        let owned = try await h.kubectl.namespaceObjects("posthog").snapshot.pods.filter { $0.metadata.name.hasPrefix(Self.statefulSet + "-") }
        #expect(!owned.isEmpty && owned.allSatisfy { $0.metadata.ownerReferences.first?.kind == "StatefulSet" })
    }

    static func upgrade(_ h: SimulationHarness, values: String) async throws -> ProcessResult {
        let cluster = h.cluster
        return try await h.drive {
            try await cluster.run(ProcessCommand("helm", ["upgrade", "posthog", "posthog/posthog", "--kube-context", cluster.contextName,
                                                          "-n", "posthog", "-f", values, "--timeout", "20m"], timeout: .seconds(3600)))
        }
    }
}
