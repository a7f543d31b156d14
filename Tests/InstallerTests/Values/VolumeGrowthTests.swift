import Foundation
import Kube
import Testing
import YAML
@testable import Installer

/// Which claims a resize touches, and what stops it, from real object shapes.
@Suite struct VolumeGrowthTests {
    static let profile = (try? ProfileSet.all())?.first { $0.id == "chart-30" }

    static func claim(_ name: String, request: String, capacity: String, storageClass: String? = nil) throws -> PersistentVolumeClaim {
        let cls = storageClass.map { #", "storageClassName": "\#($0)""# } ?? ""
        return try KubeJSON.decode(PersistentVolumeClaim.self, from: Data("""
        {"metadata": {"name": "\(name)"}, "spec": {"resources": {"requests": {"storage": "\(request)"}}\(cls)},
         "status": {"phase": "Bound", "capacity": {"storage": "\(capacity)"}}}
        """.utf8))
    }

    static func set(_ name: String, labels: [String: String] = [:]) throws -> StatefulSet {
        let json = String(decoding: try JSONSerialization.data(withJSONObject: ["metadata": ["name": name, "labels": labels]]), as: UTF8.self)
        return try KubeJSON.decode(StatefulSet.self, from: Data(json.utf8))
    }

    static func storageClass(_ name: String, expansion: Bool, isDefault: Bool = true) throws -> StorageClass {
        try KubeJSON.decode(StorageClass.self, from: Data("""
        {"metadata": {"name": "\(name)", "annotations": {"storageclass.kubernetes.io/is-default-class": "\(isDefault)"}},
         "provisioner": "dobs.csi.digitalocean.com", "allowVolumeExpansion": \(expansion)}
        """.utf8))
    }

    @Test func claimsAndTheirStatefulSetsFollowTheChartsNames() throws {
        let claims = try [
            Self.claim("data-volumeclaim-template-chi-posthog-posthog-0-0-0", request: "20Gi", capacity: "20Gi"),
            Self.claim("redis-data-posthog-posthog-redis-master-0", request: "5Gi", capacity: "5Gi"),
            Self.claim("data-posthog-posthog-kafka-0", request: "15Gi", capacity: "15Gi"),
            Self.claim("data-posthog-posthog-zookeeper-0", request: "2Gi", capacity: "2Gi"),
        ]
        let sets = try [Self.set("chi-posthog-posthog-0-0", labels: ["clickhouse.altinity.com/chi": "posthog"]),
                        Self.set("posthog-posthog-redis-master"), Self.set("posthog-posthog-kafka"), Self.set("posthog-posthog-zookeeper")]
        let targets = try VolumeGrowth.plan(sizes: [("clickhouse", "40Gi"), ("redis", "10Gi"), ("kafka", "30Gi")], claims: claims,
                                            statefulSets: sets, storageClasses: [Self.storageClass("do-block-storage", expansion: true)],
                                            namespace: "posthog")
        #expect(targets.map(\.claim) == ["data-volumeclaim-template-chi-posthog-posthog-0-0-0", "redis-data-posthog-posthog-redis-master-0",
                                         "data-posthog-posthog-kafka-0"])
        #expect(targets.map(\.statefulSet) == ["chi-posthog-posthog-0-0", "posthog-posthog-redis-master", "posthog-posthog-kafka"])
        #expect(targets.map(\.managedByOperator) == [true, false, false], "the ClickHouse operator recreates its own StatefulSet")
        #expect(targets.map(\.needsPatch) == [true, true, true])
    }

    @Test func aSmallerSizeThanTheVolumeIsRefused() throws {
        let claims = try [Self.claim("data-posthog-posthog-postgresql-0", request: "20Gi", capacity: "20Gi")]
        #expect(throws: VolumeGrowth.Problem.self) {
            try VolumeGrowth.plan(sizes: [("postgresql", "10Gi")], claims: claims, statefulSets: [],
                                  storageClasses: [Self.storageClass("standard", expansion: true)], namespace: "posthog")
        }
    }

    @Test func theClaimsOwnStorageClassDecides() throws {
        let claims = try [Self.claim("data-posthog-posthog-postgresql-0", request: "10Gi", capacity: "10Gi", storageClass: "fixed")]
        let classes = try [Self.storageClass("standard", expansion: true), Self.storageClass("fixed", expansion: false, isDefault: false)]
        do {
            _ = try VolumeGrowth.plan(sizes: [("postgresql", "20Gi")], claims: claims, statefulSets: [], storageClasses: classes, namespace: "posthog")
            Issue.record("expected a refusal")
        } catch {
            #expect(error.kind == .blocked)
            #expect(error.description.hasPrefix("The StorageClass fixed does not allow volume expansion"))
        }
    }

    @Test func doneOnlyWhenEveryCapacityHasGrown() throws {
        let target = VolumeGrowth.Target(component: "kafka", claim: "data-posthog-posthog-kafka-0", size: "30Gi", bytes: 30 << 30,
                                         current: "15Gi", needsPatch: true, statefulSet: nil, managedByOperator: false)
        #expect(!VolumeGrowth.done([target], claims: [try Self.claim("data-posthog-posthog-kafka-0", request: "30Gi", capacity: "15Gi")]))
        #expect(VolumeGrowth.done([target], claims: [try Self.claim("data-posthog-posthog-kafka-0", request: "30Gi", capacity: "30Gi")]))
    }

    @Test(arguments: [
        ("60Gi", "60Gi"), ("200G", "200G"), ("1Ti", "1Ti"), (" 80Gi ", "80Gi"),
    ])
    func sizesWithUnitsAreWritten(size: String, written: String) throws {
        let profile = try #require(Self.profile)
        let (text, changes) = try VolumeResize.apply([("clickhouse", size)], to: "clickhouse:\n  persistence:\n    size: 20Gi\n", file: "values.yaml", profile: profile)
        #expect(changes.first?.to == written)
        #expect(text.contains("size: \(written)"))
    }

    @Test(arguments: [
        ("200", "has no unit"), ("200GB", "as 200G"), ("2 Gigabytes", "is not a size"), ("10Mi", "too small"),
    ])
    func badSizesAreRefused(size: String, message: String) throws {
        let profile = try #require(Self.profile)
        do {
            _ = try VolumeResize.apply([("kafka", size)], to: "kafka: {persistence: {size: 20Gi}}\n", file: "values.yaml", profile: profile)
            Issue.record("expected a refusal")
        } catch let problem as VolumeResize.Problem {
            #expect(problem.description.contains(message), "\(problem.description)")
        }
    }

    @Test func unknownComponentsSuggestTheNearest() throws {
        let profile = try #require(Self.profile)
        #expect(throws: VolumeResize.Problem(description: "\"postgres\" is not a volume posthog-install can grow; use clickhouse, postgresql, kafka, redis. Did you mean postgresql?")) {
            try VolumeResize.apply([("postgres", "20Gi")], to: "{}\n", file: "values.yaml", profile: profile)
        }
    }
}
