#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Objects a one-shot process keeps until it exits. Freeing a rendered chart piece by piece
/// (every parsed template, every value) costs about a tenth of `template`'s work; a process
/// that prints and exits can skip that by holding them here and exiting without releasing.
///
/// Sendable unchecked: `objects` is only touched under `lock`.
public final class KeptAlive: @unchecked Sendable {
    private var objects: [Any] = []
    private var lock = pthread_mutex_t()

    /// Creates an empty holder.
    public init() { pthread_mutex_init(&lock, nil) }

    deinit { pthread_mutex_destroy(&lock) }

    /// Holds `object` for as long as this holder lives.
    public func keep(_ object: Any) {
        pthread_mutex_lock(&lock)
        objects.append(object)
        pthread_mutex_unlock(&lock)
    }
}
