/// The answers given as command-line flags, before they are checked (see `HeadlessAnswers`).
/// Names follow the flags: `--cloud`, `--smtp-host`, `--external-postgres URL`, ….
public struct AnswerFlags: Equatable, Sendable {
    /// `--cloud`.
    public var cloud: String?
    /// `--hostname`.
    public var hostname: String?
    /// `--tls` (true) or `--no-tls` (false).
    public var tls: Bool?
    /// `--tier`.
    public var tier: String?
    /// `--email`.
    public var email: String?
    /// `--smtp-host`.
    public var smtpHost: String?
    /// `--smtp-port`.
    public var smtpPort: String?
    /// `--smtp-user`.
    public var smtpUser: String?
    /// `--smtp-password` (or the contents of `--smtp-password-file`).
    public var smtpPassword: String?
    /// `--smtp-security`.
    public var smtpSecurity: String?
    /// `--smtp-from`.
    public var smtpFrom: String?
    /// `--external-clickhouse URL`.
    public var externalClickhouse: String?
    /// `--external-postgres URL`.
    public var externalPostgres: String?
    /// `--external-redis URL`.
    public var externalRedis: String?
    /// `--prometheus`.
    public var prometheus: Bool = false
    /// `--pagerduty-key`.
    public var pagerdutyKey: String?
    /// `--chart-version`.
    public var chartVersion: String?

    /// Creates an empty set of flags.
    public init() {}
}
