import ArgumentParser
import Effects
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `posthog-install uninstall`: removes the release; volumes stay unless the namespace goes too.
public struct UninstallCommand: AsyncParsableCommand {
    /// Command metadata.
    public static let configuration = CommandConfiguration(
        commandName: "uninstall",
        abstract: "Uninstall PostHog, list what is left (volumes with data), and delete the namespace if asked.",
        discussion: """
        helm uninstall leaves PostHog's volumes (its data) and some secrets in the namespace; \
        they are listed afterwards. --delete-namespace removes them too, which cannot be undone. \
        In a terminal each step is confirmed with a question; scripts pass --yes. \
        Exit codes: 0 done, 1 failed, 2 needs --yes, 3 you answered no.
        """
    )

    /// Creates the command.
    public init() {}

    @OptionGroup var clusterOptions: ClusterOptions

    @Flag(name: .customLong("delete-namespace"), help: ArgumentHelp(
        "Also delete the namespace with its volumes and secrets (PostHog's data is gone for good)."))
    var deleteNamespace = false

    /// Runs the uninstall and exits with its code.
    public func run() async throws {
        let connection = try clusterOptions.connection(cloud: nil)
        let ask: (@Sendable (String) -> Bool)? = LinePrompt.isAvailable ? LinePrompt.yesNo : nil
        let run = UninstallRun(connection: connection, clock: SystemClock(), ask: ask, emit: { Console.standard.line($0) }, fail: { Console.standard.error($0) })
        let request = self.request
        let code = await InterruptGuard.runCommand(connection: connection, followUp: clusterOptions.followUp(simulated: connection.simulated)) {
            await run.execute(request)
        }
        if code != .success { throw code.exitCode }
    }

    var request: UninstallRun.Request {
        UninstallRun.Request(context: clusterOptions.context, namespace: clusterOptions.namespace, release: clusterOptions.release,
                             deleteNamespace: deleteNamespace, yes: clusterOptions.yes, dryRun: clusterOptions.dryRun)
    }
}
