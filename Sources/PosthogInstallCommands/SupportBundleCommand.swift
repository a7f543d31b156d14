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

        Collects versions, the release (list, history, values, status, manifest), nodes with \
        their allocatable and requested resources, storage and snapshot classes, every object of \
        the namespace, its events, a description of every pod that is not ready, the last lines \
        of every container's log, the preflight, the newest transcripts and values.yaml, plus \
        SUMMARY.txt saying what looks wrong. Secret values, passwords and tokens are masked \
        everywhere; Secrets appear by name and keys only. A collector that fails is recorded and \
        the rest still run. An existing file is replaced only when you say so (or --force). \
        Exit codes: 0 written, 1 failed, 2 bad input (the name, the folder, an existing file), 3 stopped.
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
