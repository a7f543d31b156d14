import Kube
import Testing
import YAML
@testable import Installer

/// Changing the tier in "Change settings": a larger tier grows the volumes (the claims first,
/// then their StatefulSets recreated without the pods, before helm); a smaller one keeps the
/// larger sizes with the reason, since Kubernetes volumes never shrink.
@Suite struct SettingsVolumesTests {
    static let profile = AnswerTransitionTests.profile

    static func values(tier: String, existing: String? = nil, previous: String? = nil) throws -> ValuesGeneration.Output {
        let profile = try #require(Self.profile)
        func sheet(_ tier: String) -> AnswerSheet {
            AnswerSheet(answers: ["cloud": "do", "hostname": "posthog.example.com", "tls": "on", "tier": tier, "email": "ops@example.com"])
        }
        return try ValuesGeneration.generate(
            .init(profile: profile, sheet: sheet(tier), existing: existing, file: "values.yaml", previousSheet: previous.map(sheet)),
            secrets: CountingSecrets())
    }

    @Test func smallToLargeGrowsEveryDataVolume() throws {
        let profile = try #require(Self.profile)
        let small = try Self.values(tier: "small")
        let large = try Self.values(tier: "large", existing: small.text, previous: "small")
        let grown = SettingsVolumes.grown(
            old: try YAML.parse(small.text, file: "values.yaml"), new: try YAML.parse(large.text, file: "values.yaml"), profile: profile)
        #expect(grown.map(\.component) == profile.chart.volumes.map(\.component), "\(grown)")
        #expect(grown.allSatisfy { (try? Quantity($0.to))!.value > (try? Quantity($0.from))!.value })
        #expect(SettingsVolumes.keptLines(large.changes, profile: profile).isEmpty)
    }

    @Test func largeToSmallKeepsTheSizesWithTheReason() throws {
        let profile = try #require(Self.profile)
        let large = try Self.values(tier: "large")
        let small = try Self.values(tier: "small", existing: large.text, previous: "large")
        let old = try YAML.parse(large.text, file: "values.yaml")
        let new = try YAML.parse(small.text, file: "values.yaml")
        #expect(SettingsVolumes.grown(old: old, new: new, profile: profile).isEmpty, "nothing grows")
        for volume in profile.chart.volumes {
            #expect(new.value(at: volume.path) == old.value(at: volume.path), "\(volume.component) keeps its size: volumes never shrink")
        }
        let lines = SettingsVolumes.keptLines(small.changes, profile: profile)
        #expect(lines.count == profile.chart.volumes.count, "\(lines)")
        #expect(lines.allSatisfy { $0.contains("volumes cannot shrink") && $0.contains("stays") }, "\(lines)")
    }

    @Test func theStepsGrowTheClaimsThenRecreateTheirStatefulSets() {
        let targets = [
            VolumeGrowth.Target(
                component: "postgresql", claim: "data-posthog-posthog-postgresql-0", size: "60Gi", bytes: 60 << 30, current: "10Gi",
                needsPatch: true, statefulSet: "posthog-posthog-postgresql", managedByOperator: false),
            VolumeGrowth.Target(
                component: "clickhouse", claim: "data-chi-posthog-posthog-0-0-0", size: "200Gi", bytes: 200 << 30, current: "20Gi",
                needsPatch: true, statefulSet: "chi-posthog-posthog-0-0", managedByOperator: true),
            VolumeGrowth.Target(
                component: "kafka", claim: "data-posthog-posthog-kafka-0", size: "60Gi", bytes: 60 << 30, current: "60Gi",
                needsPatch: false, statefulSet: "posthog-posthog-kafka", managedByOperator: false),
        ]
        let steps = SettingsVolumes.steps(targets, options: PlanOptions(context: "do-fra1-prod"))
        #expect(
            steps.map(\.id) == [
                "grow-data-posthog-posthog-postgresql-0", "grow-data-chi-posthog-posthog-0-0-0",
                "orphan-posthog-posthog-postgresql", "orphan-posthog-posthog-kafka",
            ])
        #expect(steps[0].argv?.contains("do-fra1-prod") == true)
        #expect(steps[2].argv?.prefix(5) == ["kubectl", "delete", "statefulset", "posthog-posthog-postgresql", "--cascade=orphan"])
    }
}
