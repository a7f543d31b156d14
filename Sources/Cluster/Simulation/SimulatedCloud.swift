#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// How one cloud's managed Kubernetes looks and behaves, as data: what GKE, EKS, DOKS and a
/// bare-metal cluster show to kubectl and helm (storage classes, load balancer addresses, the
/// cloud's own CRDs, how an Ingress gets its address). The simulation reads these fields instead
/// of asking which cloud it is.
struct SimulatedCloud: Sendable {
    /// A StorageClass the cluster comes with.
    struct StorageClass: Sendable, Hashable {
        var name: String
        var provisioner: String
        var isDefault: Bool
    }

    /// What a `type: LoadBalancer` Service gets from the cloud.
    enum LoadBalancer: Sendable, Hashable {
        /// An IP address (GKE, DigitalOcean): an A record.
        case ip
        /// A host name (AWS ELB/NLB): a CNAME record.
        case hostname
        /// Nothing: bare metal has no load balancer controller, the address stays `<pending>`.
        case none
    }

    /// The region label on nodes and in AWS host names.
    var region: String
    /// Node names: `pool-posthog-x1y2z`, `ip-192-168-11-47.ec2.internal`, `gke-posthog-default-pool-…`.
    var nodeName: @Sendable (inout SimulatedRandom, Int) -> String
    /// `node.kubernetes.io/instance-type` for a pool.
    var instanceType: @Sendable (SimulatedNodePool) -> String
    /// The network agent every node runs (DaemonSet): name, image, CPU and memory requests.
    var networkAgent: (name: String, image: String, cpu: String, memory: String)
    /// The StorageClasses, the default one marked.
    var storageClasses: [StorageClass]
    /// What LoadBalancer Services get.
    var loadBalancer: LoadBalancer
    /// The cloud's own CustomResourceDefinitions (`managedcertificates.networking.gke.io`…) by kind.
    var customResources: [String: String]
    /// How long the cloud's own Ingress controller (GKE's `gce` class) takes to publish an address;
    /// nil when the cluster has none, so such an Ingress never gets one.
    var cloudIngressDelay: TimeInterval?
    /// How long after its Ingress has an address a ManagedCertificate turns Active (GKE).
    var certificateDelay: TimeInterval
    /// The CSI snapshot API (`snapshot.storage.k8s.io`) as the cloud ships it; nil when the
    /// cluster has no snapshot CRDs or controller until someone installs them.
    var snapshots: SnapshotSupport? = nil

    /// What a cloud's snapshot controller offers out of the box.
    struct SnapshotSupport: Sendable, Hashable {
        /// The VolumeSnapshotClasses the cluster comes with (none: the API is there, a class must be created).
        var classes: [StorageClass]
        /// How long a VolumeSnapshot takes to become `readyToUse`.
        var readyAfter: TimeInterval
    }

    /// The default StorageClass, if the cluster has one.
    var defaultStorageClass: StorageClass? { storageClasses.first(where: \.isDefault) }
}

extension SimulatedClusterSpec.Flavour {
    /// The cloud's behaviour.
    var cloud: SimulatedCloud {
        switch self {
        case .digitalocean: return .digitalOcean
        case .aws: return .aws
        case .gcp: return .gcp
        case .other: return .bareMetal
        }
    }
}

extension SimulatedCloud {
    /// DigitalOcean Kubernetes (DOKS): Cilium, `do-block-storage`, load balancers with an IP.
    static let digitalOcean = SimulatedCloud(
        region: "nyc1",
        nodeName: { rng, _ in "pool-posthog-\(rng.suffix(5))" },
        instanceType: { pool in "s-\(pool.milliCPU / 1000)vcpu-\(pool.memoryBytes >> 30)gb" },
        networkAgent: ("cilium", "quay.io/cilium/cilium:v1.16.5", "300m", "300Mi"),
        storageClasses: [
            StorageClass(name: "do-block-storage", provisioner: "dobs.csi.digitalocean.com", isDefault: true),
            StorageClass(name: "do-block-storage-retain", provisioner: "dobs.csi.digitalocean.com", isDefault: false),
            StorageClass(name: "do-block-storage-xfs", provisioner: "dobs.csi.digitalocean.com", isDefault: false),
        ],
        loadBalancer: .ip, customResources: [:], cloudIngressDelay: nil, certificateDelay: 0,
        // DOKS installs the snapshot controller and a default class for its block storage driver.
        snapshots: SnapshotSupport(
            classes: [StorageClass(name: "do-block-storage", provisioner: "dobs.csi.digitalocean.com", isDefault: true)],
            readyAfter: 6))

