#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Installer

/// This computer's own resolver (getaddrinfo: /etc/hosts, then the configured DNS servers),
/// which is what a browser on this machine would use.
public struct SystemDNSResolver: DNSResolver {
    /// Creates the resolver.
    public init() {}

    /// `system`.
    public var name: String { "system" }

    /// Looks `hostname` up with getaddrinfo on its own thread, giving up after `timeout`.
    public func lookup(_ hostname: String, timeout: Duration) async -> DNSLookup {
        await BlockingWork.run(timeout: timeout, onTimeout: DNSLookup(resolver: name, failure: .timeout)) {
            Self.resolve(hostname)
        }
    }

    /// The blocking lookup.
    static func resolve(_ hostname: String) -> DNSLookup {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        hints.ai_flags = AI_CANONNAME
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(hostname, nil, &hints, &list)
        defer { if let list { freeaddrinfo(list) } }
        guard status == 0 else {
            return DNSLookup(resolver: "system", failure: failure(status: status, errno: errno))
        }
        var addresses: [String] = []
        var canonical: String?
        var entry = list
        while let current = entry {
            if canonical == nil, let name = current.pointee.ai_canonname { canonical = String(cString: name) }
            if let address = current.pointee.ai_addr, let text = SocketIO.text(of: address), !addresses.contains(text) {
                addresses.append(text)
            }
            entry = current.pointee.ai_next
        }
        // getaddrinfo reports the end of any alias chain; the name itself is not an alias.
        if let c = canonical, DNSAnswer.normalized(c) == DNSAnswer.normalized(hostname) { canonical = nil }
        return DNSLookup(resolver: "system", addresses: addresses, canonicalName: canonical.map(DNSAnswer.normalized))
    }

    /// getaddrinfo's error as a `DNSLookup.Failure`.
    static func failure(status: Int32, errno code: Int32) -> DNSLookup.Failure {
        switch status {
        case EAI_NONAME: return .noSuchName
        case -5: return .noAnswer        // EAI_NODATA (glibc): the name has no address records
        case EAI_AGAIN: return .other("the DNS server did not answer (temporary failure in name resolution)")
        case EAI_SYSTEM: return .other(SocketIO.errorText(code))
        default: return .other(gai_strerror(status).map { String(cString: $0) } ?? "getaddrinfo error \(status)")
        }
    }
}
