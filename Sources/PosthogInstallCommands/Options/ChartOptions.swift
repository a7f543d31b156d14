import ArgumentParser

/// Where the PostHog chart comes from.
public struct ChartOptions: ParsableArguments {
    /// Creates default options.
    public init() {}

    @Option(name: .long, help: ArgumentHelp(
        "The chart: a directory, a .tgz, or REPO/NAME (default: posthog/posthog from https://posthog.github.io/charts-clickhouse/).",
        valueName: "chart"))
    public var chart: String?

    @Option(name: .customLong("chart-version"), help: ArgumentHelp(
        "Pin the chart version (default: the newest the tool knows, recorded in values.yaml's answers).",
        valueName: "version"))
    public var chartVersion: String?
}
