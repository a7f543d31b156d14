import Kube
import Testing
@testable import Installer

/// What the person may agree to when the preflight blocks: installing on a node pool that grows
/// by itself (only the size checks give way) and reserving the GKE static IP.
@Suite struct PreflightOfferTests {
    typealias F = PreflightFixture

    /// A cluster of one 2 vCPU / 2 GiB node: too small, and the pods do not all fit.
    static func undersized() -> PreflightReport {
        var f = F.good()
        f.nodes = [F.node("a", cpu: "2", memory: "2Gi")]
        f.podRequests = [F.pod("posthog-web", cpu: "500m", memory: "1Gi"), F.pod("posthog-clickhouse-0", cpu: "1", memory: "2Gi")]
        return Preflight.run(f)
    }

    static let staticIPMissing = StaticIPStep.preflightCheck(.missing)

    @Test func aTooSmallClusterIsOfferedTheGrowingNodePool() {
        let report = Self.undersized()
        #expect(Set(report.blockers.map(\.kind)) == [.clusterSize, .placement])
        #expect(PreflightOffer.offers(for: report) == [.installOnGrowingNodePool])
    }

    @Test func onlySizeAndPlacementGiveWay() {
        var report = Self.undersized()
        report.checks.append(PreflightCheck(.staticIP, .fail, "There is no global static IP address named posthog."))
        report.checks.append(PreflightCheck(.conflicts, .warn, "cert-manager is already installed."))
        let relaxed = report.assumingNodePoolAutoscales()
        #expect(relaxed.check(.clusterSize)?.status == .warn)
        #expect(relaxed.check(.placement)?.status == .warn)
        #expect(relaxed.check(.staticIP) == report.check(.staticIP), "every other failure still blocks")
        #expect(relaxed.check(.conflicts) == report.check(.conflicts))
        #expect(relaxed.blockers.map(\.kind) == [.staticIP])
        #expect(relaxed.exitCode == 4)
        #expect(PreflightOffer.offers(for: report).isEmpty, "no install-anyway while another blocker stands")
    }

    @Test func theRelaxedChecksSayWhyTheInstallGoesOn() throws {
        let original = try #require(Self.undersized().check(.clusterSize))
        let relaxed = try #require(Self.undersized().assumingNodePoolAutoscales().check(.clusterSize))
        #expect(relaxed.message.hasPrefix(original.message), "what was found is kept")
        #expect(relaxed.message.hasSuffix("Going on anyway, because you said the node pool adds nodes by itself: pods wait as Pending until new nodes join, usually a few minutes."))
        #expect(relaxed.fix.hasPrefix("If pods are still Pending after 10 minutes, the node pool did not grow"))
        #expect(Self.undersized().assumingNodePoolAutoscales().exitCode == 0)
    }

    @Test func passingAndWarningChecksAreLeftAlone() {
        let report = Preflight.run(F.good())
        #expect(report.assumingNodePoolAutoscales() == report)
        #expect(PreflightOffer.offers(for: report).isEmpty)
    }

    @Test func aMissingStaticIPIsOfferedWithGcloudsCommand() {
        let report = PreflightReport(checks: [PreflightCheck(.tools, .pass, "found."), Self.staticIPMissing])
        #expect(Self.staticIPMissing.remedy == ["gcloud", "compute", "addresses", "create", "posthog", "--global"])
        #expect(PreflightOffer.offers(for: report) == [.reserveStaticIP(command: ["gcloud", "compute", "addresses", "create", "posthog", "--global"])])
        #expect(report.assumingNodePoolAutoscales().blockers.map(\.kind) == [.staticIP], "a growing node pool does not make an address")
    }

    @Test func bothOffersWhenTheClusterIsSmallAndTheAddressMissing() {
        var report = Self.undersized()
        report.checks.append(Self.staticIPMissing)
        #expect(PreflightOffer.offers(for: report) == [.reserveStaticIP(command: ["gcloud", "compute", "addresses", "create", "posthog", "--global"])],
                "the static IP blocks too, so installing anyway is not offered yet")
    }

    @Test(arguments: [
        StaticIPObservation.gcloudMissing, .notSignedIn("ERROR: no active account"), .noProject("ERROR: no project"),
        .failed("gcloud failed", gcloudText: "ERROR"),
        .found(GCPStaticAddress(name: "posthog", address: "10.0.0.3", status: .reserved, addressType: "INTERNAL")),
    ])
    func nothingToReserveWhenGcloudCannotOrNeedNot(_ observation: StaticIPObservation) {
        let check = StaticIPStep.preflightCheck(observation)
        #expect(check.remedy == nil)
        #expect(PreflightOffer.offers(for: PreflightReport(checks: [check])).isEmpty)
    }

    @Test func aGrowingNodePoolWaitsLongerForUnschedulablePods() {
        #expect(PreflightConsent().statusPolicy == .standard)
        #expect(PreflightConsent(nodePoolAutoscales: true).statusPolicy.unschedulableGrace == 600)
        #expect(PreflightConsent(nodePoolAutoscales: true).statusPolicy.pvcPendingGrace == StatusPolicy.standard.pvcPendingGrace)
    }
}
