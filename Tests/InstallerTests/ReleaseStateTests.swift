import Installer
import Testing

/// The release's state before an upgrade, from helm list and helm history.
@Suite struct ReleaseStateTests {
    func r(_ n: Int, _ s: String) -> RollbackRevision { RollbackRevision(revision: n, status: s) }

    @Test func statesFromListAndHistory() {
        #expect(ReleaseState.decide(listedStatus: nil, history: []) == .absent)
        #expect(ReleaseState.decide(listedStatus: "deployed", history: [r(1, "superseded"), r(2, "deployed")]) == .deployed)
        #expect(ReleaseState.decide(listedStatus: "failed", history: [r(1, "deployed"), r(2, "failed")]) == .failed(revision: 2, lastDeployed: 1))
        #expect(ReleaseState.decide(listedStatus: "failed", history: [r(1, "failed")]) == .failed(revision: 1, lastDeployed: nil))
        // helm list hides a release caught half-way; its history shows it.
        #expect(ReleaseState.decide(listedStatus: nil, history: [r(1, "deployed"), r(2, "pending-upgrade")]) == .pending(revision: 2, status: "pending-upgrade"))
        #expect(ReleaseState.decide(listedStatus: "uninstalled", history: []) == .absent)
    }
}
