import Foundation
import Testing
@testable import YAML

/// Goldens produced by real Helm (`toYaml .Values` of the input file), compared byte for byte.
@Suite struct EmitterGoldenTests {
    static let goldens = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")

    @Test func matchesHelmToYamlForEveryCornerCase() throws {
        let input = try String(contentsOf: Self.goldens.appendingPathComponent("toyaml-input.json.yaml"), encoding: .utf8)
        let expected = try String(contentsOf: Self.goldens.appendingPathComponent("toyaml-expected.yaml"), encoding: .utf8)
        let value = try YAML.parse(input, file: "toyaml-input.json.yaml").jsonNormalized()
        let emitted = YAML.emit(value)
        // Helm's toYaml trims the final newline; the file was written without it.
        let actual = String(emitted.dropLast(emitted.hasSuffix("\n") ? 1 : 0))
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for (i, (a, e)) in zip(actualLines, expectedLines).enumerated() where a != e {
            Issue.record("line \(i + 1): got \(String(reflecting: String(a))), want \(String(reflecting: String(e)))")
            break
        }
        #expect(actual == expected)
    }

    @Test(arguments: [
        (YAMLValue.string("yes"), "\"yes\"\n"), (.string("plain"), "plain\n"), (.int(3), "3\n"), (.float(1.5), "1.5\n"),
        (.float(1e6), "1e+06\n"), (.float(100000), "100000\n"), (.null, "null\n"), (.bool(true), "true\n"),
        (.mapping(YAMLMapping()), "{}\n"), (.sequence([]), "[]\n"), (.float(-.infinity), "-.inf\n"),
        (.mapping(YAMLMapping([("k", .sequence([.string("a"), .string("b")]))])), "k:\n- a\n- b\n"),
        (.string(""), "\"\"\n"),
    ])
    func emitsSingleValues(value: YAMLValue, expected: String) {
        #expect(YAML.emit(value) == expected)
    }

    /// Emitting then parsing gives the same value (a float like 3.0 comes back as the int 3,
    /// as with go-yaml, so compare the JSON-normalized forms).
    @Test func roundTripsTheInput() throws {
        let input = try String(contentsOf: Self.goldens.appendingPathComponent("toyaml-input.json.yaml"), encoding: .utf8)
        let value = try YAML.parse(input, file: "in").jsonNormalized()
        #expect(try YAML.parse(YAML.emit(value), file: "out").jsonNormalized() == value)
    }
}

