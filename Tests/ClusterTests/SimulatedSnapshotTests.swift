import Effects
import Foundation
import Kube
import PosthogTestSupport
import Testing
@testable import Cluster

/// The CSI snapshot API as each cloud ships it: DOKS has a default class for its block storage
/// driver, GKE serves the API without a class, EKS and bare metal have no snapshot CRDs; a
/// VolumeSnapshot turns ready after the cloud's delay, or carries the snapshotter's error.
@Suite struct SimulatedSnapshotTests {
    static func snapshot(_ name: String, claim: String, className: String = "do-block-storage") -> String {
        """
        apiVersion: snapshot.storage.k8s.io/v1
        kind: VolumeSnapshot
        metadata:
          name: \(name)
          labels:
            posthog-install/release: posthog
        spec:
          volumeSnapshotClassName: \(className)
          source:
            persistentVolumeClaimName: \(claim)

        """
    }

    @Test func eachCloudShipsItsOwnSnapshotClasses() async throws {
        let doks = try await SimulationHarness(flavour: .digitalocean).kubectl.volumeSnapshotClasses()
        #expect(doks?.map(\.metadata.name) == ["do-block-storage"])
        #expect(doks?.first?.driver == "dobs.csi.digitalocean.com" && doks?.first?.isDefault == true)
        #expect(try await SimulationHarness(flavour: .gcp).kubectl.volumeSnapshotClasses() == [], "GKE: the API, no class")
        #expect(try await SimulationHarness(flavour: .aws).kubectl.volumeSnapshotClasses() == nil, "EKS: no snapshot CRDs")
        #expect(try await SimulationHarness(flavour: .other).kubectl.volumeSnapshotClasses() == nil)
    }

    @Test func aSnapshotOfAClaimTurnsReadyAfterTheCloudsDelay() async throws {
        let h = try SimulationHarness()
        try await h.addRepository()
        let helm = h.helm
        let request = h.request
        _ = try await h.drive { try await helm.install(request, onLine: { _ in }) }
        _ = try await h.pollUntilDecided()
        let claim = try #require(try await h.kubectl.persistentVolumeClaims(namespace: "posthog").first { $0.phase == "Bound" })
        _ = try await h.kubectl.create(manifest: Self.snapshot("pg-before", claim: claim.metadata.name), namespace: "posthog")
        var taken = try await h.kubectl.volumeSnapshots(namespace: "posthog", selector: "posthog-install/release=posthog")
        #expect(taken.map(\.metadata.name) == ["pg-before"])
        #expect(taken.first?.readyToUse == false && taken.first?.sourceClaim == claim.metadata.name)
        h.clock.advance(by: .seconds(6))
        taken = try await h.kubectl.volumeSnapshots(namespace: "posthog", selector: "posthog-install/release=posthog")
        #expect(taken.first?.readyToUse == true)
        #expect(taken.first?.restoreSize == (claim.capacity ?? claim.requestedStorage)?.description)
        let again = await #expect(throws: KubectlError.self) {
            try await h.kubectl.create(manifest: Self.snapshot("pg-before", claim: claim.metadata.name), namespace: "posthog")
        }
        #expect(again?.message.contains("already exists") == true)
    }

    @Test func aSnapshotOfAMissingClaimCarriesTheSnapshottersError() async throws {
        let h = try SimulationHarness()
        _ = try await h.kubectl.create(manifest: Self.snapshot("gone", claim: "data-nothing-0"), namespace: "posthog")
        h.clock.advance(by: .seconds(30))
        let taken = try await h.kubectl.volumeSnapshots(namespace: "posthog", selector: "posthog-install/release=posthog")
        #expect(taken.first?.readyToUse == false)
        #expect(taken.first?.errorMessage?.contains("persistentvolumeclaims \\\"data-nothing-0\\\" not found") == true, "\(taken)")
    }

    @Test func withoutTheSnapshotAPICreatingOneIsRefusedAsKubectlDoes() async throws {
        let h = try SimulationHarness(flavour: .aws)
        let error = await #expect(throws: KubectlError.self) {
            try await h.kubectl.create(manifest: Self.snapshot("x", claim: "y"), namespace: "posthog")
        }
        #expect(error?.message.contains("no matches for kind \"VolumeSnapshot\" in version \"snapshot.storage.k8s.io/v1\"") == true)
    }
}
