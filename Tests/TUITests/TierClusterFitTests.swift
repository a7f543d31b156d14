import Installer
import Kube
import Testing
@testable import TUI

/// The tier screen names the cluster it found and says whether it suits the tier chosen.
@Suite struct TierClusterFitTests {
    typealias F = WizardFixtures
    static let gib: Int64 = 1 << 30

    static let oneSmallNode = ClusterCapacity(
        nodes: 1, allocatable: ResourceAmounts(milliCPU: 1900, memory: 1_503_238_554),
        capacity: ResourceAmounts(milliCPU: 2000, memory: 2 * gib))
    static let twoNodes = ClusterCapacity(
        nodes: 2, allocatable: ResourceAmounts(milliCPU: 3800, memory: 7 * gib),
        capacity: ResourceAmounts(milliCPU: 4000, memory: 8 * gib))
    static let big = ClusterCapacity(
        nodes: 3, allocatable: ResourceAmounts(milliCPU: 11_600, memory: 44 * gib),
        capacity: ResourceAmounts(milliCPU: 12_000, memory: 48 * gib))

    /// The tier question with `capacity` known, the tier `choice` highlighted (1-3).
    static func tierScreen(_ capacity: ClusterCapacity?, choice: Character) -> WizardState {
        var state = F.start()
        state.launch.runsInstall = true
        var info = ClusterInfo(simulated: true, context: "posthog-simulated", detail: "1 node × 2 vCPU, 2 GiB memory")
        info.capacity = capacity
        state = Wizard.update(state, .cluster(info)).0
        state = F.press([.enter, .enter] + F.type("posthog.example.com") + [.enter, .enter, .enter], on: state).0
        #expect(state.step == .question("tier"))
        return F.press([.character(choice)], on: state).0
    }

    @Test func theVerdictComparesCapacityWithTheMinimumAndTheTiersNodes() {
        let plan = F.profile.costs.clouds[.do]?.nodes[.small]
        #expect(plan != nil)
        #expect(Self.oneSmallNode.fit(minimumCPU: 4, minimumMemoryGiB: 4, plan: plan) == .tooSmall)
        #expect(Self.big.fit(minimumCPU: 4, minimumMemoryGiB: 4, plan: plan) == .enough)
        let large = NodePlan(count: 3, cpu: 8, memoryGiB: 32)
        #expect(Self.twoNodes.fit(minimumCPU: 4, minimumMemoryGiB: 4, plan: large) == .smallerThanTier)
        #expect(Self.oneSmallNode.summary == "1 node, 1.9 vCPU / 1.4 GiB allocatable")
    }

    @Test func theTierScreenSaysTheClusterIsTooSmall() {
        let text = WizardView.render(Self.tierScreen(Self.oneSmallNode, choice: "1"), size: .minimum).plainText()
        #expect(text.contains("Your cluster: 1 node, 1.9 vCPU / 1.4 GiB allocatable: too small for"))
        #expect(!text.contains("Minimum cluster:"), "the cluster it knows replaces the general rule")
    }

    @Test func withoutTheNodesTheGeneralRuleStays() {
        let text = WizardView.render(Self.tierScreen(nil, choice: "2"), size: .minimum).plainText()
        #expect(text.contains("Minimum cluster: 4 vCPU and 4 GiB memory in total"))
    }

    @Test func tooSmallGolden() {
        Golden.check(
            WizardView.render(Self.tierScreen(Self.oneSmallNode, choice: "2"), size: .minimum).plainText(), "tier-cluster-too-small")
    }
}
