import Cluster
import Effects
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Runs the support bundle's collectors one at a time, prints a progress line for each, and
/// keeps their output, masked, as archive entries. A collector that fails is recorded (in
/// README.txt and the summary) and the rest still run.
struct BundleCollector {
    let runner: any ProcessRunner
    let folder: String
    let clock: any WallClock
    let progress: @Sendable (String) -> Void
    /// Masks registered secrets, password-like keys and URL passwords on every line.
    var redactor: Redactor
    private(set) var entries: [TarGzWriter.Entry] = []
    /// `name: what failed`, one per collector that could not collect.
    private(set) var problems: [String] = []

    init(runner: any ProcessRunner, redactor: Redactor, folder: String, clock: any WallClock,
         progress: @escaping @Sendable (String) -> Void) {
        self.runner = runner; self.redactor = redactor; self.folder = folder; self.clock = clock; self.progress = progress
    }

    /// Runs `command` and keeps what it printed (a failure is kept too, with the error); returns
    /// its standard output when it succeeded.
    @discardableResult
    mutating func add(_ name: String, _ command: ProcessCommand) async -> String? {
        let started = clock.monotonic
        do {
            let result = try await runner.run(command)
            if result.status.isSuccess {
                addText(name, result.standardOutput)
                progress("  ✓ \(name) (\(Self.seconds(clock.monotonic - started)))")
                return result.standardOutput
            }
            let reason = Self.firstErrorLine(result.standardError) ?? result.status.description
            addText(name, result.standardOutput + (result.standardOutput.isEmpty ? "" : "\n")
                    + "# \(command.displayString) failed: \(result.status)\n" + result.standardError)
            fail(name, "\(command.displayString): \(reason)")
        } catch {
            fail(name, "\(command.displayString): \(error)")
        }
        return nil
    }

    /// Records a collector that could not collect, and says so on the progress line.
    mutating func fail(_ name: String, _ reason: String) {
        let masked = redactor.redact(reason)
        problems.append("\(name): \(masked)")
        progress("  ✗ \(name): \(masked) (recorded in the bundle; going on)")
    }

    /// Keeps `text` as `name`, masked: registered secrets, password-like keys, URL passwords,
    /// Secret `data` blocks and env values whose names mean secrets.
    mutating func addText(_ name: String, _ text: String) {
        entries.append(TarGzWriter.Entry(path: "\(folder)/\(name)", text: mask(text)))
    }

    /// `text` with every rule applied, line by line.
    func mask(_ text: String) -> String {
        var secretData = SecretDataRedactor()
        var env = EnvironmentValueMasker()
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            redactor.redact(env.mask(secretData.redact(String(line))))
        }.joined(separator: "\n")
    }

    /// The `Error …` line of a tool's standard error (kubectl's `Error from server (Forbidden): …`).
    static func firstErrorLine(_ text: String) -> String? {
        let lines = text.split(separator: "\n").map(String.init)
        return lines.first { $0.hasPrefix("Error") || $0.hasPrefix("error") } ?? lines.first { !$0.isEmpty }
    }

    static func seconds(_ d: Duration) -> String {
        let ms = d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000
        return "\(ms / 1000).\(ms % 1000 / 100) s"
    }
}
