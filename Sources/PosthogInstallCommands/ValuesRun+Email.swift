import Installer
import YAML

extension ValuesRun {
    /// Which SMTP settings the chart will use and what looks wrong with them, as summary lines
    /// (a blank line first); empty when values.yaml sets no SMTP server.
    static func emailReview(_ valuesText: String, file: String) -> [String] {
        guard let values = try? YAML.parse(valuesText, file: file),
              let host = values.value(at: ["email", "host"])?.stringValue, !host.isEmpty else { return [] }
        let review = EmailSettingsCheck.review(values)
        var lines = [""] + review.summary
        if !review.findings.isEmpty {
            lines.append("Email settings to check (mail may silently fail to send):")
            lines += review.findings.map { "  " + $0.description }
        }
        return lines
    }
}
