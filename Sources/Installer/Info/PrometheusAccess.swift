import Kube
import YAML

/// `posthog-install info --prometheus`: how to reach the bundled Prometheus (the chart's
/// alerting) from the person's machine, or how to turn it on.
public enum PrometheusAccess {
    /// The port Prometheus serves on, inside the pod and forwarded locally.
    public static let port = 9090

    /// Whether values.yaml turns the bundled Prometheus on (`prometheus.enabled: true`).
    public static func enabled(_ values: YAMLValue) -> Bool {
        values.value(at: ["prometheus", "enabled"]) == .bool(true)
    }

    /// The Prometheus server pod among `pods`: a `prometheus-server` pod, running ones first.
    public static func serverPod(in pods: [Pod]) -> String? {
        let candidates = pods.filter { $0.metadata.name.contains("prometheus-server") && $0.metadata.deletionTimestamp == nil }
        let running = candidates.filter { $0.status.phase == "Running" }
        return (running.isEmpty ? candidates : running).map(\.metadata.name).sorted().first
    }

    /// `kubectl [--context C] --namespace NS port-forward POD 9090`.
    public static func portForwardArgv(pod: String, namespace: String, context: String?) -> [String] {
        ["kubectl"] + (context.map { ["--context", $0] } ?? []) + ["--namespace", namespace, "port-forward", pod, String(port)]
    }

    /// The lines that say how to open Prometheus.
    public static func instructions(pod: String, namespace: String, context: String?) -> [String] {
        [
            "Prometheus: pod \(pod)",
            "  forward its port: \(portForwardArgv(pod: pod, namespace: namespace, context: context).joined(separator: " "))",
            "  then open: http://localhost:\(port)",
            "  (or run posthog-install info --prometheus --port-forward, which keeps the forward open until Ctrl-C)",
        ]
    }

    /// What to say when values.yaml leaves Prometheus off.
    public static func notEnabled(valuesPath: String) -> [String] {
        [
            "Prometheus is not enabled in \(valuesPath), so there is no alerting to open.",
            "To turn it on: posthog-install values --prometheus -o \(valuesPath) (add --pagerduty-key KEY for PagerDuty alerts),",
            "then apply it with posthog-install upgrade.",
        ]
    }
}
