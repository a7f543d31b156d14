import Cluster
import Installer

/// Why the chart to install could not be had, and the way to get it by hand.
enum ChartUnavailableText {
    /// The message for `error`, for chart `version` of `info`'s repository.
    static func message(_ error: any Error, version: String, info: ChartInfo) -> String {
        guard let problem = error as? ChartSourceError else { return "The chart could not be loaded: \(error)" }
        switch problem {
        case .unreachable:
            return problem.description + " Nothing was changed. On a computer with internet access: "
                + "`helm repo add \(info.repositoryName) \(info.repository)` and "
                + "`helm pull \(info.repositoryName)/\(info.chart) --version \(version)`, then run this again with "
                + "--chart \(info.chart)-\(version).tgz."
        default:
            return problem.description + " Nothing was changed."
        }
    }

    /// Whether the person's `--chart`/`--chart-version` is at fault (exit 2) rather than the network or disk.
    static func isBadInput(_ error: any Error) -> Bool {
        guard let problem = error as? ChartSourceError else { return false }
        switch problem {
        case .notFound, .notAChart, .unknownRepository, .versionNotFound, .chartNotInIndex: return true
        default: return false
        }
    }
}
