import Kube

/// A cluster-wide add-on the PostHog chart can bring along and that must not run twice.
public enum ClusterComponent: String, Hashable, Sendable, CaseIterable {
    /// cert-manager (Let's Encrypt certificates; its CRDs are cluster-wide).
    case certManager = "cert-manager"
    /// The ingress-nginx controller (IngressClass `nginx`, cluster-wide).
    case ingressNginx = "ingress-nginx"

    /// Words in a Deployment name that identify the component's main workload.
    var deploymentMarkers: [String] {
        switch self {
        case .certManager: return ["cert-manager"]
        case .ingressNginx: return ["ingress-nginx-controller", "nginx-ingress-controller"]
        }
    }

    /// The API group of the component's CustomResourceDefinitions.
    var crdGroup: String? {
        switch self {
        case .certManager: return "cert-manager.io"
        case .ingressNginx: return nil
        }
    }

    /// The values setting that stops the chart from installing its own copy.
    public var chartSwitch: String {
        switch self {
        case .certManager: return "cert-manager.enabled: false"
        case .ingressNginx: return "ingress.nginx.enabled: false"
        }
    }

    /// Whether a Deployment with this name is the component's main workload
    /// (cert-manager's cainjector and webhook count as cert-manager too).
    public func isWorkload(named name: String) -> Bool {
        let n = name.lowercased()
        return deploymentMarkers.contains { n.contains($0) }
    }

    /// Whether a CRD named like `certificates.cert-manager.io` belongs to the component.
    public func ownsCRD(named name: String) -> Bool {
        guard let group = crdGroup else { return false }
        return name.lowercased().hasSuffix("." + group)
    }

    /// The components the rendered chart would install, from its Deployments' names.
    public static func planned(in manifests: [(kind: String, name: String)]) -> Set<ClusterComponent> {
        var out: Set<ClusterComponent> = []
        for m in manifests where m.kind == "Deployment" {
            for c in allCases where c.isWorkload(named: m.name) { out.insert(c) }
        }
        return out
    }
}

/// A component found running (or installed) outside the namespace PostHog goes into.
public struct ForeignComponent: Hashable, Sendable {
    /// Which component.
    public var component: ClusterComponent
    /// The namespace it runs in; empty when only its CRDs were found.
    public var namespace: String
    /// What gave it away: `Deployment cert-manager`, `CRD certificates.cert-manager.io`.
    public var evidence: String

    /// A finding.
    public init(component: ClusterComponent, namespace: String, evidence: String) {
        self.component = component; self.namespace = namespace; self.evidence = evidence
    }

    /// The components found among other namespaces' Deployments and the cluster's CRD names;
    /// anything in `ownNamespace` belongs to PostHog and is not reported (nor are the CRDs of a
    /// component PostHog's namespace runs itself).
    public static func find(deployments: [(namespace: String, name: String)], crdNames: [String],
                            ownNamespace: String) -> [ForeignComponent] {
        var out: [ForeignComponent] = []
        for d in deployments where d.namespace != ownNamespace {
            for c in ClusterComponent.allCases where c.isWorkload(named: d.name) {
                if !out.contains(where: { $0.component == c && $0.namespace == d.namespace }) {
                    out.append(ForeignComponent(component: c, namespace: d.namespace, evidence: "Deployment \(d.name)"))
                }
            }
        }
        let own = Set(deployments.filter { $0.namespace == ownNamespace }.flatMap { d in
            ClusterComponent.allCases.filter { $0.isWorkload(named: d.name) }
        })
        for c in ClusterComponent.allCases where !own.contains(c) && !out.contains(where: { $0.component == c }) {
            if let crd = crdNames.sorted().first(where: { c.ownsCRD(named: $0) }) {
                out.append(ForeignComponent(component: c, namespace: "", evidence: "CRD \(crd)"))
            }
        }
        return out
    }
}
