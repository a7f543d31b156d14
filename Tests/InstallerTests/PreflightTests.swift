import Kube
import Testing
@testable import Installer

/// Builders for preflight facts.
enum PreflightFixture {
    /// A quantity literal of a test; a typo fails the test instead of crashing it.
    static func q(_ text: String) -> Quantity {
        do { return try Quantity(text) } catch {
            Issue.record("bad quantity literal \(text)")
            return Quantity(milli: 0)
        }
    }

    static func node(_ name: String, cpu: String, memory: String, zone: String? = nil) -> Node {
        var labels: [String: String] = [:]
        if let zone { labels["topology.kubernetes.io/zone"] = zone }
        return Node(name: name,
                    allocatable: ["cpu": q(cpu), "memory": q(memory)],
                    capacity: ["cpu": q(cpu), "memory": q(memory)], labels: labels)
    }

    static func storageClass(_ name: String, isDefault: Bool, mode: String = "WaitForFirstConsumer") -> StorageClass {
        var sc = StorageClass(name: name, provisioner: "dobs.csi.digitalocean.com")
        if isDefault { sc.metadata.annotations["storageclass.kubernetes.io/is-default-class"] = "true" }
        sc.volumeBindingMode = mode
        return sc
    }

    static func pod(_ name: String, cpu: String, memory: String) -> PodPlacementRequest {
        PodPlacementRequest(name: name, requests: ResourceAmounts(["cpu": q(cpu), "memory": q(memory)]))
    }

    /// A healthy cluster: two 4 vCPU / 8 GiB nodes, a default class, everything agreed.
    static func good() -> PreflightFacts {
        var f = PreflightFacts()
        f.kubectlVersion = "v1.29.3"
        f.helmVersion = "v3.14.2+gc309b6f"
        f.serverVersion = "v1.29.1"
        f.chartKubeVersion = ">= 1.24-0"
        f.currentContext = "do-fra1-posthog"
        f.confirmedContext = "do-fra1-posthog"
        f.storageClasses = [storageClass("do-block-storage", isDefault: true)]
        f.nodes = [node("a", cpu: "4", memory: "8Gi"), node("b", cpu: "4", memory: "8Gi")]
        f.podRequests = [pod("posthog-web", cpu: "500m", memory: "1Gi"), pod("posthog-clickhouse-0", cpu: "1", memory: "2Gi")]
        return f
    }
}

@Suite struct PreflightTests {
    typealias F = PreflightFixture

