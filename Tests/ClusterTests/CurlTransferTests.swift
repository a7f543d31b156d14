#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import Cluster

/// libcurl is loaded only when something is downloaded: these transfers go through the
/// loaded library against a one-answer server on the loopback interface.
@Suite struct CurlTransferTests {
    /// A server on 127.0.0.1 that answers one connection with `response` and closes.
    final class OneAnswerServer: Sendable {
        let port: UInt16
        private let socket: Int32

        init(response: String) throws {
            let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = 0
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                    bind(fd, pointer, length) == 0 && listen(fd, 1) == 0 && getsockname(fd, pointer, &length) == 0
                }
            }
            try #require(fd >= 0 && bound)
            socket = fd
            port = UInt16(bigEndian: address.sin_port)
            let bytes = Array(response.utf8)
            Thread.detach {
                let client = accept(fd, nil, nil)
                guard client >= 0 else { return }
                var request = [UInt8](repeating: 0, count: 4096)
                _ = read(client, &request, request.count)
                _ = bytes.withUnsafeBytes { write(client, $0.baseAddress, $0.count) }
                close(client)
            }
        }

        deinit { close(socket) }
    }

    /// A detached pthread (the test target has no Foundation.Thread).
    enum Thread {
        static func detach(_ body: @escaping @Sendable () -> Void) {
            final class Box {
                let body: @Sendable () -> Void
                init(_ body: @escaping @Sendable () -> Void) { self.body = body }
            }
            var thread = pthread_t()
            let context = Unmanaged.passRetained(Box(body)).toOpaque()
            pthread_create(
                &thread, nil,
                { context in
                    Unmanaged<Box>.fromOpaque(context!).takeRetainedValue().body()
                    return nil
                }, context)
            pthread_detach(thread)
        }
    }

    @Test func anAnswerArrivesWithItsStatusAndBody() throws {
        let server = try OneAnswerServer(response: "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello")
        let outcome = CurlTransfer.get("http://127.0.0.1:\(server.port)/index.yaml", timeout: 10, maxBytes: 1024)
        #expect(outcome == .response(status: 200, body: Array("hello".utf8)))
    }

    @Test func aBodyPastTheLimitStopsTheTransfer() throws {
        let body = String(repeating: "x", count: 4000)
        let server = try OneAnswerServer(response: "HTTP/1.1 200 OK\r\nContent-Length: 4000\r\nConnection: close\r\n\r\n\(body)")
        let outcome = CurlTransfer.get("http://127.0.0.1:\(server.port)/big", timeout: 10, maxBytes: 100)
        guard case .tooLarge(let bytes) = outcome else {
            Issue.record("expected the transfer to stop, got \(outcome)")
            return
        }
        #expect(bytes <= 100)
    }

    @Test func aRefusedConnectionIsLibcurlsCouldNotConnect() throws {
        // Port 1 on the loopback interface: nothing listens there.
        guard case .failed(let reason, let code) = CurlTransfer.get("http://127.0.0.1:1/", timeout: 10, maxBytes: 1024) else {
            Issue.record("expected a failure")
            return
        }
        #expect(code == 7)  // CURLE_COULDNT_CONNECT
        #expect(!reason.isEmpty)
    }
}
