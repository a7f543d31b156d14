import EmbeddedData
import Foundation
import Testing
import YAML
@testable import Installer

/// The embedded profile sets: every file loads, every layer combination merges, and every
/// key written exists in the real chart the set is for.
@Suite struct ProfileSetTests {
    static let sets: [ProfileSet] = (try? ProfileSet.all()) ?? []

    static func set(_ id: String) throws -> ProfileSet {
        try #require(sets.first { $0.id == id })
    }

    /// Key paths of the real chart (Fixtures/chart-*-keys.txt): exact paths, and free-form
    /// maps (lines ending in `.*`) under which any key is accepted.
    static func chartKeys(_ setID: String) throws -> (paths: Set<String>, open: Set<String>) {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/\(setID)-keys.txt")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
            .filter { !$0.hasPrefix("#") && !$0.isEmpty }
        let open = lines.filter { $0.hasSuffix(".*") }.map { String($0.dropLast(2)) }
        return (Set(lines), Set(open))
    }

    /// Whether the chart has `keys` (or a free-form map above it).
    static func chartHas(_ keys: [String], _ chart: (paths: Set<String>, open: Set<String>)) -> Bool {
        if chart.paths.contains(ValuePath.join(keys)) { return true }
        return (1..<max(keys.count, 1)).contains { chart.open.contains(ValuePath.join(Array(keys.prefix($0)))) }
    }

    static func value(_ root: YAMLValue, _ path: String) -> YAMLValue? {
        var current: YAMLValue? = root
        for key in ValuePath.split(path) { current = current?[key] }
        return current
    }

    @Test func bothSetsLoad() throws {
        #expect(ProfileSet.availableIDs() == ["chart-3", "chart-30"])
        let sets = try ProfileSet.all()
        #expect(sets.map(\.id) == ["chart-3", "chart-30"])
        let chart30 = try Self.set("chart-30")
        #expect(chart30.chart.versions == ">=30.0.0 <31.0.0")
        #expect(chart30.chart.defaultVersion == "30.46.0")
        #expect(chart30.chart.repository == "https://posthog.github.io/charts-clickhouse/")
        let chart3 = try Self.set("chart-3")
        #expect(chart3.chart.defaultVersion == "3.0.3")
        #expect(chart3.renamedKeys.isEmpty)
        #expect(chart30.renamedKeys.first?.old == ["certManager"])
        #expect(chart30.renamedKeys.first?.new == ["cert-manager"])
    }

    @Test func chartVersionPicksTheSet() throws {
        #expect(ProfileSet.forChartVersion("30.46.0", in: Self.sets)?.id == "chart-30")
        #expect(ProfileSet.forChartVersion("30.0.0", in: Self.sets)?.id == "chart-30")
        #expect(ProfileSet.forChartVersion("3.0.3", in: Self.sets)?.id == "chart-3")
        #expect(ProfileSet.forChartVersion("31.0.0", in: Self.sets) == nil)
        #expect(ProfileSet.forChartVersion("29.9.9", in: Self.sets) == nil)
        // Pre-releases take their release's settings; one outside every range is still refused.
        #expect(ProfileSet.forChartVersion("30.46.0-standin", in: Self.sets)?.id == "chart-30")
        #expect(ProfileSet.forChartVersion("3.1.0-rc.1", in: Self.sets)?.id == "chart-3")
        #expect(ProfileSet.forChartVersion("31.0.0-rc.1", in: Self.sets) == nil)
    }

    @Test(arguments: ["chart-30", "chart-3"])
    func everyCombinationOverlays(setID: String) throws {
        let set = try Self.set(setID)
        for cloud in Cloud.allCases {
            for tier in Tier.allCases {
                for tls in [true, false] {
                    let values = set.overlay(cloud: cloud, tier: tier, tls: tls)
                    #expect(values["cloud"] == .string(cloud.rawValue), "\(setID) \(cloud) \(tier) \(tls)")
                    #expect(Self.value(values, "web.secureCookies") == .bool(tls))
                    #expect(Self.value(values, "ingress.nginx.enabled") == .bool(cloud != .gcp))
                    #expect(Self.value(values, "ingress.enabled") == .bool(true))
                }
            }
        }
    }

