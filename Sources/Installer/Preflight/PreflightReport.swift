/// Every preflight finding and the overall verdict.
public struct PreflightReport: Hashable, Sendable {
    /// The findings, in the order they were checked.
    public var checks: [PreflightCheck]

    /// A report.
    public init(checks: [PreflightCheck]) { self.checks = checks }

    /// The worst status of any check (pass when there are none).
    public var verdict: PreflightCheck.Status { checks.map(\.status).max() ?? .pass }

    /// The checks that stop the install.
    public var blockers: [PreflightCheck] { checks.filter { $0.status == .fail } }

    /// The checks that only warn.
    public var warnings: [PreflightCheck] { checks.filter { $0.status == .warn } }

    /// The program's exit code for this report: 4 when anything failed, else 0.
    public var exitCode: Int32 { verdict == .fail ? 4 : 0 }

    /// The finding of one kind, if it ran.
    public func check(_ kind: PreflightCheck.Kind) -> PreflightCheck? { checks.first { $0.kind == kind } }

    /// One line for the end of the list: `Preflight: 2 problems must be fixed first (1 warning).`
    public var summary: String {
        let f = blockers.count, w = warnings.count
        let warn = w == 0 ? "" : " (\(w) warning\(w == 1 ? "" : "s"))"
        if f > 0 {
            return "Preflight: \(f) problem\(f == 1 ? "" : "s") must be fixed before installing\(warn)."
        }
        if w > 0 { return "Preflight passed with \(w) warning\(w == 1 ? "" : "s"); read \(w == 1 ? "it" : "them") before going on." }
        return "Preflight passed: the cluster is ready for PostHog."
    }
}