    /// Amazon EKS: kube-proxy, `gp2` (EBS), load balancers with an ELB host name; no snapshot
    /// API until the snapshot controller add-on is installed.
    static let aws = SimulatedCloud(
        region: "us-east-1",
        nodeName: { rng, index in "ip-192-168-\(10 + index)-\(20 + rng.below(200)).ec2.internal" },
        instanceType: { pool in
            let gib = pool.memoryBytes >> 30
            return "t3.\(gib <= 2 ? "small" : gib <= 4 ? "medium" : gib <= 8 ? "large" : "xlarge")"
        },
        networkAgent: ("kube-proxy", "registry.k8s.io/kube-proxy:v1.32.2", "100m", "64Mi"),
        storageClasses: [
            StorageClass(name: "gp2", provisioner: "ebs.csi.aws.com", isDefault: true),
            StorageClass(name: "gp3", provisioner: "ebs.csi.aws.com", isDefault: false),
        ],
        loadBalancer: .hostname, customResources: [:], cloudIngressDelay: nil, certificateDelay: 0)

    /// Google Kubernetes Engine: `standard-rwo`, GKE's networking CRDs, the `gce` Ingress
    /// controller that publishes the address on the Ingress after a minute or two.
    static let gcp = SimulatedCloud(
        region: "us-central1",
        nodeName: { rng, _ in "gke-posthog-default-pool-\(rng.hex(8))-\(rng.suffix(4))" },
        instanceType: { pool in "e2-custom-\(pool.milliCPU / 1000)-\((pool.memoryBytes >> 30) * 1024)" },
        networkAgent: ("kube-proxy", "registry.k8s.io/kube-proxy:v1.32.2", "100m", "64Mi"),
        storageClasses: [
            StorageClass(name: "standard-rwo", provisioner: "pd.csi.storage.gke.io", isDefault: true),
            StorageClass(name: "premium-rwo", provisioner: "pd.csi.storage.gke.io", isDefault: false),
            StorageClass(name: "standard", provisioner: "kubernetes.io/gce-pd", isDefault: false),
        ],
        loadBalancer: .ip,
        customResources: [
            "ManagedCertificate": "managedcertificates.networking.gke.io",
            "FrontendConfig": "frontendconfigs.networking.gke.io",
            "BackendConfig": "backendconfigs.cloud.google.com",
        ],
        cloudIngressDelay: 90, certificateDelay: 15 * 60,
        // GKE serves the snapshot API with its Persistent Disk CSI driver; the class is the user's to create.
        snapshots: SnapshotSupport(classes: [], readyAfter: 10))

    /// A cluster of one's own (bare metal, kubeadm, k3s…): no default StorageClass and no load
    /// balancer controller, so claims and LoadBalancer Services wait until someone adds them.
    static let bareMetal = SimulatedCloud(
        region: "local",
        nodeName: { _, index in "posthog-node-\(index)" },
        instanceType: { pool in "\(pool.milliCPU / 1000)cpu-\(pool.memoryBytes >> 30)gi" },
        networkAgent: ("kube-proxy", "registry.k8s.io/kube-proxy:v1.32.2", "100m", "64Mi"),
        storageClasses: [], loadBalancer: .none, customResources: [:], cloudIngressDelay: nil, certificateDelay: 0)
}
