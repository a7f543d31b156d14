import Effects
import Foundation
import Kube
import PosthogTestSupport
import Testing
@testable import Cluster

/// The simulated cluster behaves like the cloud it imitates (GKE, EKS, DOKS, bare metal), as
/// the real clouds and the development harness's presets show them.
@Suite struct SimulatedCloudTests {
    static let gcpValues = """
    cloud: gcp
    ingress:
      hostname: posthog.example.com
      nginx:
        enabled: false
      gcp:
        ip_name: posthog
        forceHttps: true
        secretName: ""
    cert-manager:
      enabled: false

    """

    @Test(arguments: [
        (SimulatedClusterSpec.Flavour.gcp, ["premium-rwo", "standard", "standard-rwo"], "standard-rwo"),
        (.aws, ["gp2", "gp3"], "gp2"),
        (.digitalocean, ["do-block-storage", "do-block-storage-retain", "do-block-storage-xfs"], "do-block-storage"),
        (.other, [], nil),
    ] as [(SimulatedClusterSpec.Flavour, [String], String?)])
    func storageClassesPerCloud(flavour: SimulatedClusterSpec.Flavour, names: [String], defaultName: String?) async throws {
        let h = try SimulationHarness(flavour: flavour)
        let classes = try await h.kubectl.storageClasses()
        #expect(classes.map(\.metadata.name) == names)
        #expect(classes.first(where: \.isDefault)?.metadata.name == defaultName)
        #expect(classes.allSatisfy { $0.volumeBindingMode == "WaitForFirstConsumer" })
    }

    @Test func aClusterOfOnesOwnHasAStorageClassOnlyWhenTold() async throws {
        let clock = ManualClock()
        var spec = try SimulatedClusterSpec(nodes: "2x2cpu4gi", flavour: .other)
        spec.storageClass = "local-path"
        let cluster = SimulatedCluster(spec: spec, clock: clock, fileSystem: InMemoryFileSystem(clock: clock))
        let kubectl = KubectlClient(runner: cluster, options: KubectlOptions(context: cluster.contextName))
        let classes = try await kubectl.storageClasses()
        #expect(classes.map(\.metadata.name) == ["local-path"] && classes[0].isDefault && classes[0].provisioner == "rancher.io/local-path")
    }

    @Test func gkeServesItsCRDsAndOtherCloudsDoNot() async throws {
        let gke = try SimulationHarness(flavour: .gcp)
        let crds = try await gke.kubectl.text(gke.kubectl.command(["get", "crd"], namespace: nil))
        #expect(crds.contains("managedcertificates.networking.gke.io") && crds.contains("backendconfigs.cloud.google.com")
                && crds.contains("frontendconfigs.networking.gke.io"))
        _ = try await gke.kubectl.text(gke.kubectl.command(["get", "managedcertificates.networking.gke.io"], namespace: "posthog"))

