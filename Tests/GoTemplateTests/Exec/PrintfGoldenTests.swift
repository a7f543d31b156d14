import Foundation
import Testing
@testable import GoTemplate

/// 79 printf/print/%v cases and 7 html/js/urlquery cases whose expected output was produced by real Helm v4.3.
@Suite struct PrintfGoldenTests {
    static let cases: [(String, String)] = load("printf-helm.json")
    static let escaperCases: [(String, String)] = load("escapers-helm.json")

    static func load(_ name: String) -> [(String, String)] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Goldens/" + name)
        guard let data = try? Data(contentsOf: url),
              let rows = try? JSONSerialization.jsonObject(with: data) as? [[String]] else { return [] }
        return rows.compactMap { $0.count == 2 ? ($0[0], $0[1]) : nil }
    }

    static let functions: [String: TemplateFunction] = [
        "list": TemplateFunction("list") { _, args in .list(args) },
        "dict": TemplateFunction("dict") { _, args in
            let map = ValueMap()
            var i = 0
            while i + 1 < args.count {
                if case .string(let k) = args[i] { map[k] = args[i + 1] }
                i += 2
            }
            return .map(map)
        },
    ]

    @Test func everyCaseMatchesHelm() throws {
        #expect(Self.cases.count == 79)
        #expect(Self.escaperCases.count == 7)
        let data = Value.map(ValueMap(["Values": .map(ValueMap(["big": .float(1_000_000), "mid": .float(12345)]))]))
        var failures: [String] = []
        for (source, expected) in Self.cases + Self.escaperCases {
            let set = TemplateSet(functions: Self.functions)
            do {
                try set.parse(name: "t", source: source)
                let actual = try set.execute("t", data: data)
                if actual != expected { failures.append("\(source): got \(String(reflecting: actual)), want \(String(reflecting: expected))") }
            } catch {
                failures.append("\(source): \(error)")
            }
        }
        for failure in failures { Issue.record(Comment(rawValue: failure)) }
        #expect(failures.isEmpty)
    }
}