    @Test func gcpUsesGoogleLoadBalancerWithManagedCertificate() throws {
        let values30 = try Self.set("chart-30").overlay(cloud: .gcp, tier: .small, tls: true)
        #expect(Self.value(values30, "ingress.nginx.enabled") == .bool(false))
        #expect(Self.value(values30, "cert-manager.enabled") == .bool(false))
        #expect(Self.value(values30, "ingress.gcp.ip_name") == .string("posthog"))
        #expect(Self.value(values30, "ingress.gcp.forceHttps") == .bool(true))
        // An empty secretName is what makes chart 30.x create the ManagedCertificate.
        #expect(Self.value(values30, "ingress.gcp.secretName") == .string(""))
        let values3 = try Self.set("chart-3").overlay(cloud: .gcp, tier: .small, tls: true)
        #expect(Self.value(values3, "ingress.nginx.enabled") == .bool(false))
        #expect(Self.value(values3, "certManager.enabled") == .bool(false))
        #expect(Self.value(values3, "ingress.gcp.ip_name") == .string("posthog"))
    }

    @Test func nginxCloudsUseCertManager() throws {
        for cloud in [Cloud.aws, .do, .other] {
            let values30 = try Self.set("chart-30").overlay(cloud: cloud, tier: .small, tls: true)
            #expect(Self.value(values30, "cert-manager.enabled") == .bool(true))
            #expect(Self.value(values30, "ingress.nginx.redirectToTLS") == .bool(true))
            let values3 = try Self.set("chart-3").overlay(cloud: cloud, tier: .small, tls: true)
            #expect(Self.value(values3, "certManager.enabled") == .bool(true))
        }
        let aws = try Self.set("chart-30").overlay(cloud: .aws, tier: .small, tls: true)
        #expect(Self.value(aws, #"ingress-nginx.controller.service.annotations.service\.beta\.kubernetes\.io/aws-load-balancer-proxy-protocol"#) == .string("*"))
        let digitalOcean = try Self.set("chart-30").overlay(cloud: .do, tier: .small, tls: true)
        #expect(Self.value(digitalOcean, #"ingress-nginx.controller.service.annotations.service\.beta\.kubernetes\.io/do-loadbalancer-enable-proxy-protocol"#) == .string("true"))
        #expect(Self.value(digitalOcean, "ingress-nginx.controller.config.use-proxy-protocol") == .string("true"))
        // Keys the chart sets itself survive the merge (they are not in our layers).
        let other = try Self.set("chart-30").overlay(cloud: .other, tier: .small, tls: true)
        #expect(Self.value(other, "ingress-nginx") == nil)
    }

