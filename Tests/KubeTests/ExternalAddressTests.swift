import Testing
@testable import Kube

struct ExternalAddressTests {
    @Test func digitalOceanIPGivesARecord() throws {
        let svc = try Fixture.list(Service.self, "services.json")[0]
        let a = try #require(ExternalAddress(service: svc))
        #expect(a == ExternalAddress(kind: .ipv4, value: "203.0.113.10"))
        let r = a.dnsRecord(for: "PostHog.Example.com.")
        #expect(r.zoneLine == "posthog.example.com. 300 IN A 203.0.113.10")
        #expect(r.instruction == "Create an A record: posthog.example.com → 203.0.113.10")
        #expect(r.apexWarning == nil)
    }

    @Test func awsHostnameGivesCNAME() throws {
        let svc = try Fixture.list(Service.self, "services.json")[1]
        let a = try #require(ExternalAddress(service: svc))
        #expect(a.kind == .hostname)
        let r = a.dnsRecord(for: "posthog.example.com")
        #expect(r.zoneLine == "posthog.example.com. 300 IN CNAME a1b2c3d4e5f6-1234567890.us-east-1.elb.amazonaws.com.")
        #expect(r.instruction == "Create a CNAME record: posthog.example.com → a1b2c3d4e5f6-1234567890.us-east-1.elb.amazonaws.com")
        #expect(a.dnsRecord(for: "example.com").apexWarning != nil)
    }

    @Test func pendingAndIngressAndIPv6() throws {
        let svcs = try Fixture.list(Service.self, "services.json")
        #expect(ExternalAddress(service: svcs[2]) == nil)
        let ing = try KubeJSON.decode(Ingress.self, from: Fixture.data("ingress-do.json"))
        #expect(ExternalAddress(ingress: ing)?.value == "198.51.100.7")
        let v6 = try #require(ExternalAddress([LoadBalancerIngress(ip: "2001:db8::1")]))
        #expect(v6.dnsRecord(for: "p.example.com", ttl: 60).zoneLine == "p.example.com. 60 IN AAAA 2001:db8::1")
        #expect(ExternalAddress([LoadBalancerIngress(), LoadBalancerIngress(hostname: "lb.example.net")])?.value == "lb.example.net")
    }
}
