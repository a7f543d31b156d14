import Effects

/// Figures for the edges: transcript masking throughput and process spawn cost.
enum EffectsBenchmark {
    static func run() {
        maskingThroughput()
        spawnCost()
    }

    /// Masking every line (all three line maskers) of a large `kubectl get pods -o json`-like output, as the transcript does.
    private static func maskingThroughput() {
        var lines: [String] = []
        for pod in 0..<2000 {
            lines.append("            \"name\": \"posthog-web-\(pod)\",")
            lines.append("            \"image\": \"posthog/posthog:release-1.43.0\",")
            lines.append("                \"message\": \"0/3 nodes are available: 3 Insufficient memory.\",")
            lines.append("                    \"name\": \"POSTHOG_DB_PASSWORD\",")
            lines.append("                    \"value\": \"hunter2\"")
            for index in 0..<10 { lines.append("                \"key\(index)\": \"value \(index) with some text\",") }
        }
        let bytes = lines.reduce(0) { $0 + $1.utf8.count + 1 }
        let redactor = Redactor(secrets: ["generated-password-123"])
        let clock = ContinuousClock()
        var masked = 0
        var environment = EnvironmentValueMasker()
        var secretData = SecretDataRedactor()
        let elapsed = clock.measure {
            for line in lines where redactor.redact(secretData.redact(environment.mask(line))) != line { masked += 1 }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        var environmentOnly = EnvironmentValueMasker()
        var secretDataOnly = SecretDataRedactor()
        let parts = [
            ("redactor", clock.measure { for line in lines { _ = redactor.redact(line) } }),
            ("env-values", clock.measure { for line in lines { _ = environmentOnly.mask(line) } }),
            ("secret-data", clock.measure { for line in lines { _ = secretDataOnly.redact(line) } }),
        ]
        print("effects.redact parts: " + parts.map { "\($0.0) \(milliseconds($0.1)) ms" }.joined(separator: ", "))
        print("effects.redact: \(lines.count) lines (\(bytes / 1024) KiB) in \(milliseconds(elapsed)) ms, "
              + "\(Int(Double(bytes) / seconds / 1_048_576)) MiB/s, \(masked) lines masked")
    }

    /// The wall time of running `true` through the real runner.
    private static func spawnCost() {
        let runs = 50
        let box = ResultBox()
        let done = Semaphore()
        Task {
            let runner = SubprocessRunner()
            let clock = ContinuousClock()
            let elapsed = await clock.measure {
                for _ in 0..<runs { _ = try? await runner.run(ProcessCommand("true", timeout: .seconds(10))) }
            }
            box.value = elapsed / runs
            done.signal()
        }
        done.wait()
        print("effects.spawn: `true` through SubprocessRunner: \(milliseconds(box.value)) ms per run (\(runs) runs)")
    }

    private static func milliseconds(_ duration: Duration) -> String {
        let ms = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        let hundredths = Int(ms * 100)
        let fraction = hundredths % 100
        return "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }
}

/// Carries a value out of the benchmark task. Sendable unchecked: the task writes `value`
/// once, before it signals the `Semaphore`; the waiting thread reads it only after `wait()`.
private final class ResultBox: @unchecked Sendable {
    var value: Duration = .zero
}

#if canImport(Glibc)
import Glibc
#endif

/// A POSIX semaphore for waiting on the async part from the synchronous entry point.
/// Sendable unchecked: `sem_post` and `sem_wait` are safe from any thread; the `sem_t` is
/// set up in `init` and torn down in `deinit`, when no other thread can hold the object.
private final class Semaphore: @unchecked Sendable {
    private var semaphore = sem_t()

    init() { sem_init(&semaphore, 0, 0) }
    deinit { sem_destroy(&semaphore) }

    func signal() { sem_post(&semaphore) }
    func wait() { while sem_wait(&semaphore) != 0 {} }
}
