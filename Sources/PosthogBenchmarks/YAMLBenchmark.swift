import Foundation
import YAML

/// Parse + emit of a chart-sized values.yaml (the PostHog chart's, when a copy is given).
enum YAMLBenchmark {
    static func run() {
        let path = ProcessInfo.processInfo.environment["POSTHOG_VALUES_YAML"]
        let text: String
        let source: String
        if let path, let contents = try? String(contentsOfFile: path, encoding: .utf8) {
            text = contents
            source = path
        } else {
            text = generated(lines: 3400)
            source = "generated 3,400-line values file (set POSTHOG_VALUES_YAML to use a real one)"
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
        let rounds = 50
        var parseTotal = 0.0
        var emitTotal = 0.0
        var value = YAMLValue.null
        for _ in 0..<rounds {
            let t0 = DispatchTime.now().uptimeNanoseconds
            value = (try? YAML.parse(text, file: "values.yaml")) ?? .null
            let t1 = DispatchTime.now().uptimeNanoseconds
            _ = YAML.emit(value.jsonNormalized())
            let t2 = DispatchTime.now().uptimeNanoseconds
            parseTotal += Double(t1 - t0) / 1e6
            emitTotal += Double(t2 - t1) / 1e6
        }
        let parse = parseTotal / Double(rounds)
        let emit = emitTotal / Double(rounds)
        print("yaml: \(source), \(lines) lines")
        print(String(format: "yaml: parse %.2f ms, emit %.2f ms, together %.2f ms (mean of %d)", parse, emit, parse + emit, rounds))
    }

    /// A values-like file: nested mappings, lists, comments and quoted strings.
    static func generated(lines: Int) -> String {
        var out = ""
        var n = 0
        var section = 0
        while n < lines {
            out += "# section \(section)\ncomponent\(section):\n  enabled: true\n  image:\n    repository: posthog/posthog\n    tag: \"1.\(section)\"\n"
            out += "  resources:\n    requests:\n      cpu: 250m\n      memory: 256Mi\n  env:\n    - name: VAR_\(section)\n      value: \"x\"\n"
            out += "  annotations: {}\n  tolerations: []\n  replicas: \(section % 5 + 1)\n"
            n += 17
            section += 1
        }
        return out
    }
}
