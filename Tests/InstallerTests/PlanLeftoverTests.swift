import Kube
import Testing
@testable import Installer

@Suite struct PlanLeftoverTests {
    static func claim(_ name: String, _ size: String, cls: String? = "do-block-storage") -> PersistentVolumeClaim {
        var c = PersistentVolumeClaim(name: name, phase: "Bound")
        c.capacity = PreflightFixture.q(size)
        c.storageClassName = cls
        return c
    }

    @Test func listsVolumesSecretsAndConfigMaps() {
        let snap = LeftoverSnapshot(
            claims: [Self.claim("data-posthog-posthog-postgresql-0", "10Gi"), Self.claim("data-posthog-posthog-kafka-0", "15Gi", cls: nil)],
            secrets: [.init(name: "sh.helm.release.v1.posthog.v1", type: "helm.sh/release.v1"),
                      .init(name: "posthog-tls", type: "kubernetes.io/tls"), .init(name: "default-token-x", type: "kubernetes.io/service-account-token")],
            configMaps: ["kube-root-ca.crt", "posthog-clickhouse-config"])
        let r = LeftoverReport.from(snap, options: PlanOptions())
        #expect(r.items.map(\.name) == ["data-posthog-posthog-kafka-0", "data-posthog-posthog-postgresql-0", "posthog-tls", "posthog-clickhouse-config"])
        #expect(r.items[0].detail == "15 GiB")
        #expect(r.items[1].detail == "10 GiB, class do-block-storage")
        #expect(r.storageBytes == 25 * 1_073_741_824)
        #expect(r.message.hasPrefix("2 volumes (25 GiB in total) still hold PostHog's data"))
        #expect(r.deleteNamespace?.argv == ["kubectl", "delete", "namespace", "posthog"])
        #expect(r.deleteNamespace?.destructive == true)
    }

    @Test func emptyNamespaceStillOffersDeletion() {
        let r = LeftoverReport.from(LeftoverSnapshot(configMaps: ["kube-root-ca.crt"]), options: PlanOptions(context: "c"))
        #expect(r.items.isEmpty)
        #expect(r.message.contains("is empty"))
        #expect(r.deleteNamespace?.argv == ["kubectl", "delete", "namespace", "posthog", "--context", "c"])
    }

    @Test func goneNamespaceOffersNothing() {
        let r = LeftoverReport.from(LeftoverSnapshot(namespaceExists: false, claims: [Self.claim("x", "1Gi")]), options: PlanOptions())
        #expect(r.items.isEmpty)
        #expect(r.deleteNamespace == nil)
    }
}
