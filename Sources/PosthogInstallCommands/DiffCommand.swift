import ArgumentParser
import Effects
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Installer

/// `posthog-install diff`: what an upgrade with the saved values would change, before it runs.
public struct DiffCommand: AsyncParsableCommand {
    /// Command metadata.
    public static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what an upgrade would change in the cluster, with the changes Kubernetes would refuse or that lose data.",
        discussion: """
        Example: posthog-install diff --context do-fra1-posthog --details

        Renders the chart (the newest this version of posthog-install knows, or --chart-version) \
        with the saved values.yaml and compares it with what the release has deployed \
        (helm get manifest): one line per object added, changed or deleted, with the reason, \
        and under it what Kubernetes would refuse (a StatefulSet's volume claim templates, a \
        selector, a Service's clusterIP, a Job's template), what loses data (deleted volume \
        claims, or StatefulSets that own them) and which secrets change. Secret values are \
        never shown, only whether each key changes. Nothing is changed, values.yaml included. \
        Exit codes: 0 shown, 1 the release or its objects could not be read, 2 bad input.
        """
    )

    /// Creates the command.
    public init() {}

    @OptionGroup var chartOptions: ChartOptions
    @OptionGroup var clusterOptions: ClusterOptions

    @Option(name: [.customShort("f"), .customLong("values")], help: ArgumentHelp(
        "The values file saved at install time. Default: values.yaml.", valueName: "file"))
    var values: String = "values.yaml"

    @Flag(name: .customLong("details"), help: ArgumentHelp("Also print each changed object's diff (secret values hidden)."))
    var details = false

    /// Shows the change table and exits with its code.
    public func run() async throws {
        var request = UpgradeRun.Request(valuesPath: values, chart: chartOptions.chart, chartVersion: chartOptions.chartVersion,
                                         context: clusterOptions.context, namespace: clusterOptions.namespace,
                                         release: clusterOptions.release, yes: true, dryRun: true)
        request.previewOnly = true
        request.details = details
        try await UpgradeCommand.execute(request, clusterOptions: clusterOptions)
    }
}
