import Effects
import Kube

/// A helm command that failed: helm's `Error:` line, its whole output, and our reading of it.
public struct HelmCommandError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: String, Sendable, Hashable {
        /// helm is not installed or not on PATH.
        case helmMissing
        /// helm did not finish within our limit (its own `--timeout` plus a margin).
        case timedOut
        /// The release does not exist.
        case releaseNotFound
        /// helm reported an error (see `diagnosis`).
        case failed
        /// helm printed something we could not read.
        case unreadableOutput
    }

    /// The classification.
    public var kind: Kind
    /// The command, for display.
    public var command: String
    /// helm's message: its `Error: …` line (or our words when it printed none).
    public var message: String
    /// Everything helm printed on stderr, for the log.
    public var output: String
    /// Kube's reading of the error (timeout, name in use, forbidden StatefulSet change, …).
    public var diagnosis: Diagnosis?
    /// What to do.
    public var hint: String

    /// Creates an error.
    public init(kind: Kind, command: String, message: String, output: String = "", diagnosis: Diagnosis? = nil, hint: String) {
        self.kind = kind; self.command = command; self.message = message; self.output = output
        self.diagnosis = diagnosis; self.hint = hint
    }

    /// `helm … failed: MESSAGE` and the hint on the next line.
    public var description: String { "\(command) failed: \(message)\n\(hint)" }

    /// Classifies a finished helm command that did not succeed.
    public static func from(_ result: ProcessResult, command: ProcessCommand) -> HelmCommandError {
        let display = command.displayString
        switch result.status {
        case .notFound:
            return HelmCommandError(kind: .helmMissing, command: display, message: result.status.description,
                                    hint: "Install helm 3 (https://helm.sh/docs/intro/install/) or put it on PATH.")
        case .timedOut:
            return HelmCommandError(kind: .timedOut, command: display, message: result.status.description,
                                    output: result.standardError,
                                    hint: "helm did not finish in time and was stopped. Check `posthog-install status` for pods that are stuck, then run the command again.")
        default:
            let lines = result.standardError.split(separator: "\n").map(String.init)
            let message = lines.last { $0.hasPrefix("Error:") } ?? lines.last { !$0.isEmpty }
                ?? "helm ended with \(result.status.description) and printed no error"
            let lower = message.lowercased()
            if lower.contains("release: not found") || lower.contains("release not loaded") {
                return HelmCommandError(kind: .releaseNotFound, command: display, message: message, output: result.standardError,
                                        hint: "There is no such release in this namespace; `helm list --all-namespaces` shows where releases are.")
            }
            let diagnosis = HelmErrors.diagnose(result.standardError)
            return HelmCommandError(kind: .failed, command: display, message: message, output: result.standardError,
                                    diagnosis: diagnosis,
                                    hint: diagnosis?.fix ?? "Read helm's message above; the full output is in the log.")
        }
    }
}
