import ArgumentParser

/// The root command: `posthog-install` and its subcommands.
public struct PosthogInstall: AsyncParsableCommand {
    /// Command metadata: help abstract, version and subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "posthog-install",
        abstract: "Install, upgrade and look after a self-hosted PostHog on Kubernetes.",
        discussion: """
        Run it without arguments for the interactive wizard. Every step also has a \
        headless command for scripts and CI; see `posthog-install help <command>`.
        """,
        version: ToolVersion.current,
        subcommands: [InstallCommand.self, UpgradeCommand.self, UninstallCommand.self, StatusCommand.self, TLSCommand.self,
                      ValuesCommand.self, TemplateCommand.self, InfoCommand.self, ResizeCommand.self]
    )

    /// Creates the command (argument-parser needs an empty initializer).
    public init() {}

    @Flag(name: .long, help: ArgumentHelp(
        "Install into the built-in simulated cluster instead of kubectl's current context (used anyway when kubectl has none)."))
    var simulate: Bool = false

    @Option(name: .customLong("simulate-nodes"), help: ArgumentHelp(
        "Nodes of the simulated cluster, e.g. 2x2cpu4gi or 3x4cpu16gi (default: 2x2cpu4gi); implies --simulate.",
        valueName: "spec"))
    var simulateNodes: String?

    /// Runs the wizard in a terminal; elsewhere explains the headless commands.
    public func run() async throws {
        let status = await WizardCommand.main(.init(simulate: simulate, simulateNodes: simulateNodes))
        if status != .success { throw status.exitCode }
    }
}
