import ArgumentParser
import Effects
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Installer

/// `posthog-install resize`: grows PostHog's data volumes.
public struct ResizeCommand: AsyncParsableCommand {
    /// Command metadata.
    public static let configuration = CommandConfiguration(
        commandName: "resize",
        abstract: "Grow the volumes of ClickHouse, PostgreSQL, Kafka or Redis (values.yaml, volumes, upgrade).",
        discussion: """
        Example: posthog-install resize --clickhouse 200Gi --context do-fra1-posthog
                 posthog-install resize --postgresql 20Gi --kafka 30Gi --dry-run

        Sizes take a unit: 60Gi, 200G, 1Ti. Volumes can only grow; a smaller size is refused and \
        nothing changes. The StorageClass must allow volume expansion. Steps: the new sizes go \
        into values.yaml (in place, previous version kept), each volume claim is grown, its \
        StatefulSet is removed with --cascade=orphan (pods keep running) so helm upgrade can \
        recreate it with the new size, then the volumes are watched until they report it.
        Exit codes: 0 done, 1 failed, 2 bad input (size, shrinking, values file), \
        4 the StorageClass does not allow growing.
        """
    )

    /// Creates the command.
    public init() {}

    @OptionGroup var clusterOptions: ClusterOptions

    @Option(name: .long, help: ArgumentHelp("New size of ClickHouse's volume (events), e.g. 200Gi.", valueName: "size"))
    var clickhouse: String?

    @Option(name: .long, help: ArgumentHelp("New size of PostgreSQL's volume, e.g. 20Gi.", valueName: "size"))
    var postgresql: String?

    @Option(name: .long, help: ArgumentHelp("New size of Kafka's volume, e.g. 30Gi.", valueName: "size"))
    var kafka: String?

    @Option(name: .long, help: ArgumentHelp("New size of Redis's volume, e.g. 10Gi.", valueName: "size"))
    var redis: String?

    @Option(name: .long, help: ArgumentHelp(
        "The chart the release was installed from, when that was a directory or a .tgz (default: posthog/posthog from the chart repository, at the installed version).",
        valueName: "chart"))
    var chart: String?

    @Option(name: [.customShort("f"), .customLong("values")], help: ArgumentHelp(
        "The values file PostHog was installed with (changed in place). Default: values.yaml.", valueName: "file"))
    var values: String = "values.yaml"

    /// Resizes and exits with its code.
    public func run() async throws {
        let profiles: [ProfileSet]
        do { profiles = try ProfileSet.all() } catch {
            Console.standard.error("Error: the built-in profiles are damaged: \(error)")
            throw ToolExitCode.failed.exitCode
        }
        let connection = try clusterOptions.connection(cloud: nil)
        let run = ResizeRun(files: LocalFileSystem(), profiles: profiles, connection: connection, clock: SystemClock(),
                            emit: { Console.standard.line($0) }, fail: { Console.standard.error($0) })
        let request = self.request
        let code = await InterruptGuard.runCommand(connection: connection, followUp: clusterOptions.followUp(simulated: connection.simulated)) {
            await run.execute(request)
        }
        if code != .success { throw code.exitCode }
    }

    var request: ResizeRun.Request {
        let given: [(String, String?)] = [("clickhouse", clickhouse), ("postgresql", postgresql), ("kafka", kafka), ("redis", redis)]
        return ResizeRun.Request(sizes: given.compactMap { name, size in size.map { (name, $0) } }, valuesPath: values, chart: chart,
                                 namespace: clusterOptions.namespace, release: clusterOptions.release,
                                 context: clusterOptions.context, yes: clusterOptions.yes, dryRun: clusterOptions.dryRun)
    }
}
