import Installer
import Kube
import Testing
@testable import Cluster

/// Byte fixtures for DNS messages, written out field by field so a reader can check them against RFC 1035.
enum DNSFixtures {
    /// `posthog.example.com` as wire labels.
    static let posthogName: [UInt8] = [7] + Array("posthog".utf8) + [7] + Array("example".utf8) + [3] + Array("com".utf8) + [0]

    /// A response header: id, flags, counts (1 question, `answers` answers, no authority/additional).
    static func header(id: UInt16, flags: UInt16, answers: UInt16) -> [UInt8] {
        [UInt8(id >> 8), UInt8(id & 0xFF), UInt8(flags >> 8), UInt8(flags & 0xFF), 0, 1, UInt8(answers >> 8), UInt8(answers & 0xFF), 0, 0, 0, 0]
    }

    /// The question section for posthog.example.com (offset 12 in the message).
    static func question(type: UInt16) -> [UInt8] { posthogName + [UInt8(type >> 8), UInt8(type & 0xFF), 0, 1] }

    /// An answer record: owner, type, class IN, TTL 300, data.
    static func record(owner: [UInt8], type: UInt16, data: [UInt8]) -> [UInt8] {
        owner + [UInt8(type >> 8), UInt8(type & 0xFF), 0, 1, 0, 0, 0x01, 0x2C, UInt8(data.count >> 8), UInt8(data.count & 0xFF)] + data
    }

    /// A pointer to the question name at offset 12.
    static let pointerToQuestion: [UInt8] = [0xC0, 0x0C]

    /// posthog.example.com A 203.0.113.7, the answer's owner compressed.
    static let aAnswer: [UInt8] = header(id: 0x1234, flags: 0x8180, answers: 1) + question(type: 1)
        + record(owner: pointerToQuestion, type: 1, data: [203, 0, 113, 7])

    /// NXDOMAIN (flags 0x8183: response, RD, RA, rcode 3) with no answers.
    static let nxdomain: [UInt8] = header(id: 0x4242, flags: 0x8183, answers: 0) + question(type: 1)

    /// posthog.example.com CNAME k8s-lb.elb.amazonaws.com; k8s-lb.elb.amazonaws.com CNAME
    /// edge.amazonaws.com (suffix compressed); edge.amazonaws.com A 198.51.100.1 and 198.51.100.2.
    static var cnameChain: [UInt8] {
        var m = header(id: 7, flags: 0x8180, answers: 4) + question(type: 1)
        // First target written in full; remember where "elb" and "amazonaws" start for compression.
        let lbName: [UInt8] = [6] + Array("k8s-lb".utf8) + [3] + Array("elb".utf8) + [9] + Array("amazonaws".utf8) + [3] + Array("com".utf8) + [0]
        let firstDataOffset = m.count + 2 + 10
        m += record(owner: pointerToQuestion, type: 5, data: lbName)
        let lbPointer: [UInt8] = [0xC0, UInt8(firstDataOffset)]
        let amazonawsOffset = firstDataOffset + 7 + 4
        let edgeName: [UInt8] = [4] + Array("edge".utf8) + [0xC0, UInt8(amazonawsOffset)]
        let secondDataOffset = m.count + 2 + 10
        m += record(owner: lbPointer, type: 5, data: edgeName)
        let edgePointer: [UInt8] = [0xC0, UInt8(secondDataOffset)]
        m += record(owner: edgePointer, type: 1, data: [198, 51, 100, 1])
        m += record(owner: edgePointer, type: 1, data: [198, 51, 100, 2])
        return m
    }
}

@Suite struct NetworkDNSWireTests {
    @Test func encodesAQueryForAHostname() throws {
        let bytes = try DNSWire.query(id: 0xBEEF, name: "posthog.example.com", type: .a)
        let expected: [UInt8] = [0xBE, 0xEF, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0] + DNSFixtures.posthogName + [0, 1, 0, 1]
        #expect(bytes == expected)
        let aaaa = try DNSWire.query(id: 1, name: "posthog.example.com.", type: .aaaa)
        #expect(Array(aaaa.suffix(4)) == [0, 28, 0, 1])
        #expect(aaaa.count == expected.count)
    }

    @Test func rejectsNamesThatCannotBeSent() {
        #expect(throws: DNSWireError.self) { try DNSWire.encodeName("") }
        #expect(throws: DNSWireError.self) { try DNSWire.encodeName("posthog..example.com") }
        #expect(throws: DNSWireError.self) { try DNSWire.encodeName(String(repeating: "a", count: 64) + ".com") }
        #expect(throws: DNSWireError.self) { try DNSWire.encodeName("pösthog.example.com") }
        let long = Array(repeating: String(repeating: "a", count: 60), count: 5).joined(separator: ".")
        #expect(throws: DNSWireError.self) { try DNSWire.encodeName(long) }
    }

