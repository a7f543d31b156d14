import Testing
@testable import Installer

@Suite struct PlanUpgradeTests {
    static func notes() throws -> [UpgradeNote] { try UpgradeNote.all() }

    @Test(arguments: [
        ("1.9.0", "2.0.0", ["redis-statefulset-2"]),
        ("posthog-2.4.1", "3.0.3", ["kafka-zookeeper-statefulsets-3"]),
        ("1.0.0", "4.1.0", ["redis-statefulset-2", "kafka-zookeeper-statefulsets-3", "cert-manager-key-4"]),
        ("3.0.3", "30.46.0", ["cert-manager-key-4", "beat-removed-8", "clickhouse-operator-values-10",
                              "external-redis-values-12", "clickhouse-replication-13", "external-services-values-14"]),
        ("30.2.1", "30.46.0", []),
        ("30.46.0", "30.46.0", []),
    ])
    func notesOfEveryBoundaryCrossed(installed: String, target: String, ids: [String]) throws {
        let d = UpgradeDecision.decide(installed: installed, target: target, notes: try Self.notes(), confirmed: true, acceptDataLoss: true)
        #expect(d.notes.map(\.id) == ids)
        #expect(d.canProceed)
        #expect(d.crossesMajor == !ids.isEmpty)
    }

    @Test func kafkaNeedsYesAndDataLoss() throws {
        let notes = try Self.notes()
        let none = UpgradeDecision.decide(installed: "2.4.1", target: "3.0.3", notes: notes, confirmed: false, acceptDataLoss: false)
        #expect(!none.canProceed)
        #expect(none.losesData)
        #expect(none.blockers == [.needsConfirmation(noteIDs: ["kafka-zookeeper-statefulsets-3"]),
                                  .needsDataLossAcceptance(noteIDs: ["kafka-zookeeper-statefulsets-3"])])
        #expect(none.missingFlags == ["--yes", "--accept-data-loss"])
        let yesOnly = UpgradeDecision.decide(installed: "2.4.1", target: "3.0.3", notes: notes, confirmed: true, acceptDataLoss: false)
        #expect(yesOnly.missingFlags == ["--accept-data-loss"])
        #expect(yesOnly.blockers.first?.message.contains("can be lost") == true)
        let both = UpgradeDecision.decide(installed: "2.4.1", target: "3.0.3", notes: notes, confirmed: true, acceptDataLoss: true)
        #expect(both.canProceed)
    }

    @Test func redisNeedsOnlyYes() throws {
        let d = UpgradeDecision.decide(installed: "1.9.0", target: "2.0.0", notes: try Self.notes(), confirmed: false, acceptDataLoss: false)
        #expect(d.missingFlags == ["--yes"])
        #expect(!d.losesData)
    }

    @Test func notesWithoutStepsNeedNoConfirmation() throws {
        let d = UpgradeDecision.decide(installed: "7.0.0", target: "8.1.0", notes: try Self.notes(), confirmed: false, acceptDataLoss: false)
        #expect(d.notes.map(\.id) == ["beat-removed-8"])
        #expect(d.canProceed)
    }

    @Test(arguments: [
        ("", "30.0.0", UpgradeDecision.Blocker.unknownInstalledVersion("")),
        ("30.0.0", "latest", .unknownTargetVersion("latest")),
        ("30.2.0", "30.1.9", .downgrade(installed: VersionNumber(major: 30, minor: 2), target: VersionNumber(major: 30, minor: 1, patch: 9))),
    ])
    func badInput(installed: String, target: String, blocker: UpgradeDecision.Blocker) throws {
        let d = UpgradeDecision.decide(installed: installed, target: target, notes: try Self.notes(), confirmed: true, acceptDataLoss: true)
        #expect(d.blockers == [blocker])
        #expect(!d.canProceed)
        #expect(!blocker.message.isEmpty && !blocker.fix.isEmpty)
    }

    @Test func renamedKeysBetweenTheVersions() throws {
        let keys = try RenamedKey.list("""
        renamed:
          - {old: certManager, new: cert-manager, since: 4.0.0, note: renamed}
          - {old: beat, since: 8.0.0, note: removed}
          - {old: clickhouse.replication, since: 13.0.0, note: removed}
        """, file: "renamed-keys.yaml")
        let d = UpgradeDecision.decide(installed: "3.0.3", target: "8.0.0", notes: try Self.notes(), renamedKeys: keys,
                                       confirmed: false, acceptDataLoss: false)
        #expect(d.renamedKeys.map(\.since) == ["4.0.0", "8.0.0"])
        let plan = Plans.upgrade(PlanOptions(chartVersion: "8.0.0"), decision: d)
        #expect(plan.map(\.id).contains("migrate-values"))
    }

    @Test func upgradePlanRunsNoteStepsFirst() throws {
        let d = UpgradeDecision.decide(installed: "2.4.1", target: "3.0.3", notes: try Self.notes(), confirmed: true, acceptDataLoss: true)
        let steps = Plans.upgrade(PlanOptions(context: "prod", release: "ph", chartVersion: "3.0.3"), decision: d)
        #expect(steps.map(\.id) == ["repo-add", "repo-update", "note:kafka-zookeeper-statefulsets-3:1",
                                    "note:kafka-zookeeper-statefulsets-3:2", "note:kafka-zookeeper-statefulsets-3:3", "upgrade", "watch"])
        #expect(steps[2].argv == ["kubectl", "-n", "posthog", "delete", "statefulset", "ph-posthog-kafka", "--context", "prod"])
        #expect(steps[4].argv == ["kubectl", "-n", "posthog", "delete", "pvc", "data-ph-posthog-kafka-0", "--context", "prod"])
        #expect(steps[2...4].allSatisfy { $0.destructive && $0.needsConfirmation })
        #expect(steps[5].argv == ["helm", "upgrade", "-f", "values.yaml", "--timeout", "20m", "--namespace", "posthog",
                                  "ph", "posthog/posthog", "--version", "3.0.3", "--kube-context", "prod"])
    }

    @Test func minorUpgradeIsJustRepoAndUpgrade() throws {
        let d = UpgradeDecision.decide(installed: "posthog-30.2.1", target: "30.46.0", notes: try Self.notes(), confirmed: false, acceptDataLoss: false)
        #expect(d.canProceed)
        let steps = Plans.upgrade(PlanOptions(chartVersion: "30.46.0"), decision: d)
        #expect(steps.map(\.id) == ["repo-add", "repo-update", "upgrade", "watch"])
    }
}
