import ArgumentParser
import Effects
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Installer

/// `posthog-install install`: the whole first install without the wizard, for scripts and CI.
public struct InstallCommand: AsyncParsableCommand {
    /// Command metadata.
    public static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Install PostHog: values.yaml, preflight, helm install, live progress, DNS record.",
        discussion: """
            Example: posthog-install install --cloud do --hostname posthog.example.com --tls \
            --tier small --email ops@example.com --context do-fra1-posthog

            Nothing is installed when the preflight finds a blocker (exit 4); a cluster that only looks \
            too small because its node pool grows by itself can go on with --node-pool-autoscales. \
            On GKE, --yes also reserves the missing static IP named posthog with gcloud. Without --context \
            the install only goes ahead with --yes, so a script never installs into a cluster by \
            accident. --simulate runs everything against the built-in simulated cluster.
            """
    )

    /// Creates the command.
    public init() {}

    @OptionGroup var answerOptions: AnswerOptions
    @OptionGroup var chartOptions: ChartOptions
    @OptionGroup var clusterOptions: ClusterOptions

    @Option(
        name: [.customShort("f"), .customLong("values")],
        help: ArgumentHelp(
            "The values file to use (and to write when answers are given). Default: values.yaml.", valueName: "file"))
    var values: String = "values.yaml"

    @Flag(
        name: .customLong("node-pool-autoscales"),
        help: ArgumentHelp(
            "Say that your node pool adds nodes by itself (a cluster autoscaler, as on GKE, EKS or DigitalOcean).",
            discussion: """
                A cluster that grows when pods are waiting can look too small before the install. With this \
                flag the preflight's cluster-size and pod-placement problems become warnings and the install \
                goes on; pods wait as Pending until the new nodes join (usually a few minutes). Every other \
                problem still stops the install. Without an autoscaler the pods stay Pending and the install \
                stops, so only use it when your node pool really grows by itself.
                """))
    var nodePoolAutoscales: Bool = false

    /// Runs the install and exits with its code.
    public func run() async throws {
        let profiles: [ProfileSet]
        do { profiles = try ProfileSet.all() } catch {
            Console.standard.error("Error: the built-in profiles are damaged: \(error)")
            throw ToolExitCode.failed.exitCode
        }
        let cloud =
            clusterOptions.simulate
            ? SimulatedCloudChoice.cloud(flag: answerOptions.cloud, answersPath: answerOptions.answers, valuesPath: values)
            : answerOptions.cloud
        let connection = try clusterOptions.connection(cloud: cloud)
        let run = InstallRun(
            files: LocalFileSystem(), profiles: profiles, secrets: SystemSecretSource(), connection: connection,
            clock: SystemClock(), emit: { Console.standard.line($0) },
            emitError: { Console.standard.error($0) })
        let request = self.request
        let code = await InterruptGuard.runCommand(
            connection: connection, followUp: clusterOptions.followUp(simulated: connection.simulated)
        ) { await run.execute(request) }
        if code != .success { throw code.exitCode }
    }

    var request: InstallRun.Request {
        var valuesRequest = ValuesRun.Request(answerOptions, chartOptions, output: values, dryRun: false)
        valuesRequest.chart = nil  // the install checks against the chart itself
        let a = answerOptions
        let answersGiven =
            [
                a.cloud, a.hostname, a.tier, a.email, a.smtpHost, a.externalPostgres, a.externalRedis,
                a.externalClickhouse, a.pagerdutyKey, a.answers,
            ].contains { $0 != nil } || a.tls != nil || a.prometheus
        return InstallRun.Request(
            values: valuesRequest, answersGiven: answersGiven, chart: chartOptions.chart,
            chartVersion: chartOptions.chartVersion, context: clusterOptions.context,
            namespace: clusterOptions.namespace, release: clusterOptions.release,
            yes: clusterOptions.yes, dryRun: clusterOptions.dryRun,
            consent: PreflightConsent(nodePoolAutoscales: nodePoolAutoscales))
    }
}
