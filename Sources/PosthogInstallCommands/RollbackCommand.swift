import ArgumentParser
import Effects
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Installer

/// `posthog-install rollback`: back to an earlier revision, with the values.yaml that went with it.
public struct RollbackCommand: AsyncParsableCommand {
    /// Command metadata.
    public static let configuration = CommandConfiguration(
        commandName: "rollback",
        abstract: "Roll PostHog back to an earlier revision and restore the values.yaml that went with it.",
        discussion: """
        Example: posthog-install rollback --context do-fra1-posthog --to-revision 3

        Shows the release's history (helm history), runs helm rollback to --to-revision (default: \
        the last revision before the current one that was deployed), puts back the copy of \
        values.yaml kept for that revision (the one it replaces is kept as a backup), and \
        watches the pods until they are ready. Copies are kept beside values.yaml in \
        .posthog-install-history/ by every install, upgrade and rollback. Asks first on a \
        terminal; scripts pass --yes. \
        Exit codes: 0 rolled back, 1 failed, 2 bad input or a confirmation is missing, 3 stopped.
        """
    )

    /// Creates the command.
    public init() {}

    @OptionGroup var clusterOptions: ClusterOptions

    @Option(name: [.customShort("f"), .customLong("values")], help: ArgumentHelp(
        "The values file to restore (changed in place, with a backup). Default: values.yaml.", valueName: "file"))
    var values: String = "values.yaml"

    @Option(name: .customLong("to-revision"), help: ArgumentHelp(
        "The revision to go back to (helm history lists them). Default: the one before the current.", valueName: "n"))
    var toRevision: Int?

    /// Rolls back and exits with its code.
    public func run() async throws {
        let connection = try clusterOptions.connection(cloud: nil)
        let printer = HeadlessPrinter(emit: { Console.standard.line($0) }, emitError: { Console.standard.error($0) })
        var run = RollbackRun(files: LocalFileSystem(), connection: connection, clock: SystemClock(), report: { printer.print($0) })
        run.ask = LinePrompt.isAvailable ? LinePrompt.yesNo : nil
        let request = RollbackRun.Request(valuesPath: values, toRevision: toRevision, context: clusterOptions.context,
                                          namespace: clusterOptions.namespace, release: clusterOptions.release,
                                          yes: clusterOptions.yes, dryRun: clusterOptions.dryRun)
        let fixed = run
        let code = await InterruptGuard.runCommand(connection: connection, followUp: clusterOptions.followUp(simulated: connection.simulated)) {
            await fixed.execute(request)
        }
        if code != .success { throw code.exitCode }
    }
}
