#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A point in time by which a network operation must be over.
struct Deadline: Sendable {
    let end: ContinuousClock.Instant

    init(after duration: Duration) { end = .now + duration }

    /// Milliseconds left for poll(2), at least 0.
    var remainingMilliseconds: Int32 {
        let left = end - .now
        guard left > .zero else { return 0 }
        let (seconds, attoseconds) = left.components
        let ms = seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1
        return Int32(clamping: ms)
    }

    var hasPassed: Bool { ContinuousClock.now >= end }
}

/// Thin helpers over BSD sockets, all non-blocking and bounded by a `Deadline`.
enum SocketIO {
    /// The error text for an errno value (`Connection refused`).
    static func errorText(_ code: Int32) -> String {
        strerror(code).map { String(cString: $0) } ?? "error \(code)"
    }

    /// Calls `body` with the socket address of an IPv4 or IPv6 literal; nil when `ip` is neither.
    static func withAddress<R>(ip: String, port: UInt16, _ body: (UnsafePointer<sockaddr>, socklen_t, Int32) -> R) -> R? {
        var v4 = sockaddr_in()
        if inet_pton(AF_INET, ip, &v4.sin_addr) == 1 {
            v4.sin_family = sa_family_t(AF_INET)
            v4.sin_port = port.bigEndian
            return withUnsafePointer(to: &v4) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_in>.size), AF_INET) }
            }
        }
        var v6 = sockaddr_in6()
        if inet_pton(AF_INET6, ip, &v6.sin6_addr) == 1 {
            v6.sin6_family = sa_family_t(AF_INET6)
            v6.sin6_port = port.bigEndian
            return withUnsafePointer(to: &v6) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_in6>.size), AF_INET6) }
            }
        }
        return nil
    }

    /// Whether `ip` is an IPv4 or IPv6 literal.
    static func isIPLiteral(_ ip: String) -> Bool {
        withAddress(ip: ip, port: 0) { _, _, _ in true } ?? false
    }

    /// The numeric text of a socket address (`203.0.113.7`, `2001:db8::1`).
    static func text(of address: UnsafePointer<sockaddr>) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        switch Int32(address.pointee.sa_family) {
        case AF_INET:
            return address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { p in
                var a = p.pointee.sin_addr
                return inet_ntop(AF_INET, &a, &buffer, socklen_t(buffer.count)).map { String(cString: $0) }
            }
        case AF_INET6:
            return address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { p in
                var a = p.pointee.sin6_addr
                return inet_ntop(AF_INET6, &a, &buffer, socklen_t(buffer.count)).map { String(cString: $0) }
            }
        default:
            return nil
        }
    }

    /// A non-blocking, close-on-exec socket.
    static func makeSocket(family: Int32, datagram: Bool) -> Int32 {
        #if canImport(Glibc)
        let type = Int32(datagram ? SOCK_DGRAM.rawValue : SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        return socket(family, type, 0)
        #else
        let fd = socket(family, datagram ? SOCK_DGRAM : SOCK_STREAM, 0)
        if fd >= 0 { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        return fd
        #endif
    }

    /// Waits until `fd` is ready for `events` (POLLIN/POLLOUT); false when the deadline passed first.
    static func wait(_ fd: Int32, for events: Int16, until deadline: Deadline) -> Bool {
        while true {
            let ms = deadline.remainingMilliseconds
            if ms == 0 { return false }
            var entry = pollfd(fd: fd, events: events, revents: 0)
            let n = poll(&entry, 1, ms)
            if n > 0 { return true }
            if n == 0 { if deadline.hasPassed { return false } else { continue } }
            if errno != EINTR { return true }   // let the following call report the error
        }
    }

    /// The outcome of a bounded TCP connect.
    enum ConnectOutcome {
        case connected(Int32)
        case failed(String)
        case timedOut
    }

    /// Connects a TCP socket to `address` before `deadline`.
    static func connect(to address: UnsafePointer<sockaddr>, length: socklen_t, family: Int32, until deadline: Deadline) -> ConnectOutcome {
        let fd = makeSocket(family: family, datagram: false)
        guard fd >= 0 else { return .failed(errorText(errno)) }
        #if canImport(Glibc)
        let started = Glibc.connect(fd, address, length)
        #else
        let started = Darwin.connect(fd, address, length)
        #endif
        if started == 0 { return .connected(fd) }
        guard errno == EINPROGRESS || errno == EINTR else {
            let text = errorText(errno); close(fd); return .failed(text)
        }
        guard wait(fd, for: Int16(POLLOUT), until: deadline) else { close(fd); return .timedOut }
        var error: Int32 = 0
        var size = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &size) == 0 else {
            let text = errorText(errno); close(fd); return .failed(text)
        }
        guard error == 0 else { close(fd); return .failed(errorText(error)) }
        return .connected(fd)
    }
}
