import ArgumentParser
import Effects
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `posthog-install info`: how to reach an installed PostHog's data stores and alerting.
public struct InfoCommand: AsyncParsableCommand {
    /// Command metadata.
    public static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Show how to reach PostHog's ClickHouse, PostgreSQL, Redis and Prometheus, and what is installed.",
        discussion: """
        Example: posthog-install info --context do-fra1-posthog
                 posthog-install info --prometheus --port-forward

        Passwords are never printed unless you add --show-secrets; without it the output says \
        which Secret (and key) holds each one and the kubectl command that prints it. \
        Exit codes: 0 done, 1 nothing installed or the cluster could not be asked, 2 unreadable values file.
        """
    )

    /// Creates the command.
    public init() {}

    @OptionGroup var clusterOptions: ClusterOptions

    @Option(name: [.customShort("f"), .customLong("values")], help: ArgumentHelp(
        "The values file PostHog was installed with. Default: values.yaml.", valueName: "file"))
    var values: String = "values.yaml"

    @Flag(name: .customLong("show-secrets"), help: "Print the passwords (read from the cluster's Secrets).")
    var showSecrets = false

    @Flag(name: .long, help: "Also show how to open the bundled Prometheus (alerting) from this machine.")
    var prometheus = false

    @Flag(name: .customLong("port-forward"), help: ArgumentHelp(
        "With --prometheus: run the port forward to http://localhost:9090 until Ctrl-C."))
    var portForward = false

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp(
        "text, or json: one JSON document for scripts (fields in docs/commands.md; passwords only with --show-secrets).",
        valueName: "format"))
    var output: OutputFormat = .text

    /// `-o json` describes the stores only; the Prometheus instructions and port forward are for people.
    public func validate() throws {
        if output == .json, prometheus || portForward {
            throw ValidationError("-o json does not combine with --prometheus or --port-forward; run those without -o json")
        }
    }

    /// Prints the information and exits with its code.
    public func run() async throws {
        let connection = try clusterOptions.connection(cloud: nil, notesToStandardError: output == .json)
        let run = InfoRun(files: LocalFileSystem(), connection: connection, signals: SystemSignals.shared,
                          emit: { Console.standard.line($0) }, fail: { Console.standard.error($0) })
        let code = await run.execute(request)
        if code != .success { throw code.exitCode }
    }

    var request: InfoRun.Request {
        InfoRun.Request(valuesPath: values, namespace: clusterOptions.namespace, release: clusterOptions.release,
                        context: clusterOptions.context, showSecrets: showSecrets, prometheus: prometheus || portForward,
                        portForward: portForward, json: output == .json)
    }
}
