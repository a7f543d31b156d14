import Kube

/// Where PostHog's external address is published, per cloud (design §2):
/// gcp → Service `posthog`; nginx clouds → Service `posthog-ingress-nginx-controller`;
/// a DigitalOcean 1-click install → Ingress `posthog`.
public enum AddressSource: Hashable, Sendable {
    /// A LoadBalancer Service of this name.
    case service(String)
    /// An Ingress of this name.
    case ingress(String)

    /// The source for `cloud`; `oneClick` for a DigitalOcean marketplace install.
    public static func forCloud(_ cloud: Cloud, oneClick: Bool = false, release: String = "posthog") -> AddressSource {
        if oneClick { return .ingress(release) }
        return cloud == .gcp ? .service(release) : .service("\(release)-ingress-nginx-controller")
    }

    /// The kubectl argv that reads it as JSON.
    public func command(namespace: String = "posthog", context: String? = nil) -> [String] {
        let ctx = context.map { ["--context", $0] } ?? []
        switch self {
        case .service(let name): return ["kubectl", "get", "svc", name, "-n", namespace, "-o", "json"] + ctx
        case .ingress(let name): return ["kubectl", "get", "ingress", name, "-n", namespace, "-o", "json"] + ctx
        }
    }

    /// `Service posthog` / `Ingress posthog`.
    public var description: String {
        switch self {
        case .service(let n): return "Service \(n)"
        case .ingress(let n): return "Ingress \(n)"
        }
    }
}

/// What reading the address found.
public enum AddressStatus: Hashable, Sendable {
    /// The load balancer has an address.
    case ready(ExternalAddress)
    /// The object exists but the cloud has not published an address yet.
    case pending
    /// The object does not exist.
    case notFound
    /// The Service is not of type LoadBalancer, so no cloud load balancer will come.
    case notLoadBalancer(type: String)
}

/// Reads the external address from the object found (pure).
public enum AddressLookup {
    /// The status from what `kubectl get` returned (nil objects: not found).
    public static func status(source: AddressSource, service: Service?, ingress: Ingress?) -> AddressStatus {
        switch source {
        case .service:
            guard let s = service else { return .notFound }
            if let a = ExternalAddress(service: s) { return .ready(a) }
            return s.type == "LoadBalancer" ? .pending : .notLoadBalancer(type: s.type)
        case .ingress:
            guard let i = ingress else { return .notFound }
            return ExternalAddress(ingress: i).map(AddressStatus.ready) ?? .pending
        }
    }

    /// When the chart's objects expose nothing outside the cluster for `hostname`.
    public static func nothingExposed(hostname: String, cloud: Cloud) -> PostInstallFinding {
        PostInstallFinding(.problem, "Nothing in the release is exposed outside the cluster for \(hostname): no Ingress routes it and no Service is of type LoadBalancer.",
                           fix: "Check that values.yaml turns the ingress on (ingress.enabled: true, with ingress.hostname) for \(cloud.rawValue), then run the upgrade.")
    }

    /// What to tell the person about `status`.
    /// `statusCommand` is the command that checks again, written for the cluster in use.
    public static func finding(_ status: AddressStatus, source: AddressSource, cloud: Cloud, namespace: String = "posthog",
                               statusCommand: String = "posthog-install status", helmStatus: String? = nil) -> PostInstallFinding {
        switch status {
        case .ready(let a):
            let kind = a.kind == .hostname ? "host name" : "IP address"
            return PostInstallFinding(.ok, "PostHog's load balancer has the \(kind) \(a.value).")
        case .pending:
            let wait = cloud == .aws ? "usually 2–10 minutes on AWS" : cloud == .gcp ? "usually 2–10 minutes on Google Cloud" : "usually 1–5 minutes"
            var fix = "Wait and check again (`\(statusCommand)`)."
            if cloud == .other {
                fix += " On bare metal nothing hands out load balancer addresses, so it stays <pending>: install a load balancer "
                    + "such as MetalLB (https://metallb.universe.tf), or expose the ingress controller as a NodePort "
                    + "(ingress-nginx.controller.service.type: NodePort in values.yaml) and point DNS at a node's address."
                return PostInstallFinding(.waiting, "Nothing has given \(source.description) an address yet (a cloud usually takes 1–5 minutes).", fix: fix)
            }
            return PostInstallFinding(.waiting, "The cloud is still creating the load balancer for \(source.description) (\(wait)).", fix: fix)
        case .notFound:
            return PostInstallFinding(.problem, "\(source.description) was not found in namespace \(namespace).",
                                      fix: "Check that the install finished (`\(helmStatus ?? "helm status posthog --namespace \(namespace)")`) and that the values enable the ingress for \(cloud.rawValue).")
        case .notLoadBalancer(let type):
            return PostInstallFinding(.problem, "\(source.description) is of type \(type), so no external load balancer is created for it.",
                                      fix: "Set the service type to LoadBalancer in the values, or reach PostHog through your own ingress or a NodePort.")
        }
    }
}
