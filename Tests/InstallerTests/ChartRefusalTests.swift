import Testing
@testable import Installer

/// Render failures in install, upgrade and the wizard: the chart's message, where it came
/// from, and what to do, instead of Helm's hint about a --debug flag those commands lack.
@Suite struct ChartRefusalTests {
    @Test func aRefusalSaysWhatToChange() {
        let text = ChartRefusal.explain("execution error at (posthog/templates/x.yaml:3:4): 'cloud' value is required\n\nUse --debug flag to render out invalid YAML")
        #expect(text.hasPrefix("The chart refuses these values: 'cloud' value is required (posthog/templates/x.yaml, line 3)."))
        #expect(text.contains("Change that setting in values.yaml"))
        #expect(!text.contains("Use --debug flag"))
    }

    @Test func invalidYAMLPointsToTheTemplateCommandsDebug() {
        let text = ChartRefusal.explain("YAML parse error on posthog/templates/x.yaml: yaml: line 6: mapping values are not allowed\n\nUse --debug flag to render out invalid YAML")
        #expect(text.contains("posthog-install template posthog CHART -f values.yaml --debug"))
        #expect(!text.contains("Use --debug flag"))
    }
}
