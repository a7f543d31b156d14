import Installer

/// Looks a host name up and reports what it resolved to (or why not) as a `DNSLookup`.
/// Implementations never throw and never take longer than the timeout.
public protocol DNSResolver: Sendable {
    /// The resolver's label in findings (`system`, `1.1.1.1`).
    var name: String { get }
    /// Looks up `hostname`; a lookup that runs out of time reports `.timeout`.
    func lookup(_ hostname: String, timeout: Duration) async -> DNSLookup
}

/// Several resolvers asked at once.
public enum DNSLookups {
    /// The resolvers `posthog-install` compares: this computer's own, then Cloudflare's and Google's.
    public static func standardResolvers() -> [any DNSResolver] {
        [SystemDNSResolver(), UDPDNSResolver(server: "1.1.1.1"), UDPDNSResolver(server: "8.8.8.8")]
    }

    /// Asks every resolver concurrently; the results keep the resolvers' order.
    public static func lookup(_ hostname: String, resolvers: [any DNSResolver], timeout: Duration) async -> [DNSLookup] {
        await withTaskGroup(of: (Int, DNSLookup).self) { group in
            for (index, resolver) in resolvers.enumerated() {
                group.addTask { (index, await resolver.lookup(hostname, timeout: timeout)) }
            }
            var results = [DNSLookup?](repeating: nil, count: resolvers.count)
            for await (index, lookup) in group { results[index] = lookup }
            return results.enumerated().map { $1 ?? DNSLookup(resolver: resolvers[$0].name, failure: .timeout) }
        }
    }
}
