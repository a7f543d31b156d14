/// The text `posthog-install values` prints after writing: what was written, what changed,
/// what it will cost and what to do next. Pure, so the wording is tested as a whole.
public enum ValuesSummary {
    /// Everything the summary needs.
    public struct Facts: Sendable {
        /// The profile set used.
        public var profile: ProfileSet
        /// The answers.
        public var sheet: AnswerSheet
        /// The generation result.
        public var output: ValuesGeneration.Output
        /// Where values.yaml was (or would be) written.
        public var valuesPath: String
        /// Where answers.yaml was written, when it was.
        public var answersPath: String?
        /// The backup of the previous values.yaml, when one was made.
        public var backupPath: String?
        /// Lint findings.
        public var findings: [ValuesLint.Finding]
        /// Whether the file was written (false for --dry-run or when lint found errors).
        public var written: Bool

        /// Creates the facts.
        public init(profile: ProfileSet, sheet: AnswerSheet, output: ValuesGeneration.Output, valuesPath: String,
                    answersPath: String?, backupPath: String?, findings: [ValuesLint.Finding], written: Bool) {
            self.profile = profile
            self.sheet = sheet
            self.output = output
            self.valuesPath = valuesPath
            self.answersPath = answersPath
            self.backupPath = backupPath
            self.findings = findings
            self.written = written
        }
    }

    /// The lines to print.
    public static func text(_ facts: Facts) -> String {
        let sheet = facts.sheet
        let version = sheet.answers["chart-version"] ?? facts.profile.chart.defaultVersion
        var lines: [String] = []
        let what = "chart \(version), cloud \(sheet.cloud?.rawValue ?? "?"), \(sheet.tls ? "HTTPS" : "HTTP only"), tier \(sheet.tier?.rawValue ?? "small")"
        if !facts.written {
            lines.append("Not written: \(facts.valuesPath) (\(what)).")
        } else if facts.output.unchanged {
            lines.append("\(facts.valuesPath) is already up to date (\(what)).")
        } else {
            lines.append("Wrote \(facts.valuesPath) (\(what)).")
        }
        if let backup = facts.backupPath { lines.append("The previous version is kept as \(backup).") }
        if let answers = facts.answersPath { lines.append("Answers saved in \(answers) for the next run.") }
        if facts.output.isNewFile {
            let settings = facts.output.changes.count
            lines.append("It holds \(settings) settings for this install; your own keys can be added to it at any time.")
        } else if !facts.output.changes.isEmpty {
            lines.append("")
            lines.append("Changes:")
            lines += facts.output.changes.map { "  " + $0.line }
        }
        if !facts.findings.isEmpty {
            lines.append("")
            lines.append("Checked against the chart:")
            lines += facts.findings.map { "  " + $0.description }
        }
        if !sheet.tls {
            lines.append("")
            lines.append("Warning: HTTP only. Passwords and session cookies cross the network unencrypted. Use this")
            lines.append("mode only to find out why a certificate is not issued, then run again with --tls.")
        }
        lines.append("")
        lines += costLines(facts.profile, sheet)
        if facts.written {
            lines.append("")
            lines.append("Next: posthog-install install --values \(facts.valuesPath)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The cost estimate and minimum cluster lines for the answers' cloud and tier.
    public static func costLines(_ profile: ProfileSet, _ sheet: AnswerSheet) -> [String] {
        let costs = profile.costs
        var lines = ["Cluster needed: at least \(costs.minimumCPU) vCPU and \(costs.minimumMemoryGiB) GiB memory in total, or pods stay Pending."]
        guard let cloud = sheet.cloud, let tier = sheet.tier ?? Tier(rawValue: "small"),
              let estimate = costs.estimate(cloud: cloud, tier: tier) else {
            lines.append("Cost: no price list for this cloud; count the nodes above, one load balancer and the volumes.")
            return lines
        }
        let nodes = estimate.nodes
        let type = nodes.type.map { " \($0)" } ?? ""
        var parts = ["\(money(estimate.nodesCents)) for \(nodes.count)\(type) nodes (\(nodes.cpu) vCPU, \(nodes.memoryGiB) GiB each)",
                     "\(money(estimate.loadBalancersCents)) load balancers",
                     "\(money(estimate.storageCents)) for \(estimate.storageGiB) GiB of volumes"]
        if estimate.clusterCents > 0 { parts.append("\(money(estimate.clusterCents)) cluster fee") }
        lines.append("Estimated cost: about \(money(estimate.totalCents)) \(costs.currency) a month = " + parts.joined(separator: " + ") + ".")
        return lines
    }

    /// Cents as dollars: `$74` or `$55.50`.
    static func money(_ cents: Int) -> String {
        cents % 100 == 0 ? "$\(cents / 100)" : "$\(cents / 100).\(String(format2(cents % 100)))"
    }

    private static func format2(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
