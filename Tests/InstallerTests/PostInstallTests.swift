import Foundation
import Kube
import Testing
@testable import Installer

@Suite struct PostInstallTests {
    @Test(arguments: [
        (Cloud.gcp, false, AddressSource.service("posthog")),
        (.aws, false, .service("posthog-ingress-nginx-controller")),
        (.do, false, .service("posthog-ingress-nginx-controller")),
        (.other, false, .service("posthog-ingress-nginx-controller")),
        (.do, true, .ingress("posthog")),
    ])
    func addressSourcePerCloud(cloud: Cloud, oneClick: Bool, source: AddressSource) {
        #expect(AddressSource.forCloud(cloud, oneClick: oneClick) == source)
    }

    @Test func addressCommands() {
        #expect(AddressSource.service("posthog").command() == ["kubectl", "get", "svc", "posthog", "-n", "posthog", "-o", "json"])
        #expect(AddressSource.ingress("ph").command(namespace: "a", context: "c") == ["kubectl", "get", "ingress", "ph", "-n", "a", "-o", "json", "--context", "c"])
        #expect(AddressSource.forCloud(.aws, release: "ph") == .service("ph-ingress-nginx-controller"))
    }

    @Test func addressStatusTable() {
        let src = AddressSource.service("posthog-ingress-nginx-controller")
        #expect(AddressLookup.status(source: src, service: nil, ingress: nil) == .notFound)
        #expect(AddressLookup.status(source: src, service: Service(name: "x", type: "LoadBalancer"), ingress: nil) == .pending)
        #expect(AddressLookup.status(source: src, service: Service(name: "x", type: "NodePort"), ingress: nil) == .notLoadBalancer(type: "NodePort"))
        let aws = Service(name: "x", type: "LoadBalancer", ingress: [LoadBalancerIngress(hostname: "a1b2-123.eu-west-1.elb.amazonaws.com")])
        #expect(AddressLookup.status(source: src, service: aws, ingress: nil) == .ready(ExternalAddress(kind: .hostname, value: "a1b2-123.eu-west-1.elb.amazonaws.com")))
        let ing = AddressSource.ingress("posthog")
        #expect(AddressLookup.status(source: ing, service: nil, ingress: Ingress(name: "posthog")) == .pending)
        #expect(AddressLookup.status(source: ing, service: nil, ingress: Ingress(name: "posthog", ingress: [LoadBalancerIngress(ip: "203.0.113.7")]))
                == .ready(ExternalAddress(kind: .ipv4, value: "203.0.113.7")))
    }

    @Test func addressFindings() {
        let src = AddressSource.service("posthog")
        #expect(AddressLookup.finding(.pending, source: src, cloud: .aws).message.contains("2–10 minutes on AWS"))
        #expect(AddressLookup.finding(.pending, source: src, cloud: .other).fix.contains("MetalLB"))
        #expect(AddressLookup.finding(.notFound, source: src, cloud: .gcp).status == .problem)
        #expect(AddressLookup.finding(.ready(ExternalAddress(kind: .ipv4, value: "1.2.3.4")), source: src, cloud: .gcp).message
                == "PostHog's load balancer has the IP address 1.2.3.4.")
    }

    @Test func dnsInstructionForAnIP() {
        let i = DNSInstruction.make(hostname: "PostHog.Example.com.", address: ExternalAddress(kind: .ipv4, value: "203.0.113.10"))
        #expect(i.record == DNSRecord(type: "A", name: "posthog.example.com", value: "203.0.113.10"))
        #expect(i.apexNote == nil)
        #expect(i.lines.first == "Create an A record: posthog.example.com → 203.0.113.10.")
        #expect(i.lines.contains("Zone-file form: posthog.example.com. 300 IN A 203.0.113.10"))
    }

    @Test func dnsInstructionForAnAWSHostname() {
        let lb = ExternalAddress(kind: .hostname, value: "a1b2-123.eu-west-1.elb.amazonaws.com")
        let sub = DNSInstruction.make(hostname: "posthog.example.com", address: lb)
        #expect(sub.record.type == "CNAME")
        #expect(sub.apexNote == nil)
        #expect(sub.lines.contains("Zone-file form: posthog.example.com. 300 IN CNAME a1b2-123.eu-west-1.elb.amazonaws.com."))
        let apex = DNSInstruction.make(hostname: "example.co.uk", address: lb)
        #expect(apex.apexNote?.contains("ALIAS") == true)
        #expect(apex.apexNote?.contains("posthog.example.co.uk") == true)
        // An A record at the apex is fine.
        #expect(DNSInstruction.make(hostname: "example.com", address: ExternalAddress(kind: .ipv4, value: "1.2.3.4")).apexNote == nil)
    }

    @Test(arguments: [
        ("example.com", true), ("example.com.", true), ("example.co.uk", true), ("a.example.co.uk", false),
        ("posthog.example.com", false), ("localhost", true),
    ])
    func apex(hostname: String, isApex: Bool) {
        #expect(DNSInstruction.isApex(hostname) == isApex)
    }

    static let a = DNSRecord(type: "A", name: "posthog.example.com", value: "203.0.113.10")
    static let cname = DNSRecord(type: "CNAME", name: "posthog.example.com", value: "lb.elb.amazonaws.com")

    @Test(arguments: [
        ([DNSLookup(resolver: "system", addresses: ["203.0.113.10"]), DNSLookup(resolver: "1.1.1.1", addresses: ["203.0.113.10"])], DNSCheckResult.correct),
        ([DNSLookup(resolver: "system", failure: .noSuchName), DNSLookup(resolver: "1.1.1.1", failure: .noAnswer)], .notYet),
        ([DNSLookup(resolver: "system", addresses: ["198.51.100.1"])], .pointsElsewhere(addresses: ["198.51.100.1"])),
        ([DNSLookup(resolver: "system", addresses: ["198.51.100.1"]), DNSLookup(resolver: "1.1.1.1", addresses: ["203.0.113.10"])],
         .propagating(updated: ["1.1.1.1"], stale: ["system"])),
        ([DNSLookup(resolver: "system", failure: .noSuchName), DNSLookup(resolver: "1.1.1.1", addresses: ["203.0.113.10"])],
         .propagating(updated: ["1.1.1.1"], stale: ["system"])),
        ([DNSLookup(resolver: "system", failure: .timeout)], .lookupFailed("system: no answer in time")),
        ([DNSLookup](), .lookupFailed("no resolver was asked")),
    ])
    func dnsCheckForAnA(lookups: [DNSLookup], result: DNSCheckResult) {
        #expect(DNSCheck.evaluate(expected: Self.a, lookups: lookups) == result)
    }

    @Test func dnsCheckForACNAME() {
        let viaName = [DNSLookup(resolver: "system", addresses: ["52.1.1.1"], canonicalName: "LB.elb.amazonaws.com.")]
        #expect(DNSCheck.evaluate(expected: Self.cname, lookups: viaName) == .correct)
        let viaAddress = [DNSLookup(resolver: "system", addresses: ["52.1.1.1"])]
        #expect(DNSCheck.evaluate(expected: Self.cname, lookups: viaAddress, targetAddresses: ["52.1.1.1", "52.2.2.2"]) == .correct)
        let wrong = [DNSLookup(resolver: "system", addresses: ["104.16.0.1"], canonicalName: "other.example.net")]
        #expect(DNSCheck.evaluate(expected: Self.cname, lookups: wrong, targetAddresses: ["52.1.1.1"])
                == .pointsElsewhere(addresses: ["104.16.0.1", "other.example.net"]))
    }

    @Test func dnsFindings() {
        #expect(DNSCheck.finding(.correct, expected: Self.a).status == .ok)
        let elsewhere = DNSCheck.finding(.pointsElsewhere(addresses: ["198.51.100.1"]), expected: Self.a)
        #expect(elsewhere.status == .problem)
        #expect(elsewhere.message == "posthog.example.com points at 198.51.100.1, not at 203.0.113.10.")
        #expect(elsewhere.fix.contains("Cloudflare"))
        #expect(DNSCheck.finding(.notYet, expected: Self.a).fix.contains("Create an A record: posthog.example.com → 203.0.113.10"))
        #expect(DNSCheck.finding(.propagating(updated: ["1.1.1.1"], stale: ["system"]), expected: Self.a).status == .waiting)
    }
}

/// What a pending address tells a person on bare metal, and on the simulated cluster.
@Suite struct PendingAddressFindingTests {
    @Test func bareMetalGetsTheLoadBalancerAdviceAndSimulatedRunsASimulateCommand() {
        let other = AddressLookup.finding(.pending, source: .service("posthog-ingress-nginx-controller"), cloud: .other, statusCommand: "posthog-install status --simulate")
        #expect(other.status == .waiting)
        #expect(other.message == "Nothing has given Service posthog-ingress-nginx-controller an address yet (a cloud usually takes 1–5 minutes).")
        #expect(other.fix.hasPrefix("Wait and check again (`posthog-install status --simulate`)."))
        #expect(other.fix.contains("MetalLB") && other.fix.contains("ingress-nginx.controller.service.type: NodePort"))
        let aws = AddressLookup.finding(.pending, source: .service("posthog-ingress-nginx-controller"), cloud: .aws)
        #expect(aws.message.contains("usually 2–10 minutes on AWS"))
        #expect(aws.fix == "Wait and check again (`posthog-install status`).")
    }
}
