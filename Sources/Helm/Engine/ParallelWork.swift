#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Independent pieces of work (loading subcharts, parsing template files, reading manifest
/// heads) spread over the machine's processors. Results come back in input order and the
/// first failure in that order is the one reported, so the outcome is the same as doing the
/// pieces one after another, whatever the number of threads or how they interleave.
enum ParallelWork {
    /// Threads to use, the calling one included: the processors online, at most 4.
    static let threads: Int = {
        let online = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        return max(1, min(4, online > 0 ? online : 1))
    }()

    /// Stack of each extra thread: address space only (template parsing nests up to
    /// `Parser.maxNesting` levels, values files as deep as they are written).
    static let stackSize = 256 << 20

    /// `body(i)` for every `i` in `0..<count`, spread over `threads`; each result in its slot.
    /// `body` must only read state shared with other calls (or state it creates itself).
    static func map<T>(_ count: Int, _ body: (Int) throws -> T) -> [Result<T, any Error>] {
        let extra = min(threads - 1, count - 1)
        if extra <= 0 { return (0..<count).map { index in Result { try body(index) } } }
        return withoutActuallyEscaping(body) { body in
            let shared = Shared<T>(count: count, body: body)
            var started: [pthread_t] = []
            for _ in 0..<extra {
                var attributes = pthread_attr_t()
                pthread_attr_init(&attributes)
                pthread_attr_setstacksize(&attributes, stackSize)
                var thread = pthread_t()
                let context = Unmanaged.passRetained(Job { shared.work() }).toOpaque()
                let result = pthread_create(
                    &thread, &attributes,
                    { raw in
                        Unmanaged<Job>.fromOpaque(raw!).takeRetainedValue().run()
                        return nil
                    }, context)
                pthread_attr_destroy(&attributes)
                if result == 0 { started.append(thread) } else { Unmanaged<Job>.fromOpaque(context).release() }
            }
            shared.work()
            for thread in started { pthread_join(thread, nil) }
            return shared.results()
        }
    }

    /// What one extra thread runs.
    ///
    /// Sendable unchecked: handed to its thread once and never touched by the caller again.
    private final class Job: @unchecked Sendable {
        let run: () -> Void
        init(_ run: @escaping () -> Void) { self.run = run }
    }

    /// The work list the threads take pieces from, and the slots they fill.
    ///
    /// Sendable unchecked: the next index is taken under `lock`; each slot of `slots` is
    /// written by the one thread that took its index, and read only after every thread has
    /// been joined (`results`). `body` is called concurrently; `map` requires it to be safe.
    private final class Shared<T>: @unchecked Sendable {
        let count: Int
        let body: (Int) throws -> T
        let slots: UnsafeMutablePointer<Result<T, any Error>?>
        var next = 0
        var lock = pthread_mutex_t()

        init(count: Int, body: @escaping (Int) throws -> T) {
            self.count = count
            self.body = body
            slots = .allocate(capacity: count)
            slots.initialize(repeating: nil, count: count)
            pthread_mutex_init(&lock, nil)
        }

        deinit {
            slots.deinitialize(count: count)
            slots.deallocate()
            pthread_mutex_destroy(&lock)
        }

        func take() -> Int? {
            pthread_mutex_lock(&lock)
            defer { pthread_mutex_unlock(&lock) }
            guard next < count else { return nil }
            next += 1
            return next - 1
        }

        func work() {
            while let index = take() { slots[index] = Result { try body(index) } }
        }

        func results() -> [Result<T, any Error>] {
            (0..<count).map { slots[$0]! }
        }
    }
}
