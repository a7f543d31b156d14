import GoTemplate
import Testing
@testable import Helm

/// A loaded `Chart` is an input: rendering it leaves it as it was, so one chart can be
/// rendered again with other values (the cluster lookup and the wizard do).
@Suite struct ChartReuseTests {
    static func options(_ values: [(String, String)]) -> HelmTemplateOptions {
        var options = HelmTemplateOptions()
        options.releaseName = "posthog"
        options.namespace = "posthog"
        options.valueFiles = values
        return options
    }

    @Test func oneChartRendersTwiceWithDifferentValuesAsTwoFreshLoadsDo() throws {
        let chart = try ChartLoader.load(path: HelmFixtures.chart("shop"))
        let overrides = [("override-values.yaml", try HelmFixtures.golden("shop/override-values.yaml"))]
        // The overrides switch subcharts off (a condition and a tag); the defaults need them back.
        let first = try HelmTemplate.run(chart: chart, options: Self.options(overrides))
        let second = try HelmTemplate.run(chart: chart, options: Self.options([]))
        let third = try HelmTemplate.run(chart: chart, options: Self.options(overrides))
        #expect(first.output == (try HelmFixtures.golden("shop/override.out")))
        #expect(second.output == (try HelmFixtures.golden("shop/default.out")))
        #expect(third.output == first.output)
    }

    @Test func renderingLeavesTheChartsSubchartsMetadataAndValuesAsLoaded() throws {
        let chart = try ChartLoader.load(path: HelmFixtures.chart("shop"))
        let fresh = try ChartLoader.load(path: HelmFixtures.chart("shop"))
        let overrides = [("override-values.yaml", try HelmFixtures.golden("shop/override-values.yaml"))]
        _ = try HelmTemplate.run(chart: chart, options: Self.options(overrides))
        #expect(chart.dependencies.map(\.name) == fresh.dependencies.map(\.name))
        #expect(chart.metadata.dependencies.map(\.name) == fresh.metadata.dependencies.map(\.name))
        #expect(chart.metadata.dependencies.map(\.enabled) == fresh.metadata.dependencies.map(\.enabled))
        #expect(printed(chart.values) == printed(fresh.values))
    }
}

/// `%v` of a value map: equal text means equal contents (keys print sorted).
private func printed(_ map: ValueMap) -> String { ValueFormatting.string(.map(map)) }
