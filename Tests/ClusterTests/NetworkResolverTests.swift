import Glibc
import Installer
import Testing
@testable import Cluster

@Suite struct NetworkResolverTests {
    /// Answers an A query with 203.0.113.7 and an AAAA query with no records, echoing the question.
    static func answer(_ query: [UInt8]) -> [UInt8]? {
        guard query.count > 12 else { return nil }
        let question = Array(query[12...])
        let type = UInt16(question[question.count - 4]) << 8 | UInt16(question[question.count - 3])
        var reply = [query[0], query[1], 0x81, 0x80, 0, 1, 0, type == 1 ? 1 : 0, 0, 0, 0, 0] + question
        if type == 1 { reply += [0xC0, 0x0C, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 203, 0, 113, 7] }
        return reply
    }

    @Test func asksADNSServerOverUDP() async throws {
        let server = try NetworkTestServers.UDPServer(answer: Self.answer)
        defer { server.stop() }
        let resolver = UDPDNSResolver(server: "127.0.0.1", port: server.port, name: "local")
        let lookup = await resolver.lookup("posthog.example.com", timeout: .seconds(3))
        #expect(lookup == DNSLookup(resolver: "local", addresses: ["203.0.113.7"]))
    }

    @Test func aSilentServerTimesOutInTime() async throws {
        let server = try NetworkTestServers.UDPServer(answer: { _ in nil })
        defer { server.stop() }
        let resolver = UDPDNSResolver(server: "127.0.0.1", port: server.port)
        let clock = ContinuousClock()
        let started = clock.now
        let lookup = await resolver.lookup("posthog.example.com", timeout: .milliseconds(500))
        let took = clock.now - started
        #expect(lookup.failure == .timeout)
        #expect(took < .seconds(20), "a silent server must not hold the lookup; the bound tolerates a busy machine")
        #expect(took >= .milliseconds(450))
    }

    @Test func aServerThatIsNotAnAddressIsReported() async {
        let lookup = await UDPDNSResolver(server: "dns.example").lookup("posthog.example.com", timeout: .seconds(1))
        #expect(lookup.failure == .other("dns.example is not an IP address"))
    }

    @Test func systemResolverFindsLocalhost() async {
        let lookup = await SystemDNSResolver().lookup("localhost", timeout: .seconds(5))
        #expect(lookup.resolver == "system")
        #expect(lookup.failure == nil)
        #expect(lookup.addresses.contains("127.0.0.1") || lookup.addresses.contains("::1"))
    }

    @Test func systemResolverReportsANameThatCannotExist() async {
        // .invalid is reserved (RFC 6761): it never resolves; offline machines fail differently.
        let lookup = await SystemDNSResolver().lookup("posthog-install-test.invalid", timeout: .seconds(5))
        #expect(lookup.addresses.isEmpty)
        #expect(lookup.failure != nil)
    }

    @Test func severalResolversKeepTheirOrder() async throws {
        let server = try NetworkTestServers.UDPServer(answer: Self.answer)
        defer { server.stop() }
        let resolvers: [any DNSResolver] = [
            UDPDNSResolver(server: "127.0.0.1", port: server.port, name: "first"),
            UDPDNSResolver(server: "not-an-ip", name: "second"),
        ]
        let lookups = await DNSLookups.lookup("posthog.example.com", resolvers: resolvers, timeout: .seconds(2))
        #expect(lookups.map(\.resolver) == ["first", "second"])
        #expect(lookups[0].addresses == ["203.0.113.7"])
        #expect(lookups[1].failure != nil)
    }

    @Test func systemFailureCodesMapToLookupFailures() {
        #expect(SystemDNSResolver.failure(status: EAI_NONAME, errno: 0) == .noSuchName)
        #expect(SystemDNSResolver.failure(status: -5, errno: 0) == .noAnswer)
        if case .other(let text) = SystemDNSResolver.failure(status: EAI_AGAIN, errno: 0) {
            #expect(text.contains("did not answer"))
        } else {
            Issue.record("EAI_AGAIN should be a failure with text")
        }
    }
}
