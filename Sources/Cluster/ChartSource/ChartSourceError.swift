/// Why a chart could not be found, fetched or trusted; each names what was asked and what to do.
public enum ChartSourceError: Error, Hashable, Sendable, CustomStringConvertible {
    /// `--chart` names no directory, file or `REPO/NAME`.
    case notFound(String)
    /// A directory without Chart.yaml.
    case notAChart(String)
    /// `REPO/NAME` with a repository name nobody registered.
    case unknownRepository(String)
    /// A URL that is not http(s).
    case badURL(String)
    /// The download was larger than allowed.
    case tooLarge(url: String, bytes: Int)
    /// The repository's index.yaml is malformed.
    case badIndex(url: String, message: String)
    /// The chart is not in the index.
    case chartNotInIndex(chart: String, url: String)
    /// The pinned version is not in the index.
    case versionNotFound(chart: String, version: String, nearest: [String])
    /// The index and the cache both failed.
    case unreachable(url: String, reason: String)
    /// The archive does not match the digest the index publishes.
    case digestMismatch(file: String, expected: String, actual: String)
    /// Reading or writing the cache failed.
    case cache(String)

    /// What went wrong and what to do, for people.
    public var description: String {
        switch self {
        case .notFound(let c):
            return "--chart \(c): no such directory or file, and not a REPOSITORY/CHART name. Give a chart directory, a .tgz, or posthog/posthog."
        case .notAChart(let d):
            return "--chart \(d): the directory has no Chart.yaml, so it is not a Helm chart."
        case .unknownRepository(let r):
            return "--chart: the chart repository \"\(r)\" is not known. Use posthog/posthog, or add the repository with `helm repo add \(r) URL` first."
        case .badURL(let u):
            return "\(u) is not an http(s) address."
        case let .tooLarge(url, bytes):
            return "\(url) sent \(bytes) bytes, more than a chart download should be; not used."
        case let .badIndex(url, message):
            return "The chart repository's index (\(url)) could not be read: \(message)."
        case let .chartNotInIndex(chart, url):
            return "The chart repository \(url) has no chart named \"\(chart)\"."
        case let .versionNotFound(chart, version, nearest):
            let near = nearest.isEmpty ? "" : " Nearby versions: \(nearest.joined(separator: ", "))."
            return "Chart \(chart) has no version \(version) in the repository.\(near) Pass one of them with --chart-version."
        case let .unreachable(url, reason):
            return "Could not download \(url): \(reason). No copy is cached here. Without the internet, download the chart "
                + "on another computer (helm pull posthog --repo https://posthog.github.io/charts-clickhouse/) "
                + "and pass the .tgz with --chart."
        case let .digestMismatch(file, expected, actual):
            return "\(file) does not match the checksum the chart repository publishes (expected sha256 \(expected), got \(actual)); it was not used. Try again; if it repeats, report it."
        case .cache(let m):
            return "The chart cache could not be used: \(m)."
        }
    }
}
