import Kube

/// Everything the preflight looks at, gathered by the command layer before deciding anything.
///
/// `nil` means "could not be found out" (a tool missing, a command failing); the checks say so
/// rather than guessing.
public struct PreflightFacts: Hashable, Sendable {
    /// Whether the person is installing or upgrading.
    public enum Operation: String, Hashable, Sendable {
        /// `helm install`: an existing release is a problem.
        case install
        /// `helm upgrade`: the release must exist.
        case upgrade
    }

    /// Install or upgrade.
    public var operation: Operation = .install
    /// kubectl's client version (`v1.29.3`); nil when kubectl is not on PATH.
    public var kubectlVersion: String?
    /// helm's version (`v3.14.2+gc309b6f`); nil when helm is not on PATH.
    public var helmVersion: String?
    /// On the simulated cluster (whose own kubectl and helm answer): which of the real tools this
    /// computer has on PATH for the real install; nil on a real cluster.
    public var toolsOnThisComputer: LocalTools?
    /// The cluster's version (`v1.28.9-gke.1000`); nil when unknown.
    public var serverVersion: String?
    /// The chart's accepted Kubernetes versions (ChartInfo.kubeVersion), if it declares them.
    public var chartKubeVersion: String?
    /// kubectl's current context; nil when none is set.
    public var currentContext: String?
    /// The context the person confirmed (wizard or `--context`); nil when nobody confirmed one.
    public var confirmedContext: String?
    /// The error text of the first cluster call when it failed; nil when the cluster answered.
    public var reachabilityError: String?
    /// The storage classes; nil when they could not be listed.
    public var storageClasses: [StorageClass]?
    /// The nodes with allocatable resources.
    public var nodes: [Node] = []
    /// Pods already running, whose requests occupy the nodes.
    public var existingPods: [Pod] = []
    /// Releases already installed (`helm list --all-namespaces`).
    public var releases: [InstalledRelease] = []
    /// Whether the target namespace already exists.
    public var namespaceExists = false
    /// cert-manager or ingress-nginx found outside the target namespace.
    public var foreignComponents: [ForeignComponent] = []
    /// The components the rendered chart would install.
    public var plannedComponents: Set<ClusterComponent> = []
    /// The pods the rendered chart would create (see `ManifestPods`).
    public var podRequests: [PodPlacementRequest] = []
    /// The namespace PostHog goes into.
    public var namespace = "posthog"
    /// The release name.
    public var release = "posthog"
    /// The minimum cluster (CostTable.minimumCPU, vCPU).
    public var minimumCPU = 4
    /// The minimum cluster (CostTable.minimumMemoryGiB, GiB).
    public var minimumMemoryGiB = 4
    /// The API groups the cluster serves (`kubectl api-versions`, versions dropped; "" for the
    /// core group); nil when they could not be read.
    public var servedAPIGroups: Set<String>?
    /// The objects the chart renders, as (apiVersion, kind, name).
    public var renderedObjects: [RenderedObjectRef] = []
    /// API groups whose CustomResourceDefinitions the chart installs itself (its crds/ files
    /// and CRD objects in its templates).
    public var chartDefinedGroups: Set<String> = []

    /// Whether this is the simulated cluster (the commands suggested then carry `--simulate`).
    public var isSimulated: Bool { toolsOnThisComputer != nil }

    /// Which of kubectl and helm were found on PATH.
    public struct LocalTools: Hashable, Sendable {
        /// kubectl is on PATH.
        public var kubectl: Bool
        /// helm is on PATH.
        public var helm: Bool

        /// The tools found.
        public init(kubectl: Bool, helm: Bool) { self.kubectl = kubectl; self.helm = helm }
    }

    /// Facts with defaults; fill in what was gathered.
    public init(operation: Operation = .install) { self.operation = operation }
}
