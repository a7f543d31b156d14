/// One finding of the preflight: what was checked, the outcome, and what to do about it.
public struct PreflightCheck: Hashable, Sendable {
    /// The outcome of a check.
    public enum Status: String, Hashable, Sendable, Comparable {
        /// Nothing to do.
        case pass
        /// The install can go ahead, but the person should know.
        case warn
        /// The install would fail or leave PostHog broken; it must not start.
        case fail

        private var rank: Int { self == .pass ? 0 : self == .warn ? 1 : 2 }
        /// Orders pass < warn < fail.
        public static func < (a: Status, b: Status) -> Bool { a.rank < b.rank }
    }

    /// Which check this is.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// kubectl and helm are installed, in usable versions.
        case tools
        /// kubectl's version is within one minor of the cluster's.
        case versionSkew
        /// The cluster's Kubernetes version is one the chart accepts.
        case kubernetesVersion
        /// The kubectl context is the one the person confirmed.
        case context
        /// The cluster answers.
        case reachable
        /// A default StorageClass exists, and how it binds volumes.
        case storage
        /// The cluster has the documented minimum of CPU and memory in total.
        case clusterSize
        /// Every pod of the chart finds a node.
        case placement
        /// A release or namespace from an earlier install exists.
        case existingRelease
        /// cert-manager or ingress-nginx already run elsewhere in the cluster.
        case conflicts
        /// On GKE: the global static IP named posthog the load balancer needs.
        case staticIP
        /// The cluster serves the API groups of every object the chart creates (GKE's
        /// `networking.gke.io` objects need a GKE cluster).
        case apiResources
    }

    /// Which check.
    public var kind: Kind
    /// The outcome.
    public var status: Status
    /// What was found, in one or two sentences.
    public var message: String
    /// What to do (empty on pass unless there is a useful hint).
    public var fix: String
    /// Supporting lines, such as each pod that would stay Pending.
    public var details: [String]
    /// A command (argv) posthog-install can run to fix this once the person agrees, such as
    /// gcloud reserving the static IP; nil when only the person can fix it.
    public var remedy: [String]?

    /// A finding.
    public init(_ kind: Kind, _ status: Status, _ message: String, fix: String = "", details: [String] = [], remedy: [String]? = nil) {
        self.kind = kind; self.status = status; self.message = message; self.fix = fix; self.details = details
        self.remedy = remedy
    }

    /// A short name for the check, for lists: `Storage`, `Pod placement`.
    public var title: String {
        switch kind {
        case .tools: return "kubectl and helm"
        case .versionSkew: return "kubectl version"
        case .kubernetesVersion: return "Kubernetes version"
        case .context: return "Cluster context"
        case .reachable: return "Cluster reachable"
        case .storage: return "Storage"
        case .clusterSize: return "Cluster size"
        case .placement: return "Pod placement"
        case .existingRelease: return "Earlier install"
        case .conflicts: return "cert-manager and ingress-nginx"
        case .staticIP: return "GCP static IP"
        case .apiResources: return "Cluster APIs"
        }
    }
}
