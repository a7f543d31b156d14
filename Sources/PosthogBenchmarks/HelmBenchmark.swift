import Foundation
import Helm

/// `helm template` of a whole chart with the embedded engine: load, render, sort.
/// Uses the chart in POSTHOG_CHART (e.g. the real PostHog chart) or the stand-in chart, with
/// the values file in POSTHOG_CHART_VALUES if given.
enum HelmBenchmark {
    static func run() {
        let environment = ProcessInfo.processInfo.environment
        let path = environment["POSTHOG_CHART"] ?? standInChart()
        let rounds = Int(environment["POSTHOG_CHART_ROUNDS"] ?? "") ?? 5
        var loadTotal = 0.0, renderTotal = 0.0
        var output = ""
        for _ in 0..<rounds {
            let t0 = DispatchTime.now().uptimeNanoseconds
            guard let chart = try? ChartLoader.load(path: path) else { print("helm: cannot load \(path)"); return }
            let t1 = DispatchTime.now().uptimeNanoseconds
            var options = HelmTemplateOptions()
            options.releaseName = "posthog"
            options.namespace = "posthog"
            if let valuesPath = environment["POSTHOG_CHART_VALUES"],
               let text = try? String(contentsOfFile: valuesPath, encoding: .utf8) {
                options.valueFiles = [(name: valuesPath, text: text)]
            }
            do { output = try HelmTemplate.run(chart: chart, options: options).output } catch {
                print("helm: render failed: \(error)")
                return
            }
            let t2 = DispatchTime.now().uptimeNanoseconds
            loadTotal += Double(t1 - t0) / 1e6
            renderTotal += Double(t2 - t1) / 1e6
        }
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).count
        let documents = output.components(separatedBy: "\n---\n").count
        print("helm: \(path): \(documents) documents, \(lines) lines")
        print(String(format: "helm: load %.1f ms, render+sort %.1f ms (mean of %d)", loadTotal / Double(rounds),
                     renderTotal / Double(rounds), rounds))
        print("helm: peak resident memory \(peakResidentMegabytes()) MiB")
    }

    static func standInChart() -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("profiles/standin-chart/posthog").path
    }

    /// ru_maxrss of this process.
    static func peakResidentMegabytes() -> Int {
        var usage = rusage()
        getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
        return usage.ru_maxrss / 1024
    }
}
