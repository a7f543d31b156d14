import COpenSSL
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Installer

/// The real `TLSProbe` on OpenSSL: TCP connect with a deadline, TLS handshake with SNI and
/// without verification failures, then the leaf certificate's fields and whether its chain
/// verified against the trusted roots.
public struct OpenSSLTLSProbe: TLSProbe {
    /// A PEM file of trusted roots used instead of the system's (tests, private authorities).
    public var trustedCertificatesFile: String?

    /// A probe trusting the system's roots, or only those in `trustedCertificatesFile`.
    public init(trustedCertificatesFile: String? = nil) {
        self.trustedCertificatesFile = trustedCertificatesFile
        _ = Self.ignoreBrokenPipe
    }

    /// A peer that closes the socket while OpenSSL writes would otherwise end the program with SIGPIPE.
    private static let ignoreBrokenPipe: Void = { signal(SIGPIPE, SIG_IGN) }()

    /// Connects and shakes hands on a thread of its own, bounded by `timeout`.
    public func handshake(host: String, port: UInt16, serverName: String?, timeout: Duration) async -> TLSHandshakeResult {
        let trusted = trustedCertificatesFile
        let late = TLSHandshakeResult(connected: false, error: "no answer from \(host):\(port) within \(Self.seconds(timeout))")
        return await BlockingWork.run(timeout: timeout + .milliseconds(250), onTimeout: late) {
            Self.probe(host: host, port: port, serverName: serverName, timeout: timeout, trusted: trusted)
        }
    }

    static func seconds(_ d: Duration) -> String {
        let ms = d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000
        return ms % 1000 == 0 ? "\(ms / 1000) s" : "\(Double(ms) / 1000) s"
    }

    /// The blocking probe.
    static func probe(host: String, port: UInt16, serverName: String?, timeout: Duration, trusted: String?) -> TLSHandshakeResult {
        let deadline = Deadline(after: timeout)
        let addresses: [String]
        if SocketIO.isIPLiteral(host) {
            addresses = [host]
        } else {
            let lookup = SystemDNSResolver.resolve(host)
            guard !lookup.addresses.isEmpty else {
                return TLSHandshakeResult(connected: false, error: "\(host) does not resolve to an address")
            }
            addresses = lookup.addresses
        }
        var lastError = "no address to connect to"
        for address in addresses {
            if deadline.hasPassed { break }
            let outcome = SocketIO.withAddress(ip: address, port: port) { sockaddr, length, family in
                SocketIO.connect(to: sockaddr, length: length, family: family, until: deadline)
            }
            switch outcome {
            case .connected(let fd)?:
                defer { close(fd) }
                return handshake(fd: fd, serverName: serverName, deadline: deadline, trusted: trusted, target: "\(host):\(port)", timeout: timeout)
            case .failed(let why)?:
                lastError = "cannot connect to \(address) port \(port): \(why)"
            case .timedOut?:
                return TLSHandshakeResult(connected: false, error: "no answer from \(address) port \(port) within \(seconds(timeout))")
            case nil:
                lastError = "\(address) is not an IP address"
            }
        }
        if deadline.hasPassed {
            return TLSHandshakeResult(connected: false, error: "no answer from \(host):\(port) within \(seconds(timeout))")
        }
        return TLSHandshakeResult(connected: false, error: lastError)
    }

    /// The handshake over a connected socket.
    private static func handshake(fd: Int32, serverName: String?, deadline: Deadline, trusted: String?,
                                  target: String, timeout: Duration) -> TLSHandshakeResult {
        ERR_clear_error()
        guard let context = SSL_CTX_new(TLS_client_method()) else {
            return TLSHandshakeResult(connected: true, error: "TLS setup failed: \(errorQueueText())")
        }
        defer { SSL_CTX_free(context) }
        if let trusted {
            if SSL_CTX_load_verify_file(context, trusted) != 1 {
                return TLSHandshakeResult(connected: true, error: "cannot read trusted certificates from \(trusted): \(errorQueueText())")
            }
        } else {
            SSL_CTX_set_default_verify_paths(context)
        }
        SSL_CTX_set_verify(context, SSL_VERIFY_NONE, nil)
        guard let ssl = SSL_new(context) else {
            return TLSHandshakeResult(connected: true, error: "TLS setup failed: \(errorQueueText())")
        }
        defer { SSL_free(ssl) }
        SSL_set_fd(ssl, fd)
        if let serverName, !SocketIO.isIPLiteral(serverName) {
            _ = serverName.withCString { SSL_ctrl(ssl, SSL_CTRL_SET_TLSEXT_HOSTNAME, Int(TLSEXT_NAMETYPE_host_name), UnsafeMutableRawPointer(mutating: $0)) }
        }
        while true {
            let rc = SSL_connect(ssl)
            if rc == 1 { break }
            let code = SSL_get_error(ssl, rc)
            let events: Int32
            switch code {
            case SSL_ERROR_WANT_READ: events = Int32(POLLIN)
            case SSL_ERROR_WANT_WRITE: events = Int32(POLLOUT)
            case SSL_ERROR_SYSCALL:
                let detail = errorQueueText()
                let why = !detail.isEmpty ? detail : (errno != 0 && rc < 0 ? SocketIO.errorText(errno) : "the server closed the connection")
                return TLSHandshakeResult(connected: true, error: "TLS handshake with \(target) failed: \(why)")
            case SSL_ERROR_ZERO_RETURN:
                return TLSHandshakeResult(connected: true, error: "TLS handshake with \(target) failed: the server closed the connection")
            default:
                return TLSHandshakeResult(connected: true, error: "TLS handshake with \(target) failed: \(errorQueueText())")
            }
            if !SocketIO.wait(fd, for: Int16(events), until: deadline) {
                return TLSHandshakeResult(connected: true, error: "the TLS handshake with \(target) did not finish within \(seconds(timeout))")
            }
        }
        guard let certificate = SSL_get1_peer_certificate(ssl) else {
            return TLSHandshakeResult(connected: true, error: "\(target) presented no certificate")
        }
        defer { X509_free(certificate) }
        var result = TLSHandshakeResult(connected: true)
        CertificateFields(x509: certificate).apply(to: &result)
        let verify = SSL_get_verify_result(ssl)
        result.chainVerified = verify == X509_V_OK
        if !result.chainVerified {
            result.verificationError = X509_verify_cert_error_string(verify).map { String(cString: $0) } ?? "verification error \(verify)"
        }
        _ = SSL_shutdown(ssl)   // a polite close_notify; the socket is non-blocking, so this never waits
        return result
    }

    /// The reason texts of OpenSSL's error queue, emptied.
    static func errorQueueText() -> String {
        var reasons: [String] = []
        while case let code = ERR_get_error(), code != 0 {
            if let reason = ERR_reason_error_string(code) {
                let text = String(cString: reason)
                if !reasons.contains(text) { reasons.append(text) }
            } else {
                var buffer = [UInt8](repeating: 0, count: 256)
                buffer.withUnsafeMutableBufferPointer { b in
                    b.withMemoryRebound(to: CChar.self) { ERR_error_string_n(code, $0.baseAddress, $0.count) }
                }
                reasons.append(String(decoding: buffer.prefix { $0 != 0 }, as: UTF8.self))
            }
        }
        return reasons.joined(separator: "; ")
    }
}
