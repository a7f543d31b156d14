import Foundation
import GoTemplate
import Testing
@testable import Helm

/// Helm's `toToml`, `mustToToml`, `fromToml` and `toYamlPretty` against what Helm v4.3 printed
/// for the same snippets and values file.
@Suite struct HelmTOMLFunctionTests {
    /// The golden file: the values file, `[template, output]` pairs and `[template, error]` pairs.
    struct Golden: Decodable {
        let values: String
        let cases: [[String]]
        let errors: [[String]]
    }

    static let golden: Golden = {
        let text = (try? HelmFixtures.golden("helm-toml-functions.json")) ?? "{}"
        return (try? JSONDecoder().decode(Golden.self, from: Data(text.utf8))) ?? Golden(values: "", cases: [], errors: [])
    }()

    private func render(_ template: String) throws -> String {
        let values = try ValueConversion.valuesMap(Self.golden.values, file: "values.yaml")
        let set = TemplateSet(functions: SprigLibrary.functions.merging(HelmFunctions.functions) { _, helm in helm })
        try set.parse(name: "t", source: template)
        return try set.execute("t", data: .map(ValueMap(["Values": .map(values)])))
    }

    /// Where our output knowingly differs: a `[[x]]` list is a Go `[]map[string]interface {}`,
    /// which `typeOf` names, while our values only have one list type.
    static let knownDifferences: [String: (helm: String, ours: String)] = [
        "[]map[string]interface {}": (helm: "[]map[string]interface {}", ours: "[]interface {}"),
    ]

    private func check(_ select: (String) -> Bool) throws {
        let cases = Self.golden.cases.filter { select($0[0]) }
        #expect(cases.count > 15)
        for pair in cases {
            let output = try render(pair[0])
            var expected = pair[1]
            for (marker, difference) in Self.knownDifferences where pair[0].contains("typeOf") && expected.contains(marker) {
                expected = expected.replacingOccurrences(of: difference.helm, with: difference.ours)
            }
            #expect(output == expected, "\(pair[0])")
        }
    }

    @Test func toTomlMatchesHelm() throws {
        try check { !$0.contains("fromToml") && !$0.contains("toYamlPretty") }
    }

    @Test func fromTomlMatchesHelm() throws {
        try check { $0.contains("fromToml") }
    }

    @Test func toYamlPrettyMatchesHelm() throws {
        try check { $0.contains("toYamlPretty") && !$0.contains("fromToml") }
    }

    @Test func failuresMatchHelm() throws {
        #expect(Self.golden.errors.count >= 4)
        for pair in Self.golden.errors {
            let error = #expect(throws: ExecError.self) { _ = try render(pair[0]) }
            #expect(error?.message == pair[1], "\(pair[0])")
        }
    }
}
