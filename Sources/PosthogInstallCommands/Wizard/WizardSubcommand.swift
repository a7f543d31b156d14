import ArgumentParser

/// `posthog-install [wizard]`: the full-screen wizard. Its flags live here rather than on the
/// root command, because flags of the root are parsed for every subcommand and would take
/// `install --simulate` away from the install.
struct WizardSubcommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wizard",
        abstract: "The interactive wizard (what posthog-install runs without a command).",
        discussion: """
            Asks where your cluster runs, the hostname, HTTPS and the size, shows values.yaml and the \
            exact commands, and installs after you confirm. When PostHog is installed already, it offers \
            the upgrade, HTTPS for a DigitalOcean 1-click install, larger volumes, connection details \
            and the uninstall instead.
            """)

    @Flag(
        name: .long,
        help: ArgumentHelp(
            "Use the built-in simulated cluster instead of kubectl's current context (used anyway when kubectl has none)."))
    var simulate: Bool = false

    @Option(
        name: .customLong("simulate-nodes"),
        help: ArgumentHelp(
            "Nodes of the simulated cluster, e.g. 2x2cpu4gi or 3x4cpu16gi (default: 2x2cpu4gi); implies --simulate.",
            valueName: "spec"))
    var simulateNodes: String?

    /// Runs the wizard in a terminal; elsewhere explains the headless commands.
    func run() async throws {
        let status = await WizardCommand.main(.init(simulate: simulate, simulateNodes: simulateNodes))
        if status != .success { throw status.exitCode }
    }
}
