import Effects
import Helm
import Installer

/// The version of a chart given with `--chart DIR|TGZ`, read from its Chart.yaml, so the settings
/// written (3.x or 30.x keys) are those of the chart that will really be installed.
enum LocalChartVersion {
    /// Why a `--chart` cannot be used; the message names the path and what would be valid.
    struct Problem: Error, Hashable, Sendable, CustomStringConvertible {
        /// The whole message.
        var description: String
    }

    /// The chart's version; nil when `chart` is not on disk (a `REPO/NAME` reference).
    static func read(_ chart: String, files: any FileSystem) throws(Problem) -> String? {
        let text: String
        switch files.kind(of: chart) {
        case nil:
            return nil
        case .directory?:
            let path = joinPath(chart, "Chart.yaml")
            guard let read = try? files.readString(path) else {
                throw Problem(description: "--chart \(chart): this folder has no Chart.yaml, so it is not a Helm chart. "
                    + "Give the chart's own folder (the one holding Chart.yaml, e.g. charts/posthog) or a .tgz from `helm pull posthog/posthog`.")
            }
            text = read
        default:
            let bytes: [UInt8]
            do { bytes = try files.readBytes(chart) } catch {
                throw Problem(description: "--chart \(chart): could not read it (\(error)).")
            }
            let entries: [ChartFile]
            do { entries = try ChartArchiveReader.read(bytes, source: chart) } catch {
                throw Problem(description: "--chart \(chart) is not a chart archive (\(error)). "
                    + "Give a chart folder or a .tgz from `helm pull posthog/posthog`.")
            }
            guard let file = entries.first(where: { $0.path == "Chart.yaml" }) else {
                throw Problem(description: "--chart \(chart): the archive holds no Chart.yaml at its top, so it is not a Helm chart.")
            }
            text = file.text
        }
        do {
            let metadata = try ChartMetadata(yaml: text, source: chart + "/Chart.yaml")
            guard !metadata.version.isEmpty else {
                throw Problem(description: "--chart \(chart): its Chart.yaml has no version.")
            }
            return metadata.version
        } catch let problem as Problem {
            throw problem
        } catch {
            throw Problem(description: "--chart \(chart): its Chart.yaml cannot be read (\(error)).")
        }
    }

    /// The profile set for the chart at `chart`, or nil for a repository reference; refuses
    /// charts outside the supported ranges, naming them.
    static func profile(for chart: String, files: any FileSystem, profiles: [ProfileSet]) throws(Problem) -> (ProfileSet, String)? {
        guard let version = try read(chart, files: files) else { return nil }
        guard let profile = ProfileSet.forChartVersion(version, in: profiles) else {
            throw Problem(description: "--chart \(chart) is chart version \(version), which posthog-install does not support. "
                + "Supported: \(supportedRanges(profiles)). Use a chart in one of those ranges.")
        }
        return (profile, version)
    }

    /// `>=3.0.0 <4.0.0 (chart-3), >=30.0.0 <31.0.0 (chart-30)`.
    static func supportedRanges(_ profiles: [ProfileSet]) -> String {
        profiles.map { "\($0.chart.versions) (\($0.id))" }.joined(separator: ", ")
    }
}
