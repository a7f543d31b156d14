#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Installer

/// Asks one DNS server directly over UDP (A and AAAA, recursion desired), bypassing this
/// computer's resolver and its cache: public resolvers show whether a new record is visible
/// on the internet.
public struct UDPDNSResolver: DNSResolver {
    /// The server's IP address.
    public var server: String
    /// The server's port (53).
    public var port: UInt16
    /// The label in findings; the server address unless given.
    public var name: String

    /// A resolver for `server` (an IPv4 or IPv6 literal).
    public init(server: String, port: UInt16 = 53, name: String? = nil) {
        self.server = server; self.port = port; self.name = name ?? server
    }

    /// Sends the two queries and waits for their answers until `timeout`; unanswered queries are
    /// sent once more halfway through, since UDP packets can be lost.
    public func lookup(_ hostname: String, timeout: Duration) async -> DNSLookup {
        let (server, port, name) = (self.server, self.port, self.name)
        return await BlockingWork.run(timeout: timeout + .milliseconds(200), onTimeout: DNSLookup(resolver: name, failure: .timeout)) {
            Self.exchange(hostname, server: server, port: port, resolver: name, timeout: timeout)
        }
    }

    /// The blocking exchange, bounded by `timeout`.
    static func exchange(_ hostname: String, server: String, port: UInt16, resolver: String, timeout: Duration) -> DNSLookup {
        let types: [DNSRecordType] = [.a, .aaaa]
        var queries: [(id: UInt16, bytes: [UInt8])] = []
        do {
            for type in types {
                let id = UInt16.random(in: 1...UInt16.max)
                queries.append((id, try DNSWire.query(id: id, name: hostname, type: type)))
            }
        } catch {
            return DNSLookup(resolver: resolver, failure: .other(error.description))
        }
        let outcome: DNSLookup? = SocketIO.withAddress(ip: server, port: port) { address, length, family in
            let fd = SocketIO.makeSocket(family: family, datagram: true)
            guard fd >= 0 else { return DNSLookup(resolver: resolver, failure: .other(SocketIO.errorText(errno))) }
            defer { close(fd) }
            func send(_ bytes: [UInt8]) -> Int32? {
                let sent = bytes.withUnsafeBytes { sendto(fd, $0.baseAddress, $0.count, 0, address, length) }
                return sent < 0 ? errno : nil
            }
            var responses = [DNSResponse?](repeating: nil, count: queries.count)
            let deadline = Deadline(after: timeout)
            let retry = Deadline(after: timeout / 2)
            var retried = false
            for query in queries {
                if let code = send(query.bytes) {
                    return DNSLookup(resolver: resolver, failure: .other("cannot reach \(server): \(SocketIO.errorText(code))"))
                }
            }
            var buffer = [UInt8](repeating: 0, count: 4096)
            while responses.contains(where: { $0 == nil }) {
                let waitUntil = retried ? deadline : retry
                if !SocketIO.wait(fd, for: Int16(POLLIN), until: waitUntil) {
                    if deadline.hasPassed { break }
                    if !retried {
                        retried = true
                        for (i, query) in queries.enumerated() where responses[i] == nil { _ = send(query.bytes) }
                    }
                    continue
                }
                let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if count < 0 {
                    if errno == EAGAIN || errno == EINTR { continue }
                    if errno == ECONNREFUSED {
                        return DNSLookup(resolver: resolver, failure: .other("\(server) refused the connection (no DNS server on port \(port))"))
                    }
                    return DNSLookup(resolver: resolver, failure: .other(SocketIO.errorText(errno)))
                }
                guard let response = try? DNSWire.parseResponse(Array(buffer[0..<count])),
                      let index = queries.firstIndex(where: { $0.id == response.id }),
                      response.questionName == nil || response.questionName == DNSAnswer.normalized(hostname) else { continue }
                responses[index] = response
            }
            return DNSAnswer.lookup(name: hostname, resolver: resolver, responses: responses)
        }
        return outcome ?? DNSLookup(resolver: resolver, failure: .other("\(server) is not an IP address"))
    }
}
