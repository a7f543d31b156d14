import Foundation
import GoTemplate
import Testing
@testable import Helm

/// Sprig cases whose expected output was rendered by real Helm v4.3 (`.Values.f` is 0 from a values file).
@Suite struct SprigCoreGoldenTests {
    @Test func everyCaseMatchesHelm() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/goldens/sprig-core-helm.json")
        let rows = try JSONSerialization.jsonObject(with: try Data(contentsOf: url)) as? [[String]] ?? []
        #expect(rows.count == 36)
        let data = Value.map(ValueMap(["Values": .map(ValueMap(["f": .float(0), "big": .float(1_000_000), "mid": .float(12345)]))]))
        for row in rows where row.count == 2 {
            let set = TemplateSet(functions: SprigLibrary.functions)
            do {
                try set.parse(name: "t", source: row[0])
                let actual = try set.execute("t", data: data)
                #expect(actual == row[1], "\(row[0])")
            } catch {
                Issue.record("\(row[0]): \(error)")
            }
        }
    }

    @Test func typedArgumentsFailLikeGo() {
        let set = TemplateSet(functions: SprigLibrary.functions)
        #expect(throws: ExecError.self) {
            try set.parse(name: "t", source: "{{ indent \"2\" \"x\" }}")
            _ = try set.execute("t", data: .null)
        }
    }
}
