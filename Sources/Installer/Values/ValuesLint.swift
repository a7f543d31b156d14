import Helm
import YAML

/// Checks a values file against the chart it is for: keys the chart does not know (with the
/// nearest known key), and a full render through the embedded engine so the chart's own
/// `required` and `fail` messages surface before anything is installed.
public enum ValuesLint {
    /// One finding.
    public struct Finding: Equatable, Sendable, CustomStringConvertible {
        /// How serious it is.
        public enum Severity: String, Equatable, Sendable {
            /// Worth a look; the install can go ahead.
            case warning
            /// The chart will refuse these values.
            case error
        }
        /// How serious it is.
        public let severity: Severity
        /// The key it is about, if any.
        public let path: String?
        /// What to tell the person.
        public let message: String
        /// `warning: path: message`.
        public var description: String { "\(severity.rawValue): " + (path.map { "\($0): " } ?? "") + message }
    }

    /// Keys of `values` the chart does not know, each with the closest known key when one is near.
    public static func unknownKeys(_ values: YAMLValue, known: ChartValueKeys) -> [Finding] {
        var findings: [Finding] = []
        func walk(_ value: YAMLValue, _ path: [String]) {
            guard case .mapping(let mapping) = value else { return }
            for (key, child) in mapping.entries {
                let childPath = path + [key]
                if !known.contains(childPath) {
                    let hint = known.nearest(to: childPath).map { " Did you mean \($0)?" } ?? ""
                    findings.append(Finding(severity: .warning, path: ValuePath.join(childPath),
                                            message: "the chart has no such key, so it is ignored.\(hint)"))
                    continue
                }
                walk(child, childPath)
            }
        }
        walk(values, [])
        return findings
    }

    /// Renders `chart` with the values text as `helm install` would; a failure becomes an error
    /// finding that quotes the chart's own message.
    public static func render(chart: Chart, valuesText: String, file: String, namespace: String = "posthog",
                              release: String = "posthog") -> [Finding] {
        var options = HelmTemplateOptions()
        options.releaseName = release
        options.namespace = namespace
        options.valueFiles = [(name: file, text: valuesText)]
        do {
            _ = try HelmTemplate.run(chart: chart, options: options)
            return []
        } catch {
            return [Finding(severity: .error, path: nil, message: ChartRefusal.explain(String(describing: error)))]
        }
    }
}
