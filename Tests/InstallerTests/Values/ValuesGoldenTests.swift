import Foundation
import Helm
import Testing
import YAML
@testable import Installer

/// One golden values.yaml per chart range × cloud × TLS × tier (Goldens/values/), every one
/// rendered through the embedded engine against a chart of ours with the same value keys.
/// Regenerate with UPDATE_GOLDENS=1 and review the diff.
@Suite struct ValuesGoldenTests {
    static let sets: [ProfileSet] = (try? ProfileSet.all()) ?? []
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")

    struct Case: CustomStringConvertible, Sendable {
        let set: String
        let cloud: Cloud
        let tls: Bool
        let tier: Tier
        var name: String { "\(cloud.rawValue)-\(tls ? "tls" : "http")-\(tier.rawValue)" }
        var description: String { "\(set)/\(name)" }
    }

    static let cases: [Case] = ["chart-3", "chart-30"].flatMap { set in
        Cloud.allCases.flatMap { cloud in [true, false].flatMap { tls in Tier.allCases.map { Case(set: set, cloud: cloud, tls: tls, tier: $0) } } }
    }

    static func sheet(_ c: Case) -> AnswerSheet {
        var answers = ["cloud": c.cloud.rawValue, "hostname": "posthog.example.com", "tls": c.tls ? "on" : "off", "tier": c.tier.rawValue]
        if c.tls && c.cloud != .gcp { answers["email"] = "ops@example.com" }
        return AnswerSheet(answers: answers)
    }

    static func generate(_ c: Case) throws -> String {
        let profile = try #require(sets.first { $0.id == c.set })
        let input = ValuesGeneration.Input(profile: profile, sheet: sheet(c), existing: nil, file: "values.yaml")
        return try ValuesGeneration.generate(input, secrets: CountingSecrets()).text
    }

    @Test(arguments: cases)
    func matchesGolden(_ c: Case) throws {
        let text = try Self.generate(c)
        let url = Self.directory.appendingPathComponent("values/\(c.set)/\(c.name).yaml")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] != nil {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        #expect(text == golden)
    }

    @Test(arguments: cases)
    func rendersWithTheEngine(_ c: Case) throws {
        let text = try Self.generate(c)
        let chart = try ChartLoader.load(path: Self.directory.appendingPathComponent("charts/\(c.set)").path)
        var options = HelmTemplateOptions()
        options.releaseName = "posthog"
        options.namespace = "posthog"
        options.valueFiles = [(name: "values.yaml", text: text)]
        let result = try HelmTemplate.run(chart: chart, options: options)
        // The test chart prints what a real install depends on; check the answers arrived.
        #expect(result.output.contains("host: posthog.example.com"))
        #expect(result.output.contains("kind: Ingress"))
        #expect(result.output.contains("secureCookies: \"\(c.tls)\""))
        #expect(result.output.contains("ingressClass: \(c.cloud == .gcp ? "gce" : "nginx")"))
        let certificates = c.cloud == .gcp ? "google-managed" : "letsencrypt"
        #expect(result.output.contains("certificates: \(certificates)"))
        #expect(result.output.contains("postgres-password: \"test"))
    }

    @Test(arguments: cases)
    func everyKeyExistsInTheRealChart(_ c: Case) throws {
        let values = try YAML.parse(try Self.generate(c), file: "values.yaml")
        let keys = try ProfileSetTests.chartKeys(c.set)
        for path in values.leafPaths where !path.isEmpty {
            #expect(ProfileSetTests.chartHas(path, keys), "\(ValuePath.join(path)) is not a key of the real \(c.set) chart")
        }
    }
}
