import Installer
import YAML

/// A chart repository's `index.yaml`: every chart's versions with their download URLs and digests.
public struct ChartRepositoryIndex: Hashable, Sendable {
    /// One published version of a chart.
    public struct Entry: Hashable, Sendable {
        /// Chart name.
        public var name: String
        /// Version as published (`30.46.0`).
        public var version: String
        /// The PostHog version it deploys.
        public var appVersion: String
        /// Download URLs (absolute, or relative to the repository).
        public var urls: [String]
        /// The archive's SHA-256 (lowercase hex); empty when the index gives none.
        public var digest: String
        /// Whether the chart is marked deprecated.
        public var deprecated: Bool
    }

    /// Entries per chart name, newest version first.
    public var entries: [String: [Entry]]

    /// Parses index.yaml text; `source` names it in errors.
    public init(yaml text: String, source: String) throws(ChartSourceError) {
        let root: YAMLValue
        do { root = try YAML.parse(text, file: source, options: .helm) } catch {
            throw .badIndex(url: source, message: "\(error)")
        }
        guard case .mapping(let top) = root else { throw .badIndex(url: source, message: "it is not a YAML mapping") }
        guard let entriesValue = top["entries"], case .mapping(let charts) = entriesValue else {
            throw .badIndex(url: source, message: "it has no `entries` mapping")
        }
        var out: [String: [Entry]] = [:]
        for (chart, list) in charts.entries {
            guard case .sequence(let items) = list else {
                throw .badIndex(url: source, message: "entries.\(chart) is not a list")
            }
            var parsed: [Entry] = []
            for (i, item) in items.enumerated() {
                guard case .mapping = item, let version = Self.scalar(item["version"]), !version.isEmpty else {
                    throw .badIndex(url: source, message: "entries.\(chart)[\(i)] has no version")
                }
                var urls: [String] = []
                if case .sequence(let us)? = item["urls"] { urls = us.compactMap { Self.scalar($0) } }
                parsed.append(Entry(name: Self.scalar(item["name"]) ?? chart, version: version,
                                    appVersion: Self.scalar(item["appVersion"]) ?? "", urls: urls,
                                    digest: (Self.scalar(item["digest"]) ?? "").lowercased(),
                                    deprecated: item["deprecated"] == .bool(true)))
            }
            out[chart] = parsed.sorted { a, b in
                switch (VersionNumber(a.version), VersionNumber(b.version)) {
                case let (x?, y?): return x > y
                case (.some, nil): return true
                case (nil, .some): return false
                case (nil, nil): return a.version > b.version
                }
            }
        }
        entries = out
    }

    /// The entry of `chart` at `version` (a leading `v` is ignored on either side).
    public func entry(chart: String, version: String) -> Entry? {
        let want = version.hasPrefix("v") ? String(version.dropFirst()) : version
        return entries[chart]?.first { ($0.version.hasPrefix("v") ? String($0.version.dropFirst()) : $0.version) == want }
    }

    /// The newest release (not pre-release) of `chart`.
    public func newest(chart: String) -> Entry? {
        entries[chart]?.first { VersionNumber($0.version)?.prerelease.isEmpty ?? false }
    }

    /// Up to `count` published versions closest to `version` (same major first), for error messages.
    public func nearest(chart: String, to version: String, count: Int = 3) -> [String] {
        guard let list = entries[chart], !list.isEmpty else { return [] }
        guard let want = VersionNumber(version) else { return list.prefix(count).map(\.version) }
        func distance(_ e: Entry) -> (Int, Int, Int) {
            guard let v = VersionNumber(e.version) else { return (Int.max, Int.max, Int.max) }
            return (abs(v.major - want.major), abs(v.minor - want.minor), abs(v.patch - want.patch))
        }
        return list.sorted { distance($0) < distance($1) }.prefix(count).map(\.version)
    }

    private static func scalar(_ v: YAMLValue?) -> String? {
        switch v {
        case .string(let s)?: return s
        case .int(let i)?: return String(i)
        case .float(let d)?: return String(d)
        case .bool(let b)?: return String(b)
        default: return nil
        }
    }
}
