import Foundation
@testable import Helm

/// Template snippets with what real Helm printed for each (goldens made by
/// scripts/oracle-snippets.py): each snippet is the NOTES.txt of a one-template chart.
struct SnippetGoldens: Decodable {
    struct Case: Decodable {
        let template: String
        let output: String?
        let error: String?
    }

    let valuesYAML: String
    let cases: [Case]
    /// Cases we knowingly render differently from Helm, with the reason (docs/engine-conformance.md).
    let knownDifferences: [String: String]?

    /// The goldens file `name` under Fixtures/goldens.
    static func load(_ name: String) throws -> SnippetGoldens {
        try JSONDecoder().decode(SnippetGoldens.self, from: Data(try HelmFixtures.golden(name).utf8))
    }

    /// What our engine makes of one snippet: its output, or the error message Helm would print.
    func render(_ template: String) -> (output: String?, error: String?) {
        let text: (String) -> [UInt8] = { Array($0.utf8) }
        let files = [
            ChartFile(path: "Chart.yaml", data: text("apiVersion: v2\nname: case\nversion: 0.1.0\n")),
            ChartFile(path: "values.yaml", data: text(valuesYAML)),
            ChartFile(path: "templates/placeholder.yaml", data: text("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: placeholder\n")),
            ChartFile(path: "templates/NOTES.txt", data: text(template)),
        ]
        var options = HelmTemplateOptions()
        options.releaseName = "posthog"
        options.namespace = "posthog"
        do {
            let chart = try ChartLoader.load(files: files, source: "case")
            return (try HelmTemplate.run(chart: chart, options: options).notes, nil)
        } catch let error as RenderError {
            // The oracle records Helm's error without the hint `helm template` adds to render errors.
            let hint = "\n\nUse --debug flag to render out invalid YAML"
            return (nil, error.message.hasSuffix(hint) ? String(error.message.dropLast(hint.count)) : error.message)
        } catch {
            return (nil, "\(error)")
        }
    }

    /// The cases whose result differs from Helm's, with ours (known differences included).
    func mismatches() -> [(Case, output: String?, error: String?)] {
        cases.compactMap { item in
            let ours = render(item.template)
            return ours.output == item.output && ours.error == item.error ? nil : (item, ours.output, ours.error)
        }
    }
}

extension SnippetGoldens {
    /// Differences that are not listed as known.
    func unexpectedMismatches() -> [(Case, output: String?, error: String?)] {
        mismatches().filter { knownDifferences?[$0.0.template] == nil }
    }
}
