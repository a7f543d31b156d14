import ArgumentParser
import Cluster
import Effects
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Installer

/// `posthog-install values`: writes values.yaml (and answers.yaml) from answers given as flags
/// or an answers file, without touching a cluster.
public struct ValuesCommand: ParsableCommand {
    /// Command metadata.
    public static let configuration = CommandConfiguration(
        commandName: "values",
        abstract: "Write the values.yaml for the PostHog chart from your answers (no cluster needed).",
        discussion: """
        Example: posthog-install values --cloud do --hostname posthog.example.com --tls \
        --tier small --email ops@example.com

        An existing values.yaml is edited in place: your own keys and comments stay, the \
        generated database passwords are kept, and the previous file is saved as a backup. \
        The answers are saved next to it (answers.yaml) so the next run starts from them.
        """
    )

    /// Creates the command.
    public init() {}

    @OptionGroup var answerOptions: AnswerOptions
    @OptionGroup var chartOptions: ChartOptions

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp(
        "Where to write the values (default: values.yaml in the current directory).", valueName: "file"))
    var output: String = "values.yaml"

    @Flag(name: .customLong("dry-run"), help: "Print the values and the summary without writing anything.")
    var dryRun = false

    @Flag(name: .customLong("show-secrets"), help: "With --dry-run: print the passwords in clear (they are masked as *** otherwise).")
    var showSecrets = false

    /// Generates and writes; prints the summary; exits 0, 1 (failed) or 2 (bad input).
    public func run() throws {
        let profiles: [ProfileSet]
        do { profiles = try ProfileSet.all() } catch {
            Console.standard.write("Error: the built-in profiles are damaged: \(error)\n", to: .error)
            throw ToolExitCode.failed.exitCode
        }
        var run = ValuesRun(files: LocalFileSystem(), secrets: SystemSecretSource(), profiles: profiles)
        let source = ChartSource(paths: XDGPaths.current)
        run.cachedChart = { version in source.archiveCachePath(chart: "posthog", version: version) }
        let result = run.execute(request)
        Console.standard.write(result.stdout, to: .output)
        Console.standard.write(result.stderr, to: .error)
        if result.status != .success { throw result.status.exitCode }
    }

    var request: ValuesRun.Request {
        var request = ValuesRun.Request(answerOptions, chartOptions, output: output, dryRun: dryRun)
        request.showSecrets = showSecrets
        return request
    }
}

extension ValuesRun.Request {
    /// The request for the answer and chart flags as parsed.
    init(_ a: AnswerOptions, _ chartOptions: ChartOptions, output: String, dryRun: Bool) {
        var flags = AnswerFlags()
        flags.cloud = a.cloud
        flags.hostname = a.hostname
        flags.tls = a.tls
        flags.tier = a.tier
        flags.email = a.email
        flags.smtpHost = a.smtpHost
        flags.smtpPort = a.smtpPort
        flags.smtpUser = a.smtpUser
        flags.smtpPassword = a.smtpPassword
        flags.smtpSecurity = a.smtpSecurity
        flags.smtpFrom = a.smtpFrom
        flags.externalClickhouse = a.externalClickhouse
        flags.externalPostgres = a.externalPostgres
        flags.externalRedis = a.externalRedis
        flags.prometheus = a.prometheus
        flags.pagerdutyKey = a.pagerdutyKey
        flags.chartVersion = chartOptions.chartVersion
        self.init(flags: flags, answersFile: a.answers, smtpPasswordFile: a.smtpPasswordFile,
                  output: output, chart: chartOptions.chart, dryRun: dryRun)
    }
}
