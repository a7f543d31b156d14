import Installer

/// Turns the A and AAAA responses for one name into a `DNSLookup` (pure).
public enum DNSAnswer {
    /// Follows the CNAME chain from `name` through the answers and collects the addresses of its end.
    /// `canonicalName` is the first alias target, the record a person creates; responses that are
    /// nil did not arrive in time.
    public static func lookup(name: String, resolver: String, responses: [DNSResponse?]) -> DNSLookup {
        let wanted = normalized(name)
        var addresses: [String] = []
        var canonical: String?
        var codes: [UInt8] = []
        for response in responses.compactMap({ $0 }) {
            codes.append(response.responseCode)
            guard response.responseCode == 0 else { continue }
            let chain = aliasChain(from: wanted, in: response.answers)
            if canonical == nil, chain.count > 1 { canonical = chain[1] }
            let owners = Set(chain)
            for record in response.answers where owners.contains(record.name) {
                switch record.data {
                case .a(let ip), .aaaa(let ip): if !addresses.contains(ip) { addresses.append(ip) }
                default: break
                }
            }
        }
        if !addresses.isEmpty || canonical != nil {
            return DNSLookup(resolver: resolver, addresses: addresses, canonicalName: canonical)
        }
        if codes.isEmpty { return DNSLookup(resolver: resolver, failure: .timeout) }
        if codes.contains(3) { return DNSLookup(resolver: resolver, failure: .noSuchName) }
        if codes.contains(0) { return DNSLookup(resolver: resolver, failure: .noAnswer) }
        return DNSLookup(resolver: resolver, failure: .other(describe(code: codes[0])))
    }

    /// `name`, then each alias target in turn (at most 16 hops, no repeats).
    public static func aliasChain(from name: String, in answers: [DNSResourceRecord]) -> [String] {
        var chain = [normalized(name)]
        while chain.count <= 16, let current = chain.last,
              let next = answers.first(where: { $0.name == current && $0.type == .cname }),
              case .cname(let target) = next.data, !chain.contains(target) {
            chain.append(target)
        }
        return chain
    }

    /// The response code as words.
    public static func describe(code: UInt8) -> String {
        switch code {
        case 1: return "the resolver could not read the question (FORMERR)"
        case 2: return "the resolver failed to get an answer (SERVFAIL)"
        case 3: return "the name does not exist (NXDOMAIN)"
        case 4: return "the resolver does not support the question (NOTIMP)"
        case 5: return "the resolver refused the question (REFUSED)"
        default: return "the resolver answered with code \(code)"
        }
    }

    static func normalized(_ name: String) -> String {
        var n = name.lowercased()
        while n.hasSuffix(".") { n.removeLast() }
        return n
    }
}
