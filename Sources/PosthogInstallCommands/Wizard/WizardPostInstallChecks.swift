import Cluster
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Installer
import Kube
import TUI

/// The post-install screen's checks: does the hostname resolve to the load balancer (several
/// resolvers), and what certificate does HTTPS serve. The edges (`DNSResolver`, `TLSProbe`) are
/// injected; the verdicts are Installer's `DNSCheck` and `TLSCheck`.
struct WizardPostInstallChecks: Sendable {
    let resolvers: [any DNSResolver]
    let probe: any TLSProbe
    var dnsTimeout: Duration = .seconds(3)
    var tlsTimeout: Duration = .seconds(5)

    /// The checks for `record` (the DNS record the person was asked to create); `https` false
    /// means HTTP-only mode; `simulated` adds a note that the address is a simulated one.
    func run(record: DNSRecord, https: Bool, cloud: Cloud, simulated: Bool, now: @Sendable () -> Date = { Date() }) async
        -> [PostInstallModel.Check]
    {
        var checks: [PostInstallModel.Check] = []
        if simulated {
            checks.append(
                .init(
                    .warning, "Simulated cluster: \(record.value) is an example address, so real DNS will not point at it.",
                    fix: "Run posthog-install against your real cluster for an address you can use."))
        }
        async let lookups = DNSLookups.lookup(record.name, resolvers: resolvers, timeout: dnsTimeout)
        // The simulated address is an example one: a handshake with the real host name would say nothing about it.
        async let handshake: TLSHandshakeResult? = https && !simulated ? probe.handshake(hostname: record.name, timeout: tlsTimeout) : nil
        let dns = DNSCheck.finding(DNSCheck.evaluate(expected: record, lookups: await lookups), expected: record)
        checks.append(Self.check("DNS", dns))
        if let result = await handshake {
            let verdict = TLSCheck.evaluate(hostname: record.name, result: result, now: now())
            checks.append(Self.check("HTTPS", TLSCheck.finding(verdict, hostname: record.name, cloud: cloud)))
        } else if https {
            checks.append(.init(.pending, "HTTPS: not checked for the simulated cluster's example address.", label: "HTTPS"))
        } else {
            checks.append(
                .init(
                    .warning, "HTTPS is off (HTTP-only mode): passwords and data travel unencrypted.",
                    fix: "Once DNS works, run Change settings (posthog-install again) and choose HTTPS.", label: "HTTPS"))
        }
        return checks
    }

    /// A finding as a check line.
    static func check(_ label: String, _ finding: PostInstallFinding) -> PostInstallModel.Check {
        let status: PostInstallModel.CheckStatus =
            switch finding.status {
            case .ok: .ok
            case .waiting: .pending
            case .problem: .failed
            }
        return .init(status, "\(label): \(finding.message)", fix: finding.fix.isEmpty ? nil : finding.fix, label: label)
    }
}
