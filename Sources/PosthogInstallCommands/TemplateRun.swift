#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Effects
import Helm

/// The work behind `posthog-install template`, separated from argument parsing so tests can
/// run it and read exactly what would be printed.
struct TemplateRun {
    /// The parsed command line.
    struct Request {
        var arguments: [String]
        var valueFiles: [String] = []
        var set: [String] = []
        var setString: [String] = []
        var namespace = "default"
        var showOnly: [String] = []
        var kubeVersion: String?
        var apiVersions: [String] = []
        var includeCRDs = false
        var skipTests = false
        var isUpgrade = false
        var notes = false
        /// `--debug`: Helm's errors without the "Use --debug flag" hint, and invalid manifests printed as rendered.
        var debug = false
    }

    /// What to print and the exit status.
    struct Output: Equatable {
        var stdout = ""
        var stderr = ""
        var status: Int32 = 0
    }

    /// Reads standard input for `-f -`.
    let standardInput: () -> Data
    /// Receives the loaded chart and what the render builds, when the caller exits right after
    /// printing and would rather not free them one by one.
    var keepAlive: KeptAlive? = nil

    /// Renders, returning Helm's output or Helm's `Error: ...` text.
    func execute(_ request: Request) -> Output {
        do {
            let (name, chartPath) = try Self.nameAndChart(request.arguments)
            var options = HelmTemplateOptions()
            options.releaseName = name
            options.namespace = request.namespace
            options.set = request.set
            options.setString = request.setString
            options.kubeVersion = request.kubeVersion
            options.apiVersions = request.apiVersions
            options.includeCRDs = request.includeCRDs
            options.skipTests = request.skipTests
            options.isUpgrade = request.isUpgrade
            options.showOnly = request.showOnly
            options.debug = request.debug
            options.keepAlive = keepAlive
            options.valueFiles = try request.valueFiles.map { path in (name: path, text: try readValues(path)) }
            let chart: Chart
            do { chart = try ChartLoader.load(path: chartPath) } catch let error as ChartLoadError {
                throw RenderError(message: error.message)  // Helm's wording names no path
            }
            keepAlive?.keep(chart)
            let result = try HelmTemplate.run(chart: chart, options: options)
            keepAlive?.keep(result)
            var output = Output(stdout: result.output)
            if request.notes && !result.notes.isEmpty { output.stderr = "NOTES:\n" + result.notes }
            return output
        } catch let error as RenderError {
            return Output(stdout: error.renderedOutput ?? "", stderr: "Error: \(error.message)\n", status: 1)
        } catch {
            return Output(stderr: "Error: \(error)\n", status: 1)
        }
    }

    /// Helm's `[NAME] CHART`: one argument is the chart (release `release-name`), two are name and chart.
    static func nameAndChart(_ arguments: [String]) throws -> (String, String) {
        switch arguments.count {
        case 1: return ("release-name", arguments[0])
        case 2:
            try validateReleaseName(arguments[0])
            return (arguments[0], arguments[1])
        case 0:
            throw RenderError(
                message:
                    "\"posthog-install template\" requires at least 1 argument\n\nUsage:  posthog-install template [NAME] CHART [flags]")
        default:
            throw RenderError(
                message: "expected at most two arguments, unexpected arguments: \(arguments.dropFirst(2).joined(separator: ", "))")
        }
    }

    /// Helm's release name rule: DNS-1123 subdomain-like, at most 53 characters.
    static func validateReleaseName(_ name: String) throws {
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        let valid =
            !name.isEmpty && name.utf8.count <= 53
            && labels.allSatisfy { label in
                guard let first = label.first, let last = label.last else { return false }
                let allowed = label.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
                return allowed && first != "-" && last != "-"
            }
        if !valid {
            throw RenderError(
                message:
                    "release name \"\(name)\": invalid release name, must match regex ^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$ and the length must not be longer than 53"
            )
        }
    }

    private func readValues(_ path: String) throws -> String {
        if path.trimmingSpacesAndTabs() == "-" { return String(decoding: standardInput(), as: UTF8.self) }
        guard FileManager.default.fileExists(atPath: path) else {
            throw RenderError(message: "open \(path): no such file or directory")
        }
        // Go's os.ReadFile opens a directory and fails reading it; Helm prints that error.
        if LocalFileSystem().kind(of: path) == .directory { throw RenderError(message: "read \(path): is a directory") }
        do {
            return String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        } catch {
            throw RenderError(message: "open \(path): permission denied")
        }
    }
}
