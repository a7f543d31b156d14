import Cluster
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Installer
import Kube

/// The checks after an install, each a finding with what to do: does the hostname resolve to
/// the load balancer, how far the certificate is, and what a real TLS handshake shows.
struct PostInstallChecks: Sendable {
    let connection: ClusterConnection
    let network: any NetworkProbes

    /// A named finding, for printing (`DNS`, `Certificate`, `TLS`).
    struct Check: Sendable {
        var name: String
        var finding: PostInstallFinding
    }

    /// Runs the checks for `hostname` served from `address`; TLS checks only when `tls`.
    func run(hostname: String, address: ExternalAddress, cloud: Cloud, tls: Bool, namespace: String, now: Date) async -> [Check] {
        let instruction = DNSInstruction.make(hostname: hostname, address: address)
        async let lookups = network.lookups(hostname)
        var targets: [String] = []
        if instruction.record.type == "CNAME" {
            targets = await network.lookups(instruction.record.value).flatMap(\.addresses)
        }
        let dns = DNSCheck.evaluate(expected: instruction.record, lookups: await lookups, targetAddresses: targets)
        var checks = [Check(name: "DNS", finding: DNSCheck.finding(dns, expected: instruction.record))]
        guard tls else { return checks }
        if let certificate = await certificateFinding(cloud: cloud, hostname: hostname, namespace: namespace, now: now) {
            checks.append(Check(name: "Certificate", finding: certificate))
        }
        // A handshake only means something once the name leads to the load balancer.
        if dns == .correct {
            let verdict = TLSCheck.evaluate(hostname: hostname, result: await network.handshake(hostname), now: now)
            checks.append(Check(name: "TLS", finding: TLSCheck.finding(verdict, hostname: hostname, cloud: cloud)))
        }
        return checks
    }

    /// cert-manager's Certificate (nginx clouds) or GKE's ManagedCertificate (gcp); nil when the
    /// cluster has neither kind (TLS handled elsewhere).
    func certificateFinding(cloud: Cloud, hostname: String, namespace: String, now: Date) async -> PostInstallFinding? {
        let kubectl = connection.kubectl
        if cloud == .gcp {
            guard let text = try? await kubectl.text(kubectl.command(["get", "managedcertificates.networking.gke.io"], namespace: namespace)),
                  let items = try? KubeJSON.decodeList(ManagedCertificateState.self, from: text) else { return nil }
            return CertificateProgress.managed(items.first, namespace: namespace, now: now)
        }
        guard let text = try? await kubectl.text(kubectl.command(["get", "certificates.cert-manager.io"], namespace: namespace)),
              let items = try? KubeJSON.decodeList(CertManagerCertificate.self, from: text) else { return nil }
        let certificate = items.first { $0.dnsNames.contains(hostname) } ?? items.first
        return CertificateProgress.certManager(certificate, namespace: namespace, now: now)
    }
}
