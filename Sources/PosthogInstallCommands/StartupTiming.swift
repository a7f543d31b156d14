#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Start-up timing for `scripts/first-screen.sh`: when `POSTHOG_INSTALL_STARTUP_TIMING` names a
/// file, the wizard writes there, once its first screen is drawn, when `main` began and when the
/// screen was drawn (wall-clock seconds since 1970, so the launcher can subtract its own launch
/// time), how long since the kernel started the process (from /proc, 10 ms steps) and the CPU
/// time spent so far (loader included); named phases (`mark`) with wall and CPU times. Not in `--help`; costs nothing when unset.
public enum StartupTiming {
    /// The environment variable naming the file to write.
    public static let variable = "POSTHOG_INSTALL_STARTUP_TIMING"

    private static let mainEntry = Atomic<Int64>(0)
    private static let mainEntryCPU = Atomic<Int64>(0)
    private static let marks = Mutex<[(name: String, wall: Int64, cpu: Int64)]>([])

    /// Notes the time `main` began; call first thing in the entry point.
    public static func markMain() {
        mainEntry.store(now(CLOCK_REALTIME), ordering: .relaxed)
        mainEntryCPU.store(now(CLOCK_PROCESS_CPUTIME_ID), ordering: .relaxed)
    }

    /// Notes a named moment (a phase of start-up), written with the first draw.
    public static func mark(_ name: String) {
        guard getenv(variable) != nil else { return }
        let time = (name: name, wall: now(CLOCK_REALTIME), cpu: now(CLOCK_PROCESS_CPUTIME_ID))
        marks.withLock { $0.append(time) }
    }

    /// Writes the figures to the file the environment names (nothing when it names none).
    public static func firstDrawn() {
        let drawn = now(CLOCK_REALTIME)
        guard let path = getenv(variable).map({ String(cString: $0) }), !path.isEmpty else { return }
        let cpu = now(CLOCK_PROCESS_CPUTIME_ID)
        var lines = [
            "main \(seconds(mainEntry.load(ordering: .relaxed)))",
            "first-draw \(seconds(drawn))",
            "cpu-ms \(Double(cpu) / 1e6)",
            "main-cpu-ms \(Double(mainEntryCPU.load(ordering: .relaxed)) / 1e6)",
        ]
        if let started = processStartNanoseconds() { lines.append("since-process-start-ms \(Double(drawn - started) / 1e6)") }
        lines += marks.withLock { $0 }.map { "mark-\($0.name) \(seconds($0.wall)) \(Double($0.cpu) / 1e6)" }
        let text = lines.joined(separator: "\n") + "\n"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { return }
        defer { close(fd) }
        _ = text.utf8CString.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count - 1) }
    }

    private static func now(_ clock: clockid_t) -> Int64 {
        var spec = timespec()
        clock_gettime(clock, &spec)
        return Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec)
    }

    private static func seconds(_ nanoseconds: Int64) -> String {
        let fraction = String(nanoseconds % 1_000_000_000)
        return "\(nanoseconds / 1_000_000_000).\(String(repeating: "0", count: 9 - fraction.count))\(fraction)"
    }

    /// When the kernel started this process, on the wall clock: boot time plus /proc's start
    /// time in clock ticks (Linux only).
    private static func processStartNanoseconds() -> Int64? {
        #if os(Linux)
        guard let stat = readSmallFile("/proc/self/stat"), let nameEnd = stat.lastIndex(of: ")") else { return nil }
        // Fields after the command name; start time is field 22, the 20th after ")".
        let fields = stat[stat.index(after: nameEnd)...].split(separator: " ")
        guard fields.count > 19, let ticks = Int64(fields[19]) else { return nil }
        let hertz = Int64(sysconf(Int32(_SC_CLK_TCK)))
        let sinceBoot = now(CLOCK_BOOTTIME)
        let bootedAt = now(CLOCK_REALTIME) - sinceBoot
        return bootedAt + ticks * (1_000_000_000 / max(hertz, 1))
        #else
        return nil
        #endif
    }

    private static func readSmallFile(_ path: String) -> String? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count], as: UTF8.self)
    }
}
