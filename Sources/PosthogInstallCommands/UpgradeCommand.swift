import ArgumentParser
import Effects
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Installer

/// `posthog-install upgrade`: a newer chart with the saved values, after its upgrade notes.
public struct UpgradeCommand: AsyncParsableCommand {
    /// Command metadata.
    public static let configuration = CommandConfiguration(
        commandName: "upgrade",
        abstract: "Upgrade PostHog with the saved values.yaml, showing the chart's upgrade notes first.",
        discussion: """
            Example: posthog-install upgrade --context do-fra1-posthog

            Upgrades that cross a chart major version show its upgrade notes; steps they need \
            run only with --yes, and steps that can lose data also need --accept-data-loss. \
            Where the cluster has a VolumeSnapshotClass, --snapshot takes VolumeSnapshots of the \
            volumes at risk before helm upgrade and lists them afterwards. \
            Keys the new chart renamed are moved in values.yaml (a backup is kept). \
            Exit codes: 0 upgraded, 1 failed, 2 bad input or a confirmation is missing, \
            4 the preflight found a blocker.
            """
    )

    /// Creates the command.
    public init() {}

    @OptionGroup var chartOptions: ChartOptions
    @OptionGroup var clusterOptions: ClusterOptions

    @Option(
        name: [.customShort("f"), .customLong("values")],
        help: ArgumentHelp(
            "The values file saved at install time. Default: values.yaml.", valueName: "file"))
    var values: String = "values.yaml"

    @Flag(
        name: .customLong("accept-data-loss"),
        help: ArgumentHelp(
            "Allow upgrade steps that delete volumes (the notes say which). Back up first."))
    var acceptDataLoss = false

    @Flag(
        name: .customLong("snapshot"),
        help: ArgumentHelp(
            "With --accept-data-loss: first take CSI VolumeSnapshots of the volumes the change table puts at risk (needs a VolumeSnapshotClass)."
        ))
    var snapshot = false

    @Flag(
        name: .customLong("rollback-on-failure"),
        help: ArgumentHelp(
            "If helm upgrade fails or the new pods do not become ready, roll back to the revision before it (with its values.yaml)."))
    var rollbackOnFailure = false

    /// Runs the upgrade and exits with its code.
    public func run() async throws {
        try await Self.execute(request, clusterOptions: clusterOptions)
    }

    /// Runs `request` headless (printing to the standard streams, Ctrl-C guarded) and exits with
    /// its code; `diff` runs the same upgrade with `previewOnly`.
    static func execute(_ request: UpgradeRun.Request, clusterOptions: ClusterOptions) async throws {
        let profiles: [ProfileSet]
        let notes: [UpgradeNote]
        do {
            profiles = try ProfileSet.all()
            notes = try UpgradeNote.all()
        } catch {
            Console.standard.error("Error: the built-in profiles are damaged: \(error)")
            throw ToolExitCode.failed.exitCode
        }
        let connection = try clusterOptions.connection(cloud: nil)
        let printer = HeadlessPrinter(emit: { Console.standard.line($0) }, emitError: { Console.standard.error($0) })
        let run = UpgradeRun(
            files: LocalFileSystem(), profiles: profiles, notes: notes, connection: connection,
            clock: SystemClock(), report: { printer.print($0) })
        let code = await InterruptGuard.runCommand(
            connection: connection, followUp: clusterOptions.followUp(simulated: connection.simulated)
        ) {
            await run.execute(request)
        }
        if code != .success { throw code.exitCode }
    }

    var request: UpgradeRun.Request {
        UpgradeRun.Request(
            valuesPath: values, chart: chartOptions.chart, chartVersion: chartOptions.chartVersion,
            context: clusterOptions.context, namespace: clusterOptions.namespace, release: clusterOptions.release,
            yes: clusterOptions.yes, acceptDataLoss: acceptDataLoss, dryRun: clusterOptions.dryRun,
            rollbackOnFailure: rollbackOnFailure, snapshot: snapshot)
    }
}
