import Testing
@testable import Installer

/// Which revision a rollback goes to.
@Suite struct RollbackDecisionTests {
    let history = [RollbackRevision(revision: 1, status: "superseded"), RollbackRevision(revision: 2, status: "superseded"),
                   RollbackRevision(revision: 3, status: "failed"), RollbackRevision(revision: 4, status: "failed")]

    @Test func byDefaultTheLastRevisionThatWasDeployed() {
        #expect(RollbackDecision.decide(requested: nil, history: history) == .rollBack(to: 2, from: 4))
    }

    @Test func aRequestedRevisionMustExistAndNotBeTheCurrentOne() {
        #expect(RollbackDecision.decide(requested: 1, history: history) == .rollBack(to: 1, from: 4))
        guard case .refused(let missing, _) = RollbackDecision.decide(requested: 9, history: history) else { Issue.record("expected a refusal"); return }
        #expect(missing == "There is no revision 9; the release has revisions 1, 2, 3, 4.")
        guard case .refused(let current, _) = RollbackDecision.decide(requested: 4, history: history) else { Issue.record("expected a refusal"); return }
        #expect(current == "Revision 4 is the one running now.")
    }

    @Test func aFirstRevisionHasNothingToGoBackTo() {
        guard case .refused(let message, let fix) = RollbackDecision.decide(requested: nil, history: [RollbackRevision(revision: 1, status: "deployed")]) else {
            Issue.record("expected a refusal"); return
        }
        #expect(message.contains("revision 1 is the first"))
        #expect(fix.contains("uninstall"))
        #expect(RollbackDecision.decide(requested: nil, history: []) != .rollBack(to: 0, from: 0))
    }

    @Test func valuesAreKeptBesideValuesYAML() {
        #expect(ValuesHistory.path(forValues: "values.yaml", namespace: "posthog", release: "posthog", revision: 3)
                == ".posthog-install-history/posthog-posthog-revision-3.yaml")
        #expect(ValuesHistory.path(forValues: "/srv/ph/values.yaml", namespace: "ns", release: "r", revision: 1)
                == "/srv/ph/.posthog-install-history/ns-r-revision-1.yaml")
    }
}
