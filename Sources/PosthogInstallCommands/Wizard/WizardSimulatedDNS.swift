import Cluster
import Effects
import Installer
import Synchronization

/// DNS and TLS answers for the wizard's HTTPS job on the simulated cluster, whose ingress
/// address is an example one real DNS cannot point at: the hostname resolves to the ingress's
/// address once `delay` has passed since the first lookup (the record "created"), and no
/// handshake reaches a certificate. The run says so before it starts.
final class WizardSimulatedDNS: NetworkProbes {
    let connection: ClusterConnection
    let clock: any WallClock
    let namespace: String
    let delay: Duration
    private let firstLookup = Mutex<Duration?>(nil)

    init(connection: ClusterConnection, clock: any WallClock, namespace: String, delay: Duration = .seconds(60)) {
        self.connection = connection
        self.clock = clock
        self.namespace = namespace
        self.delay = delay
    }

    func lookups(_ hostname: String) async -> [DNSLookup] {
        let now = clock.monotonic
        let first = firstLookup.withLock { first in
            if first == nil { first = now }
            return first ?? now
        }
        let ingress = try? await connection.kubectl.ingress("posthog", namespace: namespace)
        guard now - first >= delay, let ip = ingress?.loadBalancerIngress.first?.ip else {
            return [DNSLookup(resolver: "simulated", failure: .noSuchName)]
        }
        return [DNSLookup(resolver: "simulated", addresses: [ip])]
    }

    func handshake(_ hostname: String) async -> TLSHandshakeResult {
        TLSHandshakeResult(connected: false, error: "the simulated cluster serves no certificate")
    }
}
