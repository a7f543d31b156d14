import ArgumentParser

/// The wizard's answers as flags (`--cloud do --hostname posthog.example.com --tls --tier small`).
public struct AnswerOptions: ParsableArguments {
    /// Creates empty options (argument-parser needs it).
    public init() {}

    @Option(name: .long, help: ArgumentHelp(
        "Where the Kubernetes cluster runs: gcp, aws, do (DigitalOcean) or other.",
        valueName: "cloud"))
    public var cloud: String?

    @Option(name: .long, help: ArgumentHelp(
        "The address people will type to reach PostHog, e.g. posthog.example.com (no https://, no path).",
        valueName: "host"))
    public var hostname: String?

    @Flag(inversion: .prefixedNo, help: ArgumentHelp(
        "Serve PostHog over HTTPS (recommended). --no-tls sets up HTTP only, for troubleshooting."))
    public var tls: Bool?

    @Option(name: .long, help: ArgumentHelp(
        "Expected traffic: minimal (lowest cost), small (<1M events/month) or large (>1M events/month).",
        valueName: "tier"))
    public var tier: String?

    @Option(name: .long, help: ArgumentHelp(
        "Email for Let's Encrypt certificate notices (needed for TLS on aws, do and other).",
        valueName: "address"))
    public var email: String?

    @Option(name: .customLong("smtp-host"), help: ArgumentHelp("Outgoing mail server, e.g. smtp.sendgrid.net.", valueName: "host"))
    public var smtpHost: String?

    @Option(name: .customLong("smtp-port"), help: ArgumentHelp("Outgoing mail server port (587 for STARTTLS, 465 for SSL).", valueName: "port"))
    public var smtpPort: String?

    @Option(name: .customLong("smtp-user"), help: ArgumentHelp("User name for the mail server.", valueName: "user"))
    public var smtpUser: String?

    @Option(name: .customLong("smtp-password"), help: ArgumentHelp(
        "Password for the mail server. Prefer --smtp-password-file so it stays out of your shell history.",
        valueName: "password"))
    public var smtpPassword: String?

    @Option(name: .customLong("smtp-password-file"), help: ArgumentHelp("Read the mail server password from this file.", valueName: "file"))
    public var smtpPasswordFile: String?

    @Option(name: .customLong("smtp-security"), help: ArgumentHelp("How to secure mail: tls (STARTTLS), ssl or none.", valueName: "mode"))
    public var smtpSecurity: String?

    @Option(name: .customLong("smtp-from"), help: ArgumentHelp("Sender address for PostHog's emails.", valueName: "address"))
    public var smtpFrom: String?

    @Option(name: .customLong("external-clickhouse"), help: ArgumentHelp(
        "Use an existing ClickHouse instead of the bundled one, e.g. clickhouse://user:pass@host:9000/posthog.",
        valueName: "url"))
    public var externalClickhouse: String?

    @Option(name: .customLong("external-postgres"), help: ArgumentHelp(
        "Use an existing PostgreSQL instead of the bundled one, e.g. postgres://user:pass@host:5432/posthog.",
        valueName: "url"))
    public var externalPostgres: String?

    @Option(name: .customLong("external-redis"), help: ArgumentHelp(
        "Use an existing Redis instead of the bundled one, e.g. redis://:pass@host:6379.",
        valueName: "url"))
    public var externalRedis: String?

    @Flag(name: .long, help: ArgumentHelp("Install Prometheus for alerting."))
    public var prometheus: Bool = false

    @Option(name: .customLong("pagerduty-key"), help: ArgumentHelp(
        "PagerDuty routing key (32 characters) for Prometheus alerts; implies --prometheus.",
        valueName: "key"))
    public var pagerdutyKey: String?

    @Option(name: .long, help: ArgumentHelp(
        "Read answers from a file saved by an earlier run (answers.yaml); flags override it.",
        valueName: "file"))
    public var answers: String?
}
