import Effects

/// Which kubectl to run against which cluster, and how long to wait.
public struct KubectlOptions: Sendable, Hashable {
    /// The program (looked up on PATH) or a path to it.
    public var executable: String
    /// `--kubeconfig`, when not the default one.
    public var kubeconfig: String?
    /// `--context`, when the person chose one (always passed explicitly then).
    public var context: String?
    /// `--request-timeout` for each API request.
    public var requestTimeout: Duration
    /// How long one kubectl process may run before it is stopped (requests can be retried inside).
    public var processTimeout: Duration

    /// Options; kubectl on PATH, 20 s per request, 45 s per process.
    public init(executable: String = "kubectl", kubeconfig: String? = nil, context: String? = nil,
                requestTimeout: Duration = .seconds(20), processTimeout: Duration = .seconds(45)) {
        self.executable = executable; self.kubeconfig = kubeconfig; self.context = context
        self.requestTimeout = requestTimeout; self.processTimeout = processTimeout
    }

    /// The global flags: `--kubeconfig`, `--context`, `--namespace` (each when set), `--request-timeout`.
    public func globalFlags(namespace: String?, withContext: Bool = true) -> [String] {
        var flags: [String] = []
        if let kubeconfig { flags += ["--kubeconfig", kubeconfig] }
        if withContext, let context { flags += ["--context", context] }
        if let namespace { flags += ["--namespace", namespace] }
        flags += ["--request-timeout", Self.goDuration(requestTimeout)]
        return flags
    }

    /// A duration as Go flags read it: `20s`, `1m30s`, `500ms`.
    public static func goDuration(_ d: Duration) -> String {
        let (seconds, atto) = d.components
        let millis = atto / 1_000_000_000_000_000
        if seconds == 0 { return "\(millis)ms" }
        var out = ""
        let h = seconds / 3600, m = seconds / 60 % 60, s = seconds % 60
        if h > 0 { out += "\(h)h" }
        if m > 0 { out += "\(m)m" }
        if s > 0 || out.isEmpty { out += "\(s)s" }
        return out
    }
}
