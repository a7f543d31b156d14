import Kube

/// What the person agreed to when the preflight stopped the install: that their node pool adds
/// nodes by itself (`--node-pool-autoscales`, or `a` in the wizard), or that posthog-install may
/// reserve the GKE static IP with gcloud (`--yes`, or `c` in the wizard).
public struct PreflightConsent: Hashable, Sendable {
    /// The node pool grows by itself (a cluster autoscaler), so a cluster that looks too small now
    /// is not a blocker.
    public var nodePoolAutoscales: Bool
    /// posthog-install may run `gcloud compute addresses create` for a missing static IP.
    public var reserveStaticIP: Bool
    /// The person saw this install's preflight result (warnings included) and chose to install;
    /// the wizard stops after a first preflight without it, to show the result.
    public var preflightSeen: Bool

    /// A consent; nothing agreed by default.
    public init(nodePoolAutoscales: Bool = false, reserveStaticIP: Bool = false, preflightSeen: Bool = false) {
        self.nodePoolAutoscales = nodePoolAutoscales
        self.reserveStaticIP = reserveStaticIP
        self.preflightSeen = preflightSeen
    }

    /// How long the install waits for unschedulable pods before it explains them and stops: a
    /// cluster autoscaler needs a few minutes to start a node, so a growing node pool gets 10
    /// minutes instead of the standard minute.
    public var statusPolicy: StatusPolicy {
        nodePoolAutoscales ? StatusPolicy(unschedulableGrace: Double(Waits.autoscaledPending.components.seconds)) : .standard
    }
}
