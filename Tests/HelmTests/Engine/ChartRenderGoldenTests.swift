import Foundation
import Testing
@testable import Helm

/// Whole-chart renders compared byte for byte with what real Helm printed for the same chart.
@Suite struct ChartRenderGoldenTests {
    func render(_ chart: String, values: [(String, String)] = []) throws -> HelmTemplateResult {
        var options = HelmTemplateOptions()
        options.releaseName = "posthog"
        options.namespace = "posthog"
        options.valueFiles = values
        return try HelmTemplate.run(chart: try ChartLoader.load(path: HelmFixtures.chart(chart)), options: options)
    }

    @Test func shopChartWithDefaultsMatchesHelm() throws {
        let result = try render("shop")
        #expect(result.output == (try HelmFixtures.golden("shop/default.out")))
        #expect(result.notes == (try HelmFixtures.golden("shop/default.notes")))
    }

    @Test func shopChartWithOverridesMatchesHelm() throws {
        let values = try HelmFixtures.golden("shop/override-values.yaml")
        let result = try render("shop", values: [("override-values.yaml", values)])
        #expect(result.output == (try HelmFixtures.golden("shop/override.out")))
    }

    @Test func standInChartMatchesHelmApartFromItsRandomSecret() throws {
        let chart = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("profiles/standin-chart/posthog").path
        var options = HelmTemplateOptions()
        options.releaseName = "posthog"
        options.namespace = "posthog"
        let ours = try HelmTemplate.run(chart: try ChartLoader.load(path: chart), options: options).output
            .split(separator: "\n", omittingEmptySubsequences: false)
        let helm = try HelmFixtures.golden("standin/default.out").split(separator: "\n", omittingEmptySubsequences: false)
        let volatile = Set(try HelmFixtures.golden("standin/default.volatile").split(separator: "\n").compactMap { Int($0) })
        #expect(ours.count == helm.count)
        for (number, (mine, theirs)) in zip(ours, helm).enumerated() where mine != theirs {
            let sameKey = mine.split(separator: ":").first == theirs.split(separator: ":").first
            #expect(volatile.contains(number + 1) && sameKey, "line \(number + 1): \(mine) vs \(theirs)")
        }
    }

    struct Case: Decodable {
        let status: Int
        let stdout: String
        let stderr: String
    }

    @Test func brokenChartCasesFailAsHelmFails() throws {
        let cases = try JSONDecoder().decode([String: Case].self, from: Data(try HelmFixtures.golden("broken-cases.json").utf8))
        #expect(cases.count > 10)
        for (name, expected) in cases.sorted(by: { $0.key < $1.key }) where expected.status != 3 {
            do {
                let result = try render("broken", values: [("case.yaml", "case: \(name)\n")])
                #expect(expected.status == 0, "case \(name) rendered but Helm failed with \(expected.stderr)")
                #expect(result.output == expected.stdout, "case \(name)")
            } catch let error as RenderError {
                #expect(expected.status == 1, "case \(name) failed: \(error.message)")
                #expect("Error: " + error.message + "\n" == expected.stderr, "case \(name)")
            }
        }
    }
}