        let doks = try SimulationHarness(flavour: .digitalocean)
        let error = await #expect(throws: KubectlError.self) {
            try await doks.kubectl.text(doks.kubectl.command(["get", "managedcertificates.networking.gke.io"], namespace: "posthog"))
        }
        #expect(error?.message.contains("the server doesn't have a resource type \"managedcertificates.networking.gke.io\"") == true)
    }

    @Test func gkeChartObjectsAreRefusedWhereTheCRDsAreMissing() async throws {
        let h = try SimulationHarness(flavour: .aws, values: Self.gcpValues)
        try await h.addRepository()
        let helm = h.helm, request = h.request
        let error = await #expect(throws: HelmCommandError.self) { try await h.drive { try await helm.install(request, onLine: { _ in }) } }
        let said = (error?.message ?? "") + "\n" + (error?.output ?? "")
        #expect(said.contains("resource mapping not found") && said.contains("in version \"networking.gke.io/"), "\(said)")
        #expect(said.contains("ensure CRDs are installed first"))
    }

    @Test func gkeIngressGetsTheReservedStaticIPAfterAMinuteOrTwoAndTheCertificateTurnsActive() async throws {
        let h = try SimulationHarness(flavour: .gcp, values: Self.gcpValues)
        let gcloud = GCloudClient(runner: h.cluster)
        await #expect(throws: GCloudError.self) { try await gcloud.describeAddress() }
        let reserved = try await gcloud.createAddress()
        #expect(reserved.address.hasPrefix("198.51.100."))
        #expect(try await gcloud.activeAccount() == "you@example.com")

        try await h.addRepository()
        let helm = h.helm, request = h.request
        _ = try await h.drive { try await helm.install(request, onLine: { _ in }) }
        let installedAt = h.clock.now
        // No Service named posthog and no nginx controller: the address is on the Ingress.
        #expect(try await h.kubectl.services(namespace: "posthog").allSatisfy { $0.type != "LoadBalancer" })
        var ingress = try await h.kubectl.ingress("posthog", namespace: "posthog")
        #expect(ExternalAddress(ingress: ingress) == nil)
        var waited = 0
        while ExternalAddress(ingress: ingress) == nil && waited < 600 {
            h.clock.advance(by: .seconds(5)); waited += 5
            ingress = try await h.kubectl.ingress("posthog", namespace: "posthog")
        }
        let address = try #require(ExternalAddress(ingress: ingress))
        #expect(address.value == reserved.address)
        let seconds = Double(h.clock.now.nanosecondsSinceEpoch - installedAt.nanosecondsSinceEpoch) / 1e9
        #expect(seconds >= 60 && seconds <= 150)

        func certificate() async throws -> String {
            let text = try await h.kubectl.text(h.kubectl.command(["get", "managedcertificates.networking.gke.io"], namespace: "posthog"))
            return try KubeJSON.decodeList(ManagedCertificateStateProbe.self, from: text).first?.status ?? ""
        }
        #expect(try await certificate() == "Provisioning")
        h.clock.advance(by: .seconds(16 * 60))
        #expect(try await certificate() == "Active")
    }

    @Test func bareMetalLeavesClaimsWithoutAClassAndLoadBalancersPending() async throws {
        let h = try SimulationHarness(nodes: "3x4cpu16gi", flavour: .other)
        try await h.addRepository()
        let helm = h.helm, request = h.request
        // helm waits for the migration Job, whose pod waits for the data stores, which cannot start: it times out.
        let failure = await #expect(throws: HelmCommandError.self) { try await h.drive { try await helm.install(request, onLine: { _ in }) } }
        #expect(failure?.message.contains("timed out waiting for the condition") == true)
        let text = try await h.kubectl.text(h.kubectl.command(["get", "events"], namespace: "posthog"))
        #expect(text.contains("no persistent volumes available for this claim and no storage class is set"))
        #expect(text.contains("pod has unbound immediate PersistentVolumeClaims"))
        let svc = try await h.kubectl.service("posthog-ingress-nginx-controller", namespace: "posthog")
        #expect(ExternalAddress(service: svc) == nil && svc.type == "LoadBalancer")
    }

    @Test func bareMetalWithAStorageClassIsReadyWhileItsLoadBalancerStaysPending() async throws {
        let values = SimulationHarness.doValues.replacingOccurrences(of: "cloud: do", with: "cloud: other")
        let h = try SimulationHarness(nodes: "3x4cpu16gi", flavour: .other, values: values, storageClass: "local-path")
        try await h.addRepository()
        let helm = h.helm, request = h.request
        _ = try await h.drive { try await helm.install(request, onLine: { _ in }) }
        let update = try await h.pollUntilDecided(addresses: false)
        #expect(update.decision == .allReady)
        #expect(update.summary.overall != .current)  // the load balancer never gets an address
        h.clock.advance(by: .seconds(3600))
        let svc = try await h.kubectl.service("posthog-ingress-nginx-controller", namespace: "posthog")
        #expect(ExternalAddress(service: svc) == nil)
    }

    @Test func theSimulatedHelmInstallsTheCachedChartOfTheVersionAsked() throws {
        let clock = ManualClock()
        let files = InMemoryFileSystem(files: ["/cache/charts/posthog-30.46.0.tgz": "x", "/cache/charts/posthog-3.0.3.tgz": "x",
                                               "/cache/charts/index-x.yaml": "x"], clock: clock)
        let shelf = SimulatedChartShelf(directory: "/cache/charts")
        #expect(shelf.pick(chart: "posthog", version: "3.0.3", files: files) == .cached(path: "/cache/charts/posthog-3.0.3.tgz", version: "3.0.3"))
        #expect(shelf.pick(chart: "posthog", version: nil, files: files) == .cached(path: "/cache/charts/posthog-30.46.0.tgz", version: "30.46.0"))
        #expect(shelf.pick(chart: "posthog", version: "30.47.0", files: files) == .standIn)
        #expect(SimulatedChartShelf(directory: nil).pick(chart: "posthog", version: "30.46.0", files: files) == .standIn)
        #expect(SimulatedChartShelf(directory: "/nowhere").pick(chart: "posthog", version: "30.46.0", files: files) == .standIn)
    }
}

/// The certificate status word, read as the post-install check reads it.
private struct ManagedCertificateStateProbe: Decodable {
    var status: String
    init(from decoder: any Decoder) throws {
        struct Status: Decodable { var certificateStatus: String? }
        struct Raw: Decodable { var status: Status? }
        status = try Raw(from: decoder).status?.certificateStatus ?? ""
    }
}