    @Test(arguments: ["chart-30", "chart-3"])
    func httpOnlyModeWritesExactlyTheDocumentedKeys(setID: String) throws {
        let set = try Self.set(setID)
        #expect(set.tlsOff["gcp"]?.leafPaths.map(ValuePath.join).sorted()
                == ["ingress.gcp.forceHttps", "web.secureCookies"])
        #expect(set.tlsOff["nginx"]?.leafPaths.map(ValuePath.join).sorted()
                == ["ingress.letsencrypt", "ingress.nginx.redirectToTLS", "web.secureCookies"])
        let gcp = set.overlay(cloud: .gcp, tier: .minimal, tls: false)
        #expect(Self.value(gcp, "ingress.gcp.forceHttps") == .bool(false))
        #expect(Self.value(gcp, "ingress.letsencrypt") == nil)
        let digitalOcean = set.overlay(cloud: .do, tier: .minimal, tls: false)
        #expect(Self.value(digitalOcean, "ingress.nginx.redirectToTLS") == .bool(false))
        #expect(Self.value(digitalOcean, "ingress.letsencrypt") == .bool(false))
        #expect(Self.value(digitalOcean, "ingress.gcp") == nil)
    }

    @Test func tiersSizeTheDataStores() throws {
        let large30 = try Self.set("chart-30").overlay(cloud: .aws, tier: .large, tls: true)
        #expect(Self.value(large30, "clickhouse.persistence.size") == .string("200Gi"))
        for service in ["web", "worker", "plugins", "pgbouncer"] {
            #expect(Self.value(large30, "\(service).hpa.enabled") == .bool(true), "\(service)")
        }
        let small3 = try Self.set("chart-3").overlay(cloud: .do, tier: .small, tls: true)
        #expect(Self.value(small3, "clickhouseOperator.storage") == .string("20Gi"))
        #expect(Self.value(small3, "kafka.logRetentionBytes") == .string("_4_000_000_000"))
        #expect(Self.value(small3, "web.hpa.enabled") == .bool(false))
    }

    /// The storage a cost estimate counts is what the tier layer asks for.
    @Test(arguments: ["chart-30", "chart-3"])
    func costStorageMatchesTierVolumes(setID: String) throws {
        let set = try Self.set(setID)
        let clickhouse = setID == "chart-3" ? "clickhouseOperator.storage" : "clickhouse.persistence.size"
        let volumes = [clickhouse, "postgresql.persistence.size", "kafka.persistence.size", "redis.master.persistence.size"]
        for tier in Tier.allCases {
            let values = set.overlay(cloud: .do, tier: tier, tls: true)
            var total = 0
            for path in volumes {
                let size = try #require(Self.value(values, path)?.stringValue, "\(setID) \(tier) \(path)")
                #expect(size.hasSuffix("Gi"))
                total += try #require(Int(size.dropLast(2)))
            }
            #expect(set.costs.storageGiB[tier] == total, "\(setID) \(tier)")
        }
    }

    @Test func digitalOceanSmallCostsWhatTheChartDocumentationSays() throws {
        let estimate = try #require(try Self.set("chart-3").costs.estimate(cloud: .do, tier: .small))
        #expect(estimate.nodesCents == 4000)
        #expect(estimate.loadBalancersCents == 3000)
        #expect(estimate.storageCents == 400)
        #expect(estimate.clusterCents == 0)
        #expect(estimate.totalCents == 7400)
        let chart30 = try #require(try Self.set("chart-30").costs.estimate(cloud: .do, tier: .small))
        #expect(chart30.totalCents == 4000 + 1000 + 550)
        #expect(try Self.set("chart-30").costs.estimate(cloud: .other, tier: .small) == nil)
        let costs = try Self.set("chart-30").costs
        #expect(costs.minimumCPU == 4 && costs.minimumMemoryGiB == 4)
    }

    @Test(arguments: ["chart-30", "chart-3"])
    func everyKeyWrittenExistsInTheRealChart(setID: String) throws {
        let set = try Self.set(setID)
        let chart = try Self.chartKeys(setID)
        var layers: [(String, YAMLValue)] = [("base", set.base)]
        layers += set.clouds.map { ("clouds/\($0.key)", $0.value) }
        layers += set.tlsOff.map { ("tls-off/\($0.key)", $0.value) }
        layers += set.tiers.map { ("tiers/\($0.key)", $0.value) }
        for (name, layer) in layers {
            for path in layer.leafPaths {
                #expect(Self.chartHas(path, chart), "\(setID)/\(name): \(ValuePath.join(path))")
            }
        }
        for cloud in Cloud.allCases {
            for tier in Tier.allCases {
                for tls in [true, false] {
                    for path in set.overlay(cloud: cloud, tier: tier, tls: tls).leafPaths {
                        #expect(Self.chartHas(path, chart), "\(setID) \(cloud) \(tier): \(ValuePath.join(path))")
                    }
                }
            }
        }
        var written: [[String]] = []
        for question in set.questions {
            written += question.sets.map(\.path)
            written += question.choices.flatMap { $0.sets.map(\.path) }
        }
        written += set.renamedKeys.compactMap(\.new)
        written += set.chart.generatedSecrets.flatMap { [$0.path] + $0.enables }
        #expect(written.count > 20)
        for path in written {
            #expect(Self.chartHas(path, chart), "\(setID): \(ValuePath.join(path))")
        }
        // The fixture check itself must be able to fail.
        #expect(!Self.chartHas(["web", "noSuchKey"], chart))
    }

    @Test func questionsCoverTheWizard() throws {
        let chart30 = try Self.set("chart-30")
        let ids = chart30.questions.map(\.id)
        for id in ["cloud", "hostname", "tls", "email", "tier", "smtp-host", "smtp-port", "smtp-user", "smtp-password",
                   "smtp-security", "smtp-from", "external-clickhouse-host", "external-postgresql-host",
                   "external-redis-host", "pagerduty-key", "chart-version"] {
            #expect(ids.contains(id), "\(id)")
        }
        let email = try #require(chart30.question("email"))
        #expect(email.kind == .email)
        #expect(!email.applies(to: .gcp) && email.applies(to: .do))
        #expect(email.askWhen == ["tls": ["on"]])
        let hostname = try #require(chart30.question("hostname"))
        #expect(hostname.sets.filter { $0.applies(to: .aws) }.map(\.path) == [["ingress", "hostname"]])
        #expect(hostname.sets.filter { $0.applies(to: .do) }.count == 2)
        let security = try #require(chart30.question("smtp-security"))
        #expect(security.choice("ssl")?.sets.map { ValuePath.join($0.path) } == ["email.use_tls", "email.use_ssl"])
        #expect(security.choice("ssl")?.sets.map { $0.resolved(answer: .null) } == [.bool(false), .bool(true)])
        let pagerDuty = try #require(chart30.question("pagerduty-key"))
        let receivers = try #require(pagerDuty.sets.last).resolved(answer: .string("KEY"))
        #expect(receivers == .sequence([.mapping(YAMLMapping([
            ("name", .string("default-receiver")),
            ("pagerduty_configs", .sequence([.mapping(YAMLMapping([("routing_key", .string("KEY"))]))])),
        ]))]))
        #expect(chart30.question("smtp-port")?.defaultValue == .int(587))
        #expect(chart30.question("tier")?.defaultValue == .string("small"))
        // Chart 3.x has no value for the Let's Encrypt address.
        #expect(try Self.set("chart-3").question("email") == nil)
    }

    @Test func upgradeNotesAcrossMajors() throws {
        let notes = try UpgradeNote.all()
        let redis = try #require(notes.first { $0.from == 1 && $0.to == 2 })
        #expect(!redis.destructive)
        #expect(redis.commands(namespace: "posthog", release: "posthog")
                == [["kubectl", "-n", "posthog", "delete", "statefulset", "posthog-posthog-redis-master"]])
        let kafka = try #require(notes.first { $0.from == 2 && $0.to == 3 })
        #expect(kafka.destructive)
        #expect(kafka.commands(namespace: "ph", release: "rel") == [
            ["kubectl", "-n", "ph", "delete", "statefulset", "rel-posthog-kafka"],
            ["kubectl", "-n", "ph", "delete", "statefulset", "rel-posthog-zookeeper"],
            ["kubectl", "-n", "ph", "delete", "pvc", "data-rel-posthog-kafka-0"],
        ])
        #expect(UpgradeNote.notes(from: 1, to: 3, in: notes).map(\.id) == [redis.id, kafka.id])
        #expect(UpgradeNote.notes(from: 3, to: 3, in: notes).isEmpty)
        #expect(UpgradeNote.notes(from: 3, to: 30, in: notes).count == 6)
        #expect(!UpgradeNote.notes(from: 3, to: 30, in: notes).contains { $0.destructive })
    }

    @Test func valuePathsEscapeDots() {
        #expect(ValuePath.split(#"a.b\.c.d"#) == ["a", "b.c", "d"])
        #expect(ValuePath.join(["a", "b.c", #"d\e"#]) == #"a.b\.c.d\\e"#)
        #expect(ValuePath.split(ValuePath.join(["x.y", "z"])) == ["x.y", "z"])
    }

    @Test func overlayMergesMapsAndReplacesTheRest() throws {
        let base = try YAML.parse("a: {b: 1, c: [1, 2]}\nd: x\n", file: "base")
        let top = try YAML.parse("a: {c: [3], e: 2}\nd: {f: 1}\n", file: "top")
        #expect(YAML.emit(base.overlaid(with: top)) == "a:\n  b: 1\n  c:\n  - 3\n  e: 2\nd:\n  f: 1\n")
    }
}
