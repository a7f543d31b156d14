/// A job the wizard does besides the first install, chosen on the welcome screen once a
/// PostHog release is found in the cluster. Each has a headless command that does the same.
public enum WizardTask: String, Sendable, Hashable, CaseIterable {
    /// Questions, review and `helm install` (the first install).
    case install
    /// `posthog-install upgrade`: the saved values.yaml, the notes of every major crossed.
    case upgrade
    /// The questions again, prefilled from the saved answers; the values.yaml diff, then the upgrade.
    case changeSettings
    /// `posthog-install tls`: HTTPS for a DigitalOcean Marketplace 1-click install.
    case oneClickTLS
    /// `posthog-install resize`: larger volumes for the bundled stores.
    case resize
    /// `posthog-install info`: addresses, users, where the passwords are; Prometheus.
    case info
    /// `posthog-install uninstall`: the release, then optionally the namespace.
    case uninstall

    /// The menu line and the title bar's name.
    public var title: String {
        switch self {
        case .install: return "Install PostHog"
        case .upgrade: return "Upgrade PostHog"
        case .changeSettings: return "Change settings"
        case .oneClickTLS: return "Turn on HTTPS for a DigitalOcean 1-click install"
        case .resize: return "Grow storage"
        case .info: return "Connection details and Prometheus"
        case .uninstall: return "Uninstall PostHog"
        }
    }

    /// The job as a noun in a sentence (`Stop the simulated upgrade?`).
    public var noun: String {
        switch self {
        case .install: return "install"
        case .upgrade, .changeSettings: return "upgrade"
        case .oneClickTLS: return "HTTPS setup"
        case .resize: return "resize"
        case .info: return "lookup"
        case .uninstall: return "uninstall"
        }
    }

    /// One line under the title on the menu.
    public var summary: String {
        switch self {
        case .install: return "answer a few questions, review values.yaml, then helm install"
        case .upgrade: return "to the newest chart, with your saved values.yaml and the chart's upgrade notes"
        case .changeSettings: return "hostname, HTTPS, size and extras: see the changes, then upgrade"
        case .oneClickTLS: return "your hostname, the DNS record, then Let's Encrypt through cert-manager"
        case .resize: return "larger volumes for ClickHouse, PostgreSQL, Kafka or Redis"
        case .info: return "addresses, users and where each password is kept"
        case .uninstall: return "remove the release; you choose whether the data goes too"
        }
    }

    /// The same job without the wizard, for the screens' footers and the docs.
    public var headlessCommand: String {
        switch self {
        case .install: return "posthog-install install"
        case .upgrade: return "posthog-install upgrade"
        case .changeSettings: return "posthog-install values, then posthog-install upgrade"
        case .oneClickTLS: return "posthog-install tls"
        case .resize: return "posthog-install resize"
        case .info: return "posthog-install info"
        case .uninstall: return "posthog-install uninstall"
        }
    }

    /// What the progress screen's title says while it runs and once it ended.
    public var runningTitle: (running: String, done: String, failed: String) {
        switch self {
        case .install: return ("Installing PostHog", "PostHog is installed", "Install stopped")
        case .upgrade, .changeSettings: return ("Upgrading PostHog", "Upgrade finished", "Upgrade stopped")
        case .oneClickTLS: return ("Turning on HTTPS", "HTTPS is set up", "HTTPS setup stopped")
        case .resize: return ("Growing storage", "Storage grown", "Resize stopped")
        case .info: return ("Connection details", "Connection details", "Connection details")
        case .uninstall: return ("Uninstalling PostHog", "PostHog is uninstalled", "Uninstall stopped")
        }
    }
}
