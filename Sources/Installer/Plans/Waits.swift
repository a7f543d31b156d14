/// How long posthog-install waits, in one place. The docs quote these figures (a test ties
/// docs/user-guide.md, docs/commands.md and docs/troubleshooting.md to them), and the wizard
/// and the headless commands use the same ones.
public enum Waits {
    /// Minutes of the long waits: the pods after helm, a DNS record to resolve, snapshots to be
    /// ready, and unschedulable pods on a node pool that adds nodes by itself.
    public static let minutes = 10
    /// After helm is done, how long the pods are waited for before the run stops and says why.
    public static let pods: Duration = .seconds(minutes * 60)
    /// How long the HTTPS job waits for the DNS record before it gives up (nothing changed then).
    public static let dnsRecord: Duration = .seconds(minutes * 60)
    /// How long VolumeSnapshots taken before an upgrade may take to be ready.
    public static let snapshots: Duration = .seconds(minutes * 60)
    /// How long unschedulable pods may wait for a node pool that adds nodes by itself.
    public static let autoscaledPending: Duration = .seconds(minutes * 60)
    /// helm's own `--timeout`, in minutes: helm waits for its hooks within it.
    public static let helmMinutes = 20
    /// helm's `--timeout` argument (`20m`).
    public static var helmTimeout: String { "\(helmMinutes)m" }
}
