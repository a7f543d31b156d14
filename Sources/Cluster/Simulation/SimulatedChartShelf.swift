import Effects
import Helm
import Installer

/// Where the simulated helm finds a repository chart (`posthog/posthog --version V`): the
/// archives `ChartSource` downloaded into the chart cache, exactly the chart a rehearsal's
/// preflight rendered. Only when the cache has none is the built-in stand-in installed, so the
/// preflight, the progress and the status all count the same pods.
struct SimulatedChartShelf: Sendable {
    /// The chart cache (`$XDG_CACHE_HOME/posthog-install/charts`); nil means nothing is cached.
    var directory: String?

    /// What the shelf found for a reference.
    enum Pick: Hashable, Sendable {
        /// A cached archive of the chart.
        case cached(path: String, version: String)
        /// Nothing cached: the stand-in chart.
        case standIn
    }

    /// The archive for `chart` at `version` (exact), or the newest cached one when no version is
    /// given (what helm does with the repository's index); the stand-in when none is cached.
    func pick(chart: String, version: String?, files: any FileSystem) -> Pick {
        guard let directory, let names = try? files.listDirectory(directory) else { return .standIn }
        let prefix = chart + "-", suffix = ".tgz"
        var found: [(VersionNumber, String)] = []
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(suffix) {
            let text = String(name.dropFirst(prefix.count).dropLast(suffix.count))
            guard let number = VersionNumber(text), files.kind(of: joinPath(directory, name)) == .file else { continue }
            if let version, VersionNumber(version) != number || version.trimmingPrefixV() != text { continue }
            found.append((number, text))
        }
        guard let best = found.max(by: { $0.0 < $1.0 }) else { return .standIn }
        return .cached(path: joinPath(directory, "\(chart)-\(best.1).tgz"), version: best.1)
    }
}

private extension String {
    func trimmingPrefixV() -> String { hasPrefix("v") ? String(dropFirst()) : self }
}
