/// One `status.loadBalancer.ingress` entry: an IP, a host name, or both.
public struct LoadBalancerIngress: Decodable, Hashable, Sendable {
    /// IP address (GCP, DigitalOcean, Azure).
    public var ip: String?
    /// Host name (AWS ELB/NLB).
    public var hostname: String?

    /// An entry.
    public init(ip: String? = nil, hostname: String? = nil) { self.ip = ip; self.hostname = hostname }

    enum CodingKeys: String, CodingKey { case ip, hostname }

    /// Decodes tolerantly; empty strings count as absent.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let i: String? = try c.opt(.ip), h: String? = try c.opt(.hostname)
        ip = (i?.isEmpty ?? true) ? nil : i
        hostname = (h?.isEmpty ?? true) ? nil : h
    }
}

/// A port of a Service.
public struct ServicePort: Decodable, Hashable, Sendable {
    /// Port name.
    public var name: String = ""
    /// `port`.
    public var port: Int = 0
    /// `protocol` (default TCP).
    public var `protocol`: String = "TCP"
    /// `nodePort` for NodePort/LoadBalancer services.
    public var nodePort: Int?

    /// A port.
    public init(name: String = "", port: Int = 0) { self.name = name; self.port = port }

    enum CodingKeys: String, CodingKey { case name, port, `protocol`, nodePort }

    /// Decodes tolerantly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.or(.name, ""); port = try c.or(.port, 0); `protocol` = try c.or(.protocol, "TCP")
        nodePort = try c.opt(.nodePort)
    }
}

/// A Service: type, ports and load balancer status.
public struct Service: Decodable, Hashable, Sendable {
    /// Metadata.
    public var metadata = ObjectMeta()
    /// `spec.type`: `ClusterIP` (default), `NodePort`, `LoadBalancer`, `ExternalName`.
    public var type: String = "ClusterIP"
    /// `spec.ports`.
    public var ports: [ServicePort] = []
    /// `status.loadBalancer.ingress`.
    public var loadBalancerIngress: [LoadBalancerIngress] = []

    /// A service.
    public init(name: String = "", type: String = "ClusterIP", ingress: [LoadBalancerIngress] = []) {
        metadata = ObjectMeta(name: name); self.type = type; loadBalancerIngress = ingress
    }

    enum CodingKeys: String, CodingKey { case metadata, spec, status }
    enum SpecKeys: String, CodingKey { case type, ports }

    /// Decodes tolerantly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        metadata = try c.or(.metadata, ObjectMeta())
        if c.contains(.spec), try !c.decodeNil(forKey: .spec) {
            let s = try c.nestedContainer(keyedBy: SpecKeys.self, forKey: .spec)
            type = try s.or(.type, "ClusterIP"); ports = try s.or(.ports, [])
        }
        loadBalancerIngress = try c.or(.status, LoadBalancerStatusHolder()).ingress
    }
}

/// An Ingress: only its load balancer status matters here.
public struct Ingress: Decodable, Hashable, Sendable {
    /// Metadata.
    public var metadata = ObjectMeta()
    /// `status.loadBalancer.ingress`.
    public var loadBalancerIngress: [LoadBalancerIngress] = []
    /// Host names from `spec.rules[].host`.
    public var hosts: [String] = []
    /// Whether a rule routes every host (a rule without `host`).
    public var routesAnyHost = false
    /// `spec.ingressClassName`, else the older `kubernetes.io/ingress.class` annotation; nil when neither is set.
    public var ingressClass: String?

    /// An ingress.
    public init(name: String = "", ingress: [LoadBalancerIngress] = []) { metadata = ObjectMeta(name: name); loadBalancerIngress = ingress }

    enum CodingKeys: String, CodingKey { case metadata, spec, status }
    enum SpecKeys: String, CodingKey { case rules, ingressClassName }

    /// Decodes tolerantly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        metadata = try c.or(.metadata, ObjectMeta())
        if c.contains(.spec), try !c.decodeNil(forKey: .spec) {
            let s = try c.nestedContainer(keyedBy: SpecKeys.self, forKey: .spec)
            let rules: [Rule] = try s.or(.rules, [])
            hosts = rules.compactMap(\.host)
            routesAnyHost = rules.contains { $0.host == nil }
            ingressClass = try s.opt(.ingressClassName)
        }
        if ingressClass == nil { ingressClass = metadata.annotations["kubernetes.io/ingress.class"] }
        loadBalancerIngress = try c.or(.status, LoadBalancerStatusHolder()).ingress
    }

    struct Rule: Decodable { var host: String? }
}

/// `status` holding `loadBalancer.ingress`, shared by Service and Ingress.
struct LoadBalancerStatusHolder: Decodable {
    var ingress: [LoadBalancerIngress] = []
    init() {}
    enum CodingKeys: String, CodingKey { case loadBalancer }
    enum LBKeys: String, CodingKey { case ingress }
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if c.contains(.loadBalancer), try !c.decodeNil(forKey: .loadBalancer) {
            let l = try c.nestedContainer(keyedBy: LBKeys.self, forKey: .loadBalancer)
            ingress = try l.or(.ingress, [])
        }
    }
}
