#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Tells when the current thread's stack is nearly used up, so that templates calling each
/// other without end (`tpl` text that runs itself, which no depth limit of Go's or Helm's
/// catches and which crashes Helm) end in an error instead of a crash.
struct StackGuard {
    /// The lowest stack address execution may reach (the stack's end plus a margin); 0 when
    /// the stack's bounds are unknown, which turns the guard off.
    let floor: UInt

    /// The guard for the calling thread, keeping `margin` bytes (at most a quarter of the stack) in reserve.
    static func current(margin: Int = 1 << 20) -> StackGuard {
        #if canImport(Glibc)
        var attributes = pthread_attr_t()
        guard let getAttributes = Self.getAttributes, getAttributes(pthread_self(), &attributes) == 0 else { return StackGuard(floor: 0) }
        defer { pthread_attr_destroy(&attributes) }
        var base: UnsafeMutableRawPointer?
        var size = 0
        guard pthread_attr_getstack(&attributes, &base, &size) == 0, let base else { return StackGuard(floor: 0) }
        return StackGuard(floor: UInt(bitPattern: base) + UInt(min(margin, size / 4)))
        #else
        return StackGuard(floor: 0)
        #endif
    }

    #if canImport(Glibc)
    private typealias GetAttributes = @convention(c) (pthread_t, UnsafeMutablePointer<pthread_attr_t>) -> Int32
    /// glibc's pthread_getattr_np, which Swift's Glibc module does not declare.
    private static let getAttributes: GetAttributes? = dlsym(nil, "pthread_getattr_np").map { unsafeBitCast($0, to: GetAttributes.self) }
    #endif

    /// Whether the stack has grown past the floor (stacks grow downwards on the platforms we run on).
    var isExhausted: Bool {
        var marker: UInt8 = 0
        return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) } < floor
    }
}
