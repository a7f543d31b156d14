import ArgumentParser

/// The root command: `posthog-install` and its subcommands. Without a subcommand it runs the
/// wizard (`WizardSubcommand`), so `posthog-install --simulate` starts the wizard on the
/// simulated cluster while `posthog-install install --simulate` stays the install's own flag.
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
        subcommands: [WizardSubcommand.self, InstallCommand.self, UpgradeCommand.self, UninstallCommand.self, StatusCommand.self,
                      TLSCommand.self, ValuesCommand.self, TemplateCommand.self, InfoCommand.self, ResizeCommand.self, DiffCommand.self, RollbackCommand.self, SupportBundleCommand.self,
                      ManualCommand.self],
        defaultSubcommand: WizardSubcommand.self
    )

    /// Creates the command (argument-parser needs an empty initializer).
    public init() {}
}
