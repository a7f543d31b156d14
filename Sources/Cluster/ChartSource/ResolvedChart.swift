import EmbeddedData
import Helm

/// The chart to render and install, with where it came from.
public struct ResolvedChart: Sendable {
    /// Where the chart came from.
    public enum Origin: Hashable, Sendable {
        /// A chart directory given with --chart.
        case directory(String)
        /// An archive given with --chart.
        case archive(String)
        /// A repository chart, cached at `cachePath`; `fromCache` when no download was needed or possible.
        case repository(url: String, cachePath: String, fromCache: Bool)
        /// The small stand-in chart built into the program, because nothing could be fetched.
        case standin(reason: String)
    }

    /// Where it came from.
    public var origin: Origin
    /// Chart name.
    public var name: String
    /// Chart version (empty when unknown before loading, e.g. a directory).
    public var version: String
    /// The archive's bytes (archives, repository charts); nil for directories and the stand-in.
    public var archive: [UInt8]?
    /// Things the person should know (offline, cache used, stand-in).
    public var notes: [String]

    /// A resolved chart.
    public init(origin: Origin, name: String, version: String, archive: [UInt8]?, notes: [String]) {
        self.origin = origin; self.name = name; self.version = version; self.archive = archive; self.notes = notes
    }

    /// Whether this is the built-in stand-in rather than the real chart.
    public var isStandin: Bool {
        if case .standin = origin { return true }
        return false
    }

    /// A short label: `posthog 30.46.0 (https://…, cached)` or `STAND-IN chart …`.
    public var label: String {
        switch origin {
        case .directory(let p): return "chart directory \(p)"
        case .archive(let p): return "chart archive \(p)"
        case let .repository(url, _, cached): return "\(name) \(version) from \(url)\(cached ? " (cached copy)" : "")"
        case .standin: return "STAND-IN chart (not the real PostHog chart; for simulation and previews only)"
        }
    }

    /// The path helm should be given: the directory, the archive or the cached archive (nil for the stand-in).
    public var helmPath: String? {
        switch origin {
        case .directory(let p), .archive(let p): return p
        case .repository(_, let path, _): return path
        case .standin: return nil
        }
    }

    /// The directory or archive given with `--chart`, which helm must be given as it is (nil for
    /// repository charts, which helm fetches itself, and for the stand-in).
    public var localPath: String? {
        switch origin {
        case .directory(let p), .archive(let p): return p
        case .repository, .standin: return nil
        }
    }

    /// Loads the chart for the embedded engine.
    public func load() throws -> Chart {
        switch origin {
        case .directory(let p):
            return try ChartLoader.load(path: p)
        case .archive(let p), .repository(_, let p, _):
            guard let bytes = archive else { return try ChartLoader.load(path: p) }
            return try ChartLoader.load(files: try ChartArchiveReader.read(bytes, source: p), source: p)
        case .standin:
            return try ChartLoader.load(files: Self.standinFiles(), source: "stand-in chart")
        }
    }

    /// The stand-in chart's files from `profiles/standin-chart/posthog`, paths relative to the chart.
    public static func standinFiles() -> [ChartFile] {
        let root = "standin-chart/posthog"
        return EmbeddedFiles.paths(under: root).compactMap { path in
            guard let text = EmbeddedFiles.file(path) else { return nil }
            return ChartFile(path: String(path.dropFirst(root.count + 1)), data: Array(text.utf8))
        }
    }
}
