/// The external address of a LoadBalancer Service or an Ingress: an IP or a host name.
public struct ExternalAddress: Hashable, Sendable, CustomStringConvertible {
    /// What the load balancer published.
    public enum Kind: String, Hashable, Sendable {
        /// An IPv4 address (A record).
        case ipv4
        /// An IPv6 address (AAAA record).
        case ipv6
        /// A host name such as AWS gives (CNAME record).
        case hostname
    }

    /// The kind.
    public var kind: Kind
    /// The IP or host name.
    public var value: String

    /// An address.
    public init(kind: Kind, value: String) { self.kind = kind; self.value = value }

    /// The first published address, preferring an IP to a host name in the same entry; nil if none yet.
    public init?(_ ingress: [LoadBalancerIngress]) {
        for entry in ingress {
            if let ip = entry.ip {
                self.init(kind: ip.contains(":") ? .ipv6 : .ipv4, value: ip); return
            }
            if let h = entry.hostname {
                self.init(kind: .hostname, value: h); return
            }
        }
        return nil
    }

    /// The address of a Service (`kubectl get svc … -o json`).
    public init?(service: Service) { self.init(service.loadBalancerIngress) }

    /// The address of an Ingress (`kubectl get ingress … -o json`).
    public init?(ingress: Ingress) { self.init(ingress.loadBalancerIngress) }

    /// The value.
    public var description: String { value }

    /// The DNS record that points `hostname` at this address.
    public func dnsRecord(for hostname: String, ttl: Int = 300) -> DNSRecord {
        var name = hostname.trimmingSpaces.lowercased()
        while name.hasSuffix(".") { name.removeLast() }
        switch kind {
        case .ipv4: return DNSRecord(type: "A", name: name, value: value, ttl: ttl)
        case .ipv6: return DNSRecord(type: "AAAA", name: name, value: value, ttl: ttl)
        case .hostname: return DNSRecord(type: "CNAME", name: name, value: value, ttl: ttl)
        }
    }
}

/// A DNS record the person must create.
public struct DNSRecord: Hashable, Sendable {
    /// `A`, `AAAA` or `CNAME`.
    public var type: String
    /// The fully qualified name, without a trailing dot (e.g. `posthog.example.com`).
    public var name: String
    /// The target IP or host name, without a trailing dot.
    public var value: String
    /// Time to live in seconds.
    public var ttl: Int

    /// A record.
    public init(type: String, name: String, value: String, ttl: Int = 300) {
        self.type = type; self.name = name; self.value = value; self.ttl = ttl
    }

    /// The record as a zone-file line: `posthog.example.com. 300 IN A 203.0.113.10`
    /// (CNAME targets end with a dot).
    public var zoneLine: String {
        "\(name). \(ttl) IN \(type) \(type == "CNAME" ? value + "." : value)"
    }

    /// One sentence for people: `Create an A record: posthog.example.com → 203.0.113.10`.
    public var instruction: String {
        let article = type == "A" || type == "AAAA" ? "an" : "a"
        return "Create \(article) \(type) record: \(name) → \(value)"
    }

    /// A warning when a CNAME is asked for at what looks like a zone apex (`example.com`),
    /// where DNS forbids CNAMEs; the fix is the provider's ALIAS/ANAME record or a subdomain.
    public var apexWarning: String? {
        guard type == "CNAME", name.split(separator: ".").count <= 2 else { return nil }
        return "\(name) looks like a zone apex, where a CNAME is not allowed: use your DNS provider's ALIAS/ANAME record, or a subdomain such as posthog.\(name)"
    }
}
