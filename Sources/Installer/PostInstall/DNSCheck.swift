import Kube

/// What one resolver answered for the hostname (filled in by the DNS edge).
public struct DNSLookup: Hashable, Sendable {
    /// Why a lookup gave no addresses.
    public enum Failure: Hashable, Sendable {
        /// NXDOMAIN: the name does not exist.
        case noSuchName
        /// The name exists but has no address records.
        case noAnswer
        /// The resolver did not answer in time.
        case timeout
        /// Anything else, with the resolver's text.
        case other(String)
    }

    /// Which resolver (`system`, `1.1.1.1`, `8.8.8.8`).
    public var resolver: String
    /// The IP addresses the name resolved to.
    public var addresses: [String]
    /// The name's CNAME target, if it has one.
    public var canonicalName: String?
    /// Set when the lookup failed.
    public var failure: Failure?

    /// A lookup result.
    public init(resolver: String, addresses: [String] = [], canonicalName: String? = nil, failure: Failure? = nil) {
        self.resolver = resolver; self.addresses = addresses; self.canonicalName = canonicalName; self.failure = failure
    }
}

/// The outcome of comparing DNS answers with the record the person was asked to create.
public enum DNSCheckResult: Hashable, Sendable {
    /// Every resolver sees the expected record.
    case correct
    /// No resolver knows the name yet.
    case notYet
    /// The name resolves, but to other addresses.
    case pointsElsewhere(addresses: [String])
    /// Some resolvers see the new record, others still the old or no answer.
    case propagating(updated: [String], stale: [String])
    /// The lookups themselves failed.
    case lookupFailed(String)
}

/// Compares resolved addresses with the expected record (pure).
public enum DNSCheck {
    /// Compares `lookups` (one per resolver) with `expected`. For a CNAME, `targetAddresses` are the
    /// load balancer host name's own addresses: a lookup returning any of them counts as correct,
    /// since resolvers may not report the CNAME itself.
    public static func evaluate(expected: DNSRecord, lookups: [DNSLookup], targetAddresses: [String] = []) -> DNSCheckResult {
        guard !lookups.isEmpty else { return .lookupFailed("no resolver was asked") }
        func matches(_ l: DNSLookup) -> Bool {
            if expected.type == "CNAME" {
                if let c = l.canonicalName, normalized(c) == normalized(expected.value) { return true }
                return !Set(l.addresses).isDisjoint(with: targetAddresses)
            }
            return l.addresses.contains(expected.value)
        }
        let updated = lookups.filter(matches)
        if updated.count == lookups.count { return .correct }
        if !updated.isEmpty {
            return .propagating(updated: updated.map(\.resolver), stale: lookups.filter { !matches($0) }.map(\.resolver))
        }
        let answered = lookups.filter { !$0.addresses.isEmpty || $0.canonicalName != nil }
        if !answered.isEmpty {
            var seen: [String] = []
            for a in answered.flatMap({ $0.addresses + ($0.canonicalName.map { [normalized($0)] } ?? []) }) where !seen.contains(a) {
                seen.append(a)
            }
            return .pointsElsewhere(addresses: seen)
        }
        let absent = lookups.allSatisfy { $0.failure == .noSuchName || $0.failure == .noAnswer || $0.failure == nil }
        if absent { return .notYet }
        let reasons = lookups.compactMap { l -> String? in
            switch l.failure {
            case .timeout: return "\(l.resolver): no answer in time"
            case .other(let t): return "\(l.resolver): \(t)"
            default: return nil
            }
        }
        return .lookupFailed(reasons.joined(separator: "; "))
    }

    /// What to tell the person.
    public static func finding(_ result: DNSCheckResult, expected: DNSRecord) -> PostInstallFinding {
        let name = expected.name
        switch result {
        case .correct:
            return PostInstallFinding(.ok, "\(name) points at \(expected.value).")
        case .notYet:
            return PostInstallFinding(.waiting, "\(name) does not resolve yet.",
                                      fix: "Create the record if you have not (\(expected.instruction)). New records usually appear within a few minutes; a resolver that cached \"does not exist\" can take up to an hour.")
        case .pointsElsewhere(let addresses):
            return PostInstallFinding(.problem, "\(name) points at \(addresses.joined(separator: ", ")), not at \(expected.value).",
                                      fix: "Change the \(expected.type) record to \(expected.value). If your DNS provider proxies the name (such as Cloudflare's orange cloud), switch it to DNS only until the certificate is issued. After a change, old answers can linger for the record's previous TTL.")
        case let .propagating(updated, stale):
            return PostInstallFinding(.waiting, "\(name) is propagating: \(updated.joined(separator: ", ")) already see \(expected.value), \(stale.joined(separator: ", ")) not yet.",
                                      fix: "Nothing to do; resolvers pick up the new record once their cached answer expires (usually minutes, at most the old TTL).")
        case .lookupFailed(let reason):
            return PostInstallFinding(.problem, "Could not look up \(name): \(reason).",
                                      fix: "Check this computer's network and DNS settings, then check again.")
        }
    }

    private static func normalized(_ name: String) -> String {
        var n = name.lowercased()
        while n.hasSuffix(".") { n.removeLast() }
        return n
    }
}