    @Test func readsAnAddressRecordWithACompressedOwner() throws {
        let response = try DNSWire.parseResponse(DNSFixtures.aAnswer)
        #expect(response.id == 0x1234)
        #expect(response.responseCode == 0)
        #expect(response.questionName == "posthog.example.com")
        #expect(response.questionType == .a)
        #expect(response.answers == [DNSResourceRecord(name: "posthog.example.com", type: .a, ttl: 300, data: .a("203.0.113.7"))])
        let lookup = DNSAnswer.lookup(name: "PostHog.Example.com.", resolver: "1.1.1.1", responses: [response, nil])
        #expect(lookup == DNSLookup(resolver: "1.1.1.1", addresses: ["203.0.113.7"]))
    }

    @Test func nxdomainIsNoSuchName() throws {
        let response = try DNSWire.parseResponse(DNSFixtures.nxdomain)
        #expect(response.responseCode == 3)
        #expect(response.answers.isEmpty)
        let lookup = DNSAnswer.lookup(name: "posthog.example.com", resolver: "8.8.8.8", responses: [response, response])
        #expect(lookup.failure == .noSuchName)
        #expect(lookup.addresses.isEmpty)
    }

    @Test func followsACnameChainToItsAddresses() throws {
        let response = try DNSWire.parseResponse(DNSFixtures.cnameChain)
        #expect(response.answers.map(\.name) == ["posthog.example.com", "k8s-lb.elb.amazonaws.com", "edge.amazonaws.com", "edge.amazonaws.com"])
        #expect(response.answers[1].data == .cname("edge.amazonaws.com"))
        #expect(DNSAnswer.aliasChain(from: "posthog.example.com", in: response.answers)
                == ["posthog.example.com", "k8s-lb.elb.amazonaws.com", "edge.amazonaws.com"])
        let lookup = DNSAnswer.lookup(name: "posthog.example.com", resolver: "1.1.1.1", responses: [response])
        #expect(lookup.canonicalName == "k8s-lb.elb.amazonaws.com")
        #expect(lookup.addresses == ["198.51.100.1", "198.51.100.2"])
        // What the post-install check makes of it when the person was told to create that CNAME.
        let expected = DNSRecord(type: "CNAME", name: "posthog.example.com", value: "k8s-lb.elb.amazonaws.com")
        #expect(DNSCheck.evaluate(expected: expected, lookups: [lookup]) == .correct)
    }

    @Test func readsIPv6AddressesInShortForm() throws {
        let data: [UInt8] = [0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]
        let bytes = DNSFixtures.header(id: 9, flags: 0x8180, answers: 1) + DNSFixtures.question(type: 28)
            + DNSFixtures.record(owner: DNSFixtures.pointerToQuestion, type: 28, data: data)
        let response = try DNSWire.parseResponse(bytes)
        #expect(response.answers.first?.data == .aaaa("2001:db8::1"))
        #expect(IPv6Text.format([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]) == "::")
        #expect(IPv6Text.format([0x20, 0x01, 0x0d, 0xb8, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1]) == "2001:db8:1:0:1::1")
    }

    @Test func refusesMalformedMessages() {
        // Cut in the middle of the answer's data.
        #expect(throws: DNSWireError.self) { try DNSWire.parseResponse(Array(DNSFixtures.aAnswer.dropLast(2))) }
        // A name pointer that points at itself would loop forever.
        let loop = DNSFixtures.header(id: 1, flags: 0x8180, answers: 0) + [0xC0, 0x0C, 0, 1, 0, 1]
        #expect(throws: DNSWireError.self) { try DNSWire.parseResponse(loop) }
        // A query (QR bit clear) is not an answer.
        #expect(throws: DNSWireError.self) { try DNSWire.parseResponse(DNSFixtures.header(id: 1, flags: 0x0100, answers: 0)) }
        #expect(throws: DNSWireError.self) { try DNSWire.parseResponse([0x12]) }
    }

    @Test func interpretsResponseCodesAndMissingAnswers() {
        let servfail = DNSResponse(id: 1, responseCode: 2)
        #expect(DNSAnswer.lookup(name: "a.example", resolver: "r", responses: [servfail]).failure
                == .other("the resolver failed to get an answer (SERVFAIL)"))
        #expect(DNSAnswer.lookup(name: "a.example", resolver: "r", responses: [nil, nil]).failure == .timeout)
        #expect(DNSAnswer.lookup(name: "a.example", resolver: "r", responses: [DNSResponse(id: 1, responseCode: 0)]).failure == .noAnswer)
        // An answer for another name is not taken as the answer for this one.
        let stray = DNSResponse(id: 1, responseCode: 0, answers: [DNSResourceRecord(name: "b.example", type: .a, ttl: 1, data: .a("192.0.2.1"))])
        #expect(DNSAnswer.lookup(name: "a.example", resolver: "r", responses: [stray]).addresses.isEmpty)
    }
}