    @Test func healthyClusterPasses() {
        let report = Preflight.run(F.good())
        #expect(report.verdict == .pass, "\(report.checks.filter { $0.status != .pass })")
        #expect(report.exitCode == 0)
        #expect(report.checks.map(\.kind) == [.tools, .versionSkew, .kubernetesVersion, .context, .reachable,
                                              .storage, .clusterSize, .placement, .existingRelease, .conflicts])
        #expect(report.summary == "Preflight passed: the cluster is ready for PostHog.")
    }

    @Test(arguments: [
        (String?.none, "v3.14.2", PreflightCheck.Status.fail, "kubectl was not found on your PATH."),
        ("v1.29.0", nil, .fail, "helm was not found on your PATH."),
        (nil, nil, .fail, "kubectl and helm were not found on your PATH."),
        ("v1.29.0", "v2.17.0", .fail, "helm 2.17.0 is too old: PostHog's chart needs helm 3 or newer."),
        ("v1.29.0", "garbage", .warn, "Could not read helm's version from \"garbage\"."),
        ("v1.29.0", "v3.14.2+gc309b6f", .pass, "kubectl 1.29.0 and helm 3.14.2 found."),
        ("v1.29.0", "v4.0.0", .pass, "kubectl 1.29.0 and helm 4.0.0 found."),
    ] as [(String?, String?, PreflightCheck.Status, String)])
    func tools(kubectl: String?, helm: String?, status: PreflightCheck.Status, message: String) {
        var f = F.good()
        f.kubectlVersion = kubectl; f.helmVersion = helm
        let c = Preflight.tools(f)
        #expect(c.status == status)
        #expect(c.message == message)
        #expect((c.status == .pass) == c.fix.isEmpty)
    }

    @Test(arguments: [
        ("v1.29.3", "v1.29.1", PreflightCheck.Status.pass),
        ("v1.30.0", "v1.29.1", .pass),
        ("v1.28.0", "v1.29.1-gke.1589020", .pass),
        ("v1.31.0", "v1.29.1", .warn),
        ("v1.25.0", "v1.29.1", .warn),
        ("v1.27.0", "v1.27+", .pass),
        ("v2.0.0", "v1.29.0", .warn),
    ])
    func versionSkew(kubectl: String, server: String, status: PreflightCheck.Status) throws {
        var f = F.good()
        f.kubectlVersion = kubectl; f.serverVersion = server
        let c = try #require(Preflight.versionSkew(f))
        #expect(c.status == status)
    }

    @Test func skewNeedsBothVersions() {
        var f = F.good()
        f.serverVersion = nil
        #expect(Preflight.versionSkew(f) == nil)
        f.serverVersion = "nonsense"
        #expect(Preflight.versionSkew(f) == nil)
    }

    @Test func skewMessageNamesTheDistance() throws {
        var f = F.good()
        f.kubectlVersion = "v1.26.0"; f.serverVersion = "v1.29.4"
        let c = try #require(Preflight.versionSkew(f))
        #expect(c.message == "kubectl 1.26 and the cluster's Kubernetes 1.29 are 3 minor versions apart; kubectl supports one minor version either way.")
        #expect(c.fix.contains("kubectl 1.29"))
    }

    @Test(arguments: [
        (">= 1.24-0", "v1.29.1-eks-508b6b3", PreflightCheck.Status.pass),
        (">= 1.24-0", "v1.23.17", .fail),
        ("< 1.22.0-0", "v1.21.14", .pass),
        ("< 1.22.0-0", "v1.29.0", .fail),
    ])
    func kubernetesVersion(constraint: String, server: String, status: PreflightCheck.Status) throws {
        var f = F.good()
        f.chartKubeVersion = constraint; f.serverVersion = server
        let c = try #require(Preflight.kubernetesVersion(f))
        #expect(c.status == status)
        if status == .fail { #expect(c.message.contains(constraint)) }
    }

    @Test(arguments: [
        (String?.none, String?.none, PreflightCheck.Status.fail),
        ("", "x", .fail),
        ("prod", nil, .warn),
        ("prod", "staging", .fail),
        ("prod", "prod", .pass),
    ] as [(String?, String?, PreflightCheck.Status)])
    func context(current: String?, confirmed: String?, status: PreflightCheck.Status) {
        var f = F.good()
        f.currentContext = current; f.confirmedContext = confirmed
        let c = Preflight.context(f)
        #expect(c.status == status)
        if let current, !current.isEmpty { #expect(c.message.contains(current)) }
    }

    @Test func contextMismatchTellsHowToSwitch() {
        var f = F.good()
        f.currentContext = "prod"; f.confirmedContext = "staging"
        let c = Preflight.context(f)
        #expect(c.fix.contains("kubectl config use-context staging"))
        #expect(c.message.contains("Nothing was installed"))
    }

    @Test(arguments: [
        ("error: You must be logged in to the server (Unauthorized)", "credentials"),
        ("Unable to connect to the server: dial tcp: lookup x.k8s.ondigitalocean.com: no such host", "VPN"),
        ("something odd", "kubectl get nodes"),
    ])
    func unreachableStopsClusterChecks(error: String, fixMentions: String) {
        var f = F.good()
        f.reachabilityError = error
        let report = Preflight.run(f)
        let c = report.check(.reachable)
        #expect(c?.status == .fail)
        #expect(c?.fix.contains(fixMentions) == true)
        #expect(report.check(.storage) == nil)
        #expect(report.check(.placement) == nil)
        #expect(report.exitCode == 4)
    }

    @Test func storageTable() {
        var f = F.good()
        f.storageClasses = nil
        #expect(Preflight.storage(f).status == .warn)
        f.storageClasses = []
        #expect(Preflight.storage(f).status == .fail)
        f.storageClasses = [F.storageClass("standard", isDefault: false), F.storageClass("fast", isDefault: false)]
        let none = Preflight.storage(f)
        #expect(none.status == .fail)
        #expect(none.message.contains("fast, standard"))
        #expect(none.fix.contains("kubectl patch storageclass fast"))
        f.storageClasses = [F.storageClass("a", isDefault: true), F.storageClass("b", isDefault: true)]
        #expect(Preflight.storage(f).status == .warn)
        f.storageClasses = [F.storageClass("gp2", isDefault: true, mode: "WaitForFirstConsumer")]
        let wait = Preflight.storage(f)
        #expect(wait.status == .pass)
        #expect(wait.details.contains { $0.contains("Pending until then") })
    }

    @Test func immediateBindingAcrossZonesWarns() {
        var f = F.good()
        f.storageClasses = [F.storageClass("standard", isDefault: true, mode: "Immediate")]
        f.nodes = [F.node("a", cpu: "4", memory: "8Gi", zone: "eu-1a"), F.node("b", cpu: "4", memory: "8Gi", zone: "eu-1b")]
        #expect(Preflight.storage(f).status == .warn)
        f.nodes = [F.node("a", cpu: "4", memory: "8Gi", zone: "eu-1a"), F.node("b", cpu: "4", memory: "8Gi", zone: "eu-1a")]
        #expect(Preflight.storage(f).status == .pass)
    }

    @Test(arguments: [
        (["4", "4"], ["8Gi", "8Gi"], PreflightCheck.Status.pass),
        (["2", "2"], ["4Gi", "4Gi"], .pass),
        (["1"], ["2Gi"], .fail),
        ([String](), [String](), .fail),
    ])
    func clusterSize(cpus: [String], memories: [String], status: PreflightCheck.Status) {
        var f = F.good()
        f.nodes = zip(cpus, memories).enumerated().map { F.node("n\($0.offset)", cpu: $0.element.0, memory: $0.element.1) }
        #expect(Preflight.clusterSize(f).status == status)
    }

    @Test func clusterSizeHonoursAnotherMinimum() {
        var f = F.good()
        f.minimumCPU = 16; f.minimumMemoryGiB = 32
        let c = Preflight.clusterSize(f)
        #expect(c.status == .fail)
        #expect(c.message.contains("16 vCPU and 32 GiB"))
    }

    @Test func profilesMinimumMatchesTheKubeCheck() throws {
        for set in try ProfileSet.all() {
            #expect(Int64(set.costs.minimumCPU) * 1000 == ClusterSizeCheck.minimumMilliCPU, "\(set.id)")
            #expect(Int64(set.costs.minimumMemoryGiB) * 1_073_741_824 == ClusterSizeCheck.minimumMemory, "\(set.id)")
        }
    }

    @Test func placementNamesEachPendingPodWithNumbers() {
        var f = F.good()
        f.nodes = [F.node("small", cpu: "2", memory: "4Gi")]
        f.podRequests = [F.pod("posthog-clickhouse-0", cpu: "1", memory: "6Gi"), F.pod("posthog-web", cpu: "500m", memory: "1Gi")]
        let c = Preflight.placement(f)
        #expect(c.status == .fail)
        #expect(c.message.hasPrefix("1 of 2 pods would stay Pending"))
        #expect(c.details.count == 1)
        #expect(c.details.first?.hasPrefix("posthog-clickhouse-0 would stay Pending: needs") == true)
        #expect(c.details.first?.contains("memory") == true)
        #expect(c.fix.contains("GiB memory"))
    }

    @Test func placementCountsExistingPods() {
        var f = F.good()
        f.nodes = [F.node("a", cpu: "4", memory: "4Gi")]
        f.podRequests = [F.pod("posthog-web", cpu: "1", memory: "3Gi")]
        #expect(Preflight.placement(f).status == .pass)
        var busy = Pod()
        busy.metadata.name = "other"
        busy.spec = PodSpec(containers: [Container(name: "c", requests: ["memory": F.q("2Gi")])])
        busy.spec.nodeName = "a"
        f.existingPods = [busy]
        #expect(Preflight.placement(f).status == .fail)
    }

    @Test func placementWithoutPodsOrNodes() {
        var f = F.good()
        f.podRequests = []
        #expect(Preflight.placement(f).status == .warn)
        f = F.good(); f.nodes = []
        #expect(Preflight.placement(f).status == .fail)
    }

    @Test func installTable() {
        var f = F.good()
        #expect(Preflight.existingRelease(f).status == .pass)
        f.releases = [InstalledRelease(name: "posthog", namespace: "posthog", chart: "posthog-30.2.1")]
        let deployed = Preflight.existingRelease(f)
        #expect(deployed.status == .fail)
        #expect(deployed.fix.contains("posthog-install upgrade"))
        f.releases = [InstalledRelease(name: "posthog", namespace: "posthog", chart: "posthog-30.2.1", status: "failed")]
        #expect(Preflight.existingRelease(f).fix.contains("uninstall"))
        f.releases = []
        f.namespaceExists = true
        let ns = Preflight.existingRelease(f)
        #expect(ns.status == .warn)
        #expect(ns.fix.contains("passwords"))
        f.namespaceExists = false
        f.releases = [InstalledRelease(name: "ph", namespace: "analytics", chart: "posthog-29.0.0")]
        let other = Preflight.existingRelease(f)
        #expect(other.status == .warn)
        #expect(other.details == ["Another PostHog release: ph in namespace analytics (posthog-29.0.0, deployed)."])
    }

    @Test func upgradeTable() {
        var f = F.good()
        f.operation = .upgrade
        #expect(Preflight.existingRelease(f).status == .fail)
        f.releases = [InstalledRelease(name: "posthog", namespace: "posthog", chart: "posthog-30.2.1", revision: "4")]
        let ok = Preflight.existingRelease(f)
        #expect(ok.status == .pass)
        #expect(ok.message == "Upgrading release \"posthog\" (posthog-30.2.1, revision 4).")
        f.releases[0].status = "pending-upgrade"
        #expect(Preflight.existingRelease(f).status == .fail)
        f.releases[0].status = "failed"
        #expect(Preflight.existingRelease(f).status == .warn)
    }

    @Test func conflictsTable() {
        var f = F.good()
        #expect(Preflight.conflicts(f).status == .pass)
        f.foreignComponents = [ForeignComponent(component: .certManager, namespace: "cert-manager", evidence: "Deployment cert-manager")]
        let used = Preflight.conflicts(f)
        #expect(used.status == .pass)
        #expect(used.details == ["Using the existing cert-manager (Deployment cert-manager in namespace cert-manager)."])
        f.plannedComponents = [.certManager, .ingressNginx]
        let clash = Preflight.conflicts(f)
        #expect(clash.status == .warn)
        #expect(clash.message.hasPrefix("cert-manager is already installed (Deployment cert-manager in namespace cert-manager) and the chart would install a second one"))
        #expect(clash.fix == "Set `cert-manager.enabled: false` in values.yaml to use the existing cert-manager.")
    }

    @Test func verdictAndExitCode() {
        var f = F.good()
        f.storageClasses = []
        f.confirmedContext = nil
        let r = Preflight.run(f)
        #expect(r.verdict == .fail)
        #expect(r.exitCode == 4)
        #expect(r.blockers.map(\.kind) == [.storage])
        #expect(r.warnings.map(\.kind) == [.context])
        #expect(r.summary == "Preflight: 1 problem must be fixed before installing (1 warning).")
        f = F.good(); f.confirmedContext = nil
        #expect(Preflight.run(f).exitCode == 0)
    }

    @Test(arguments: [
        (true, true, PreflightCheck.Status.pass, "kubectl and helm are also on your PATH"),
        (true, false, .warn, "but helm is not on your PATH, so a real install could not run yet"),
        (false, false, .warn, "but kubectl and helm are not on your PATH"),
    ])
    func theSimulatedClusterNeverClaimsToolsThatAreNotThere(kubectl: Bool, helm: Bool, status: PreflightCheck.Status, message: String) {
        var f = PreflightFacts()
        f.kubectlVersion = "v1.32.4"
        f.helmVersion = "v3.16.3+gcfd0749"  // the simulation's own answers
        f.toolsOnThisComputer = PreflightFacts.LocalTools(kubectl: kubectl, helm: helm)
        let check = Preflight.tools(f)
        #expect(check.status == status)
        #expect(check.message.contains(message), "\(check.message)")
        #expect(!check.message.contains("3.16.3"))
    }

    @Test func aStoppedSimulatedInstallIsNamedWithACommandThatWorksAsPrinted() {
        var f = PreflightFacts()
        f.releases = [InstalledRelease(name: "posthog", namespace: "posthog", chart: "posthog-30.46.0", status: "pending-install",
                                       revision: "1", appVersion: "1.43.0")]
        f.toolsOnThisComputer = PreflightFacts.LocalTools(kubectl: true, helm: true)
        let simulated = Preflight.existingRelease(f)
        #expect(simulated.status == .fail)
        #expect(simulated.message.hasSuffix("in state pending-install: it was stopped before it finished."))
        #expect(simulated.fix == "Remove it with `posthog-install uninstall --simulate`, then install again.")
        f.toolsOnThisComputer = nil
        #expect(Preflight.existingRelease(f).fix.hasPrefix("Remove it with `posthog-install uninstall` (or `helm uninstall posthog --namespace posthog`)"))
    }
}
