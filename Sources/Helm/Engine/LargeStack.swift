#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs deeply recursive work (Helm allows 1000 nested `include`s per name) on a thread
/// with a large stack, so a chart's recursion never overflows a small worker-thread stack.
enum LargeStack {
    /// The stack size: address space only; pages are used as recursion reaches them.
    static let size = 1 << 30

    /// Sendable unchecked: handed to the new thread once; the caller reads `result` only
    /// after `pthread_join`, so the two threads never touch it at the same time.
    private final class Work: @unchecked Sendable {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    /// Runs `body` on a fresh thread with a `size`-byte stack and waits for it.
    static func run<T>(_ body: @escaping () throws -> T) throws -> T {
        var result: Result<T, any Error>?
        let work = Work { result = Result { try body() } }
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, size)
        let context = Unmanaged.passRetained(work).toOpaque()
        var thread = pthread_t()
        let started = pthread_create(&thread, &attributes, { raw in
            Unmanaged<Work>.fromOpaque(raw!).takeRetainedValue().body()
            return nil
        }, context)
        guard started == 0 else {
            Unmanaged<Work>.fromOpaque(context).release()
            return try body()  // no thread to be had: run here rather than fail
        }
        pthread_join(thread, nil)
        return try result!.get()
    }
}
