import Foundation
import GoTemplate
import Testing
@testable import Helm

/// toYaml/fromYaml/fromYamlArray against real Helm v4.3 output.
@Suite struct HelmYAMLFunctionTests {
    @Test func everyCaseMatchesHelm() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/goldens/helm-yaml-functions.json")
        let rows = try JSONSerialization.jsonObject(with: try Data(contentsOf: url)) as? [[String]] ?? []
        #expect(rows.count == 10)
        let data = Value.map(ValueMap(["Values": .map(ValueMap(["f": .float(0), "big": .float(1_000_000), "mid": .float(12345)]))]))
        let functions = SprigLibrary.functions.merging(HelmFunctions.functions) { a, _ in a }
        for row in rows where row.count == 2 {
            let set = TemplateSet(functions: functions)
            do {
                try set.parse(name: "t", source: row[0])
                #expect(try set.execute("t", data: data) == row[1], "\(row[0])")
            } catch {
                Issue.record("\(row[0]): \(error)")
            }
        }
    }
}
