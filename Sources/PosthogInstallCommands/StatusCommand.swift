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

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp(
        "text, or json: one JSON document for scripts (fields in docs/commands.md).", valueName: "format"))
    var output: OutputFormat = .text

    /// Runs the checks and exits with their code.
    public func run() async throws {
        let connection = try clusterOptions.connection(cloud: nil, notesToStandardError: output == .json)
        var run = StatusRun(files: LocalFileSystem(), connection: connection, network: SystemNetworkProbes(), clock: SystemClock(),
                            emit: { Console.standard.line($0) }, fail: { Console.standard.error($0) })
        run.signals = SystemSignals.shared
        let code = await run.execute(request)
        connection.printLogLocation(after: code)
        if code != .success { throw code.exitCode }
    }

    var request: StatusRun.Request {
        StatusRun.Request(valuesPath: values, namespace: clusterOptions.namespace, release: clusterOptions.release, watch: watch,
                          json: output == .json)
    }
}
