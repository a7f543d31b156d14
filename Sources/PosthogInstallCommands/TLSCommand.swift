import ArgumentParser
import Effects
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Installer

/// `posthog-install tls`: HTTPS for a PostHog installed from the DigitalOcean Marketplace.
public struct TLSCommand: AsyncParsableCommand {
    /// Command metadata.
    public static let configuration = CommandConfiguration(
        commandName: "tls",
        abstract: "Turn on HTTPS for a DigitalOcean 1-click install of PostHog.",
        discussion: """
            Example: posthog-install tls --hostname posthog.example.com --email ops@example.com --context do-fra1-posthog

            Finds the 1-click release, reads its ingress IP and tells you the A record to create, \
            then waits until the record resolves (nothing changes before that). It writes \
            values.yaml from the 1-click's own values plus nginx, cert-manager and your hostname, \
            upgrades the release with the same chart version, and checks the certificate. \
            Exit codes: 0 done, 1 failed or DNS not ready (run it again later), 2 bad input.
            """
    )

    /// Creates the command.
    public init() {}

    @OptionGroup var clusterOptions: ClusterOptions

    @Option(name: .long, help: ArgumentHelp("The hostname PostHog will be served on, e.g. posthog.example.com.", valueName: "host"))
    var hostname: String?

    @Option(name: .long, help: ArgumentHelp("Email for Let's Encrypt's expiry notices.", valueName: "address"))
    var email: String?

    @Option(
        name: [.customShort("f"), .customLong("values")],
        help: ArgumentHelp(
            "Where to keep the values (edited in place if it exists). Default: values.yaml.", valueName: "file"))
    var values: String = "values.yaml"

    @Option(
        name: .customLong("dns-wait"),
        help: ArgumentHelp("Minutes to wait for the DNS record (default \(Waits.minutes)).", valueName: "minutes"))
    var dnsWaitMinutes: Int = Waits.minutes

    /// Runs the flow and exits with its code.
    public func run() async throws {
        let profiles: [ProfileSet]
        do { profiles = try ProfileSet.all() } catch {
            Console.standard.error("Error: the built-in profiles are damaged: \(error)")
            throw ToolExitCode.failed.exitCode
        }
        let connection = try clusterOptions.connection(cloud: "do")
        let printer = HeadlessPrinter(emit: { Console.standard.line($0) }, emitError: { Console.standard.error($0) })
        let run = TLSRun(
            files: LocalFileSystem(), profiles: profiles, connection: connection, network: SystemNetworkProbes(),
            clock: SystemClock(), report: { printer.print($0) })
        let request = self.request
        let code = await InterruptGuard.runCommand(
            connection: connection, followUp: clusterOptions.followUp(simulated: connection.simulated)
        ) { await run.execute(request) }
        if code != .success { throw code.exitCode }
    }

    var request: TLSRun.Request {
        TLSRun.Request(
            valuesPath: values, hostname: hostname, email: email, context: clusterOptions.context,
            namespace: clusterOptions.namespace, release: clusterOptions.release, yes: clusterOptions.yes,
            dryRun: clusterOptions.dryRun, dnsWait: .seconds(max(0, dnsWaitMinutes) * 60))
    }
}
