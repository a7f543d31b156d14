import ArgumentParser
import Effects
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Installer

/// `posthog-install support-bundle`: everything needed to ask for help, passwords masked.
public struct SupportBundleCommand: AsyncParsableCommand {
    /// Command metadata.
    public static let configuration = CommandConfiguration(
        commandName: "support-bundle",
        abstract: "Collect what someone helping you needs into one .tar.gz, with passwords masked.",
        discussion: """
        Example: posthog-install support-bundle --context do-fra1-posthog -o posthog-support.tar.gz

        Collects kubectl's and helm's versions, the release (list, history, its values, status), \
        the nodes and storage classes, the namespace's objects, events and pod descriptions, the \
        names of its secrets (never their contents) and the last lines of every container's log \
        (and of its previous run after a restart), plus the values.yaml posthog-install used. \
        Passwords, tokens and the values of password-like keys are masked everywhere. What \
        cannot be collected is listed in the bundle's README.txt and the rest is still written. \
        Exit codes: 0 written, 1 failed, 2 bad input.
        """
    )

    /// Creates the command.
    public init() {}

    @OptionGroup var clusterOptions: ClusterOptions

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp(
        "Where to write the bundle (default: posthog-support-TIME.tar.gz here).", valueName: "file.tar.gz"))
    var output: String?

    @Option(name: [.customShort("f"), .customLong("values")], help: ArgumentHelp(
        "The values file to include (masked). Default: values.yaml.", valueName: "file"))
    var values: String = "values.yaml"

    @Flag(name: .customLong("force"), help: ArgumentHelp("Replace the output file if it exists."))
    var force = false

    /// Writes the bundle and exits with its code.
    public func run() async throws {
        let connection = try clusterOptions.connection(cloud: nil)
        var run = SupportBundleRun(files: LocalFileSystem(), connection: connection, clock: SystemClock(), emit: { Console.standard.line($0) })
        run.fail = { Console.standard.error($0) }
        run.ask = LinePrompt.isAvailable ? LinePrompt.yesNo : nil
        run.profiles = (try? ProfileSet.all()) ?? []
        let fixed = run
        let request = SupportBundleRun.Request(output: output, valuesPath: values, context: clusterOptions.context,
                                               namespace: clusterOptions.namespace, release: clusterOptions.release, force: force,
                                               transcriptDirectory: XDGPaths.current.stateDirectory)
        let code = await InterruptGuard.runCommand(connection: connection, followUp: clusterOptions.followUp(simulated: connection.simulated)) {
            await fixed.execute(request)
        }
        if code != .success { throw code.exitCode }
    }
}
