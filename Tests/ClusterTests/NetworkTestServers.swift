import COpenSSL
import Foundation
import Glibc
import Synchronization

/// Small servers on 127.0.0.1 for the network tests, each serving on a thread of its own and
/// bounded by socket timeouts so a failing test cannot hang.
enum NetworkTestServers {
    /// A bound socket on 127.0.0.1 with an ephemeral port.
    static func bind(datagram: Bool) throws -> (fd: Int32, port: UInt16) {
        let fd = socket(AF_INET, Int32(datagram ? SOCK_DGRAM.rawValue : SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestServerError("socket: \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { close(fd); throw TestServerError("bind: \(errno)") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        return (fd, UInt16(bigEndian: address.sin_port))
    }

    /// A port on 127.0.0.1 where nothing listens.
    static func closedPort() throws -> UInt16 {
        let (fd, port) = try bind(datagram: false)
        close(fd)
        return port
    }

    /// A UDP server answering each query with `answer(query)` (nil: stay silent), until `stop()`.
    final class UDPServer: Sendable {
        let port: UInt16
        private let fd: Int32
        private let stopped = Atomic<Bool>(false)

        init(answer: @escaping @Sendable ([UInt8]) -> [UInt8]?) throws {
            (fd, port) = try NetworkTestServers.bind(datagram: true)
            var short = timeval(tv_sec: 0, tv_usec: 100_000)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &short, socklen_t(MemoryLayout<timeval>.size))
            let fd = self.fd
            Thread.detachNewThread { [self] in
                var buffer = [UInt8](repeating: 0, count: 1500)
                while !self.stopped.load(ordering: .relaxed) {
                    var peer = sockaddr_storage()
                    var peerLength = socklen_t(MemoryLayout<sockaddr_storage>.size)
                    let n = withUnsafeMutablePointer(to: &peer) { p in
                        p.withMemoryRebound(to: sockaddr.self, capacity: 1) { sp in
                            buffer.withUnsafeMutableBytes { recvfrom(fd, $0.baseAddress, $0.count, 0, sp, &peerLength) }
                        }
                    }
                    guard n > 0, let reply = answer(Array(buffer[0..<n])) else { continue }
                    _ = withUnsafePointer(to: &peer) { p in
                        p.withMemoryRebound(to: sockaddr.self, capacity: 1) { sp in
                            reply.withUnsafeBytes { sendto(fd, $0.baseAddress, $0.count, 0, sp, peerLength) }
                        }
                    }
                }
                close(fd)
            }
        }

        func stop() { stopped.store(true, ordering: .relaxed) }
    }

    /// A TCP listener that accepts nothing: connections complete in the kernel, then nothing is said.
    static func silentListener() throws -> (fd: Int32, port: UInt16) {
        let (fd, port) = try bind(datagram: false)
        guard listen(fd, 8) == 0 else { close(fd); throw TestServerError("listen: \(errno)") }
        return (fd, port)
    }

    /// Serves one TLS handshake with `certificate` and `key` (OpenSSL objects, kept alive by the caller)
    /// and records the SNI name the client sent.
    final class TLSServer: Sendable {
        let port: UInt16
        private let sni = Mutex<String?>(nil)
        private let done = Atomic<Bool>(false)

        /// The server name the client asked for, once the server side of the handshake has
        /// finished (the client can return a moment before the server thread does).
        func receivedServerName() async -> String? {
            for _ in 0..<500 where !done.load(ordering: .acquiring) { try? await Task.sleep(for: .milliseconds(10)) }
            return sni.withLock { $0 }
        }

        init(certificatePEM: String, keyPEM: String) throws {
            let (fd, port) = try NetworkTestServers.bind(datagram: false)
            self.port = port
            guard listen(fd, 1) == 0 else { close(fd); throw TestServerError("listen: \(errno)") }
            let certificate = try TestCertificates.parseCertificate(certificatePEM)
            let key = try TestCertificates.parseKey(keyPEM)
            nonisolated(unsafe) let handles = (certificate, key)
            Thread.detachNewThread { [self] in
                defer { X509_free(handles.0); EVP_PKEY_free(handles.1); close(fd); self.done.store(true, ordering: .releasing) }
                let client = accept(fd, nil, nil)
                guard client >= 0 else { return }
                defer { close(client) }
                var timeout = timeval(tv_sec: 5, tv_usec: 0)
                setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                guard let context = SSL_CTX_new(TLS_server_method()) else { return }
                defer { SSL_CTX_free(context) }
                SSL_CTX_use_certificate(context, handles.0)
                SSL_CTX_use_PrivateKey(context, handles.1)
                guard let ssl = SSL_new(context) else { return }
                defer { SSL_free(ssl) }
                SSL_set_fd(ssl, client)
                if SSL_accept(ssl) == 1 {
                    let name = SSL_get_servername(ssl, Int32(TLSEXT_NAMETYPE_host_name)).map { String(cString: $0) }
                    self.sni.withLock { $0 = name }
                    SSL_shutdown(ssl)
                }
                ERR_clear_error()
            }
        }
    }
}

struct TestServerError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
