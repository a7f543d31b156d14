import Installer

/// Opens a TLS connection to a host and reports the certificate it serves, without failing on
/// an untrusted or mismatched certificate (the check wants to see exactly what is wrong).
/// Implementations never throw and never take longer than the timeout.
public protocol TLSProbe: Sendable {
    /// Connects to `host:port` (a name or an IP address), sends `serverName` as SNI when it is
    /// a name, and describes the outcome.
    func handshake(host: String, port: UInt16, serverName: String?, timeout: Duration) async -> TLSHandshakeResult
}

extension TLSProbe {
    /// The HTTPS check for `hostname`: port 443, SNI `hostname`.
    public func handshake(hostname: String, timeout: Duration) async -> TLSHandshakeResult {
        await handshake(host: hostname, port: 443, serverName: hostname, timeout: timeout)
    }
}
