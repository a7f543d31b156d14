import Cluster
import Installer

/// The network half of the post-install checks (DNS answers, the TLS handshake), behind a
/// protocol so tests run without the internet.
protocol NetworkProbes: Sendable {
    /// What each resolver answers for `hostname`.
    func lookups(_ hostname: String) async -> [DNSLookup]
    /// The certificate `hostname:443` serves.
    func handshake(_ hostname: String) async -> TLSHandshakeResult
}

/// The real resolvers (this computer's, 1.1.1.1, 8.8.8.8) and an OpenSSL handshake.
struct SystemNetworkProbes: NetworkProbes {
    func lookups(_ hostname: String) async -> [DNSLookup] {
        await DNSLookups.lookup(hostname, resolvers: DNSLookups.standardResolvers(), timeout: .seconds(3))
    }

    func handshake(_ hostname: String) async -> TLSHandshakeResult {
        await OpenSSLTLSProbe().handshake(hostname: hostname, timeout: .seconds(5))
    }
}
