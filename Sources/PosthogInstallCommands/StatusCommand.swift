import ArgumentParser
import Effects
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `posthog-install status`: the doctor — release, pods, problems, address, DNS and TLS.
public struct StatusCommand: AsyncParsableCommand {
    /// Command metadata.
    public static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show how PostHog is doing: pods and their problems, the address, DNS and TLS checks.",
        discussion: """
        Safe to run at any time; it changes nothing. After quitting an install, \
        `posthog-install status --watch` keeps watching until PostHog is ready.
        Exit code 0 when the release is deployed and every pod is ready, 1 otherwise.
        """
    )

    /// Creates the command.
    public init() {}

    @OptionGroup var clusterOptions: ClusterOptions

    @Option(name: [.customShort("f"), .customLong("values")], help: ArgumentHelp(
        "The saved values file, for the hostname to check. Default: values.yaml.", valueName: "file"))
    var values: String = "values.yaml"

    @Flag(name: .long, help: ArgumentHelp("Keep watching until every pod is ready (or a problem stops it)."))
    var watch = false

    /// Runs the checks and exits with their code.
    public func run() async throws {
        let connection = try clusterOptions.connection(cloud: nil)
        let run = StatusRun(files: LocalFileSystem(), connection: connection, network: SystemNetworkProbes(), clock: SystemClock(),
                            emit: { print($0) })
        let code = await run.execute(StatusRun.Request(valuesPath: values, namespace: clusterOptions.namespace,
                                                       release: clusterOptions.release, watch: watch))
        connection.printLogLocation(after: code)
        if code != .success { throw code.exitCode }
    }
}
