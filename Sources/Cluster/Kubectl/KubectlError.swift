#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Effects

/// A kubectl command that failed: what kubectl itself said, and what to do about it.
public struct KubectlError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, as far as we can tell from kubectl's message.
    public enum Kind: String, Sendable, Hashable {
        /// The API server could not be reached (refused, timeout, unknown host).
        case unreachable
        /// The named context is not in the kubeconfig, or none is selected.
        case noContext
        /// The credentials were rejected or have expired.
        case unauthorized
        /// The credentials lack permission for this request.
        case forbidden
        /// The object does not exist.
        case notFound
        /// The cluster does not serve this resource type.
        case unknownResource
        /// kubectl is not installed or not on PATH.
        case kubectlMissing
        /// kubectl did not finish within our time limit.
        case timedOut
        /// kubectl printed something we could not read.
        case unreadableOutput
        /// Anything else kubectl reported.
        case other
    }

    /// The classification.
    public var kind: Kind
    /// The command, for display (e.g. `kubectl --context do-nyc1 get nodes -o json`).
    public var command: String
    /// kubectl's own message, without its internal log lines (or our words when it printed none).
    public var message: String
    /// What to do, in plain words.
    public var hint: String

    /// Creates an error.
    public init(kind: Kind, command: String, message: String, hint: String) {
        self.kind = kind; self.command = command; self.message = message; self.hint = hint
    }

    /// `kubectl … failed: MESSAGE` and the hint on the next line.
    public var description: String {
        "\(command) failed: \(message)\n\(hint)"
    }

    /// Classifies a finished command that did not succeed.
    public static func from(_ result: ProcessResult, command: ProcessCommand) -> KubectlError {
        let display = command.displayString
        switch result.status {
        case .notFound(let name, let searched):
            return KubectlError(kind: .kubectlMissing, command: display,
                                message: result.status.description,
                                hint: "Install kubectl (https://kubernetes.io/docs/tasks/tools/) or put it on PATH; looked for \(name) in \(searched.joined(separator: ":")).")
        case .timedOut(let after):
            return KubectlError(kind: .timedOut, command: display, message: "no answer within \(result.status.description.replacing("timed out after ", with: ""))",
                                hint: "The cluster is slow or unreachable (\(after.components.seconds) s without an answer). Check your network or VPN and that the cluster is running, then try again.")
        default:
            let message = meaningfulMessage(result.standardError)
                ?? "kubectl ended with \(result.status.description) and printed no error"
            let (kind, hint) = classify(message, context: contextFlag(command.arguments))
            return KubectlError(kind: kind, command: display, message: message, hint: hint)
        }
    }

    /// kubectl's stderr without klog lines (`E1130 10:52:24.975829 22468 memcache.go:265] …`)
    /// and without repeats (a request for several resource types prints the same refusal once
    /// per type), joined.
    public static func meaningfulMessage(_ stderr: String) -> String? {
        var seen: Set<String> = []
        let lines = stderr.split(separator: "\n", omittingEmptySubsequences: true)
            .map { String($0).trimmingSpacesAndTabs() }
            .filter { !$0.isEmpty && !isKlogLine($0) && seen.insert($0).inserted }
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }

    /// Whether a line is a klog header line: a severity letter, `MMDD`, a time and a pid.
    static func isKlogLine(_ line: String) -> Bool {
        let b = Array(line.utf8.prefix(21))
        guard b.count >= 21, [UInt8(ascii: "I"), UInt8(ascii: "W"), UInt8(ascii: "E"), UInt8(ascii: "F")].contains(b[0]) else { return false }
        func digit(_ i: Int) -> Bool { b[i] >= 48 && b[i] <= 57 }
        return (1...4).allSatisfy(digit) && b[5] == 32 && digit(6) && digit(7) && b[8] == 58 && digit(9) && digit(10) && b[11] == 58
    }

    /// The kind and a hint for a kubectl message (pure; table-tested).
    public static func classify(_ message: String, context: String? = nil) -> (Kind, String) {
        let m = message.lowercased()
        let which = context.map { "context \($0)" } ?? "the current context"
        if m.contains("context was not found") || m.contains("does not exist") && m.contains("context") {
            return (.noContext, "Your kubeconfig has no such context. List the ones you have with `kubectl config get-contexts` and pass one with --context.")
        }
        if m.contains("current-context is not set") || m.contains("invalid configuration: no configuration has been provided") {
            return (.noContext, "kubectl has no cluster selected. Choose one with --context, or run `kubectl config use-context NAME` (your cloud's console shows how to download the kubeconfig).")
        }
        if m.contains("connection to the server") && m.contains("was refused") || m.contains("connection refused")
            || m.contains("unable to connect to the server") || m.contains("no such host") || m.contains("i/o timeout")
            || m.contains("dial tcp") || m.contains("tls handshake timeout") || m.contains("network is unreachable") {
            return (.unreachable, "kubectl cannot reach the cluster of \(which). Check that the cluster is running, that this is the right context (`kubectl config current-context`), and your network or VPN.")
        }
        if m.contains("you must be logged in to the server") || m.contains("unauthorized") || m.contains("token has expired")
            || m.contains("getting credentials") {
            return (.unauthorized, "The cluster rejected your credentials for \(which); they may have expired. Download a fresh kubeconfig from your cloud's console (or log in again with its CLI) and retry.")
        }
        if m.contains("(forbidden)") || m.contains("is forbidden") {
            return (.forbidden, "Your account may not do this in the cluster. Ask the cluster's administrator for rights to manage the namespace (or use an admin kubeconfig).")
        }
        if m.contains("(notfound)") || m.contains("not found") {
            return (.notFound, "It does not exist (yet). If you expected it, check the namespace and the context.")
        }
        if m.contains("the server doesn't have a resource type") || m.contains("could not find the requested resource") {
            return (.unknownResource, "This cluster does not offer that kind of object; it may be too old. PostHog's chart needs Kubernetes 1.24 or newer.")
        }
        return (.other, "Run the command yourself to see more; the message above comes from kubectl.")
    }

    /// The value of `--context` in an argv, if any.
    static func contextFlag(_ arguments: [String]) -> String? {
        for (i, a) in arguments.enumerated() {
            if a == "--context", i + 1 < arguments.count { return arguments[i + 1] }
            if a.hasPrefix("--context=") { return String(a.dropFirst("--context=".count)) }
        }
        return nil
    }
}
