import Testing
@testable import Installer

/// "Cluster size" and "Pod placement" never contradict each other: pods that do not fit fail the
/// size check with their shortfall; a cluster under the minimum gets no ✓ for fitting by requests.
@Suite struct PreflightAgreementTests {
    static let smallSize = PreflightCheck(
        .clusterSize, .fail,
        "1 usable node: 1.9 vCPU and 1.4 GiB allocatable; PostHog needs at least 4 vCPU and 4 GiB in total.",
        fix: "Add nodes or use larger nodes.")
    static let bigSize = PreflightCheck(.clusterSize, .pass, "3 usable nodes: 11.6 vCPU and 44 GiB allocatable.")
    static let fits = PreflightCheck(.placement, .pass, "All 13 pods fit on the 1 node (they request 1.2 vCPU and 1.1 GiB in total).")
    static let pending = PreflightCheck(
        .placement, .fail,
        "3 of 13 pods would stay Pending (they request 2.1 vCPU and 3.2 GiB in total); the install would then time out after 20 minutes.",
        fix: "Add nodes with more memory.", details: ["chi-posthog-posthog-0-0-0 would stay Pending: needs 2 GiB."])

    @Test func podsFittingByRequestsOnASmallClusterGetNoTick() {
        let (size, placement) = Preflight.agreeing(size: Self.smallSize, placement: Self.fits)
        #expect(size == Self.smallSize, "the documented minimum stays the verdict")
        #expect(placement.status == .warn, "one blocker: the size")
        #expect(
            placement.message.hasPrefix(
                "All 13 pods fit on the 1 node (they request 1.2 vCPU and 1.1 GiB in total), but the chart's pods request less"))
        #expect(placement.message.hasSuffix("(see Cluster size)."))
        #expect(placement.fix == Self.smallSize.fix)
    }

    @Test func aLargeClusterOnWhichPodsDoNotFitFailsWithTheShortfall() {
        let (size, placement) = Preflight.agreeing(size: Self.bigSize, placement: Self.pending)
        #expect(size.status == .fail)
        #expect(
            size.message == "3 usable nodes: 11.6 vCPU and 44 GiB allocatable, but not enough for the chosen tier: "
                + "3 of 13 pods would stay Pending (they request 2.1 vCPU and 3.2 GiB in total) (see Pod placement).")
        #expect(size.fix == "Add nodes with more memory.")
        #expect(placement == Self.pending)
    }

    @Test func agreeingChecksStayAsTheyAre() {
        #expect(Preflight.agreeing(size: Self.smallSize, placement: Self.pending) == (Self.smallSize, Self.pending))
        #expect(Preflight.agreeing(size: Self.bigSize, placement: Self.fits) == (Self.bigSize, Self.fits))
        let skipped = PreflightCheck(.placement, .warn, "The rendered chart has no pods to place, so the placement check was skipped.")
        #expect(Preflight.agreeing(size: Self.smallSize, placement: skipped) == (Self.smallSize, skipped))
    }

    @Test func everyCombinationGivesOneVerdict() {
        for size in [Self.smallSize, Self.bigSize] {
            for placement in [Self.fits, Self.pending] {
                let (s, p) = Preflight.agreeing(size: size, placement: placement)
                let contradicting = (s.status == .fail && p.status == .pass) || (s.status == .pass && p.status == .fail)
                #expect(!contradicting, "\(s.message) / \(p.message)")
            }
        }
    }
}
