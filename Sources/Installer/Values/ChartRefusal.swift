/// Rewords a render failure for a person: the chart's own message first, where it came from
/// second, without the template-engine plumbing around it.
public enum ChartRefusal {
    /// `execution error at (posthog/templates/x.yaml:3:4): 'cloud' value is required` →
    /// "The chart refuses these values: 'cloud' value is required (posthog/templates/x.yaml, line 3)."
    public static func explain(_ raw: String) -> String {
        var text = raw
        // Helm's hint names a flag our install, upgrade and wizard do not have; say what to do instead.
        var advice = ""
        if let hint = text.firstRange(of: "\n\nUse --debug flag") {
            text = String(text[..<hint.lowerBound])
            advice = " To see what the chart rendered, run posthog-install template posthog CHART -f values.yaml --debug"
                + " with the same chart and values file."
        }
        if text.hasPrefix("Error: ") { text = String(text.dropFirst(7)) }
        let marker = "execution error at ("
        guard let start = text.firstRange(of: marker), let close = text[start.upperBound...].firstRange(of: "): ") else {
            return "The chart could not be rendered with these values: \(text)" + advice
        }
        let location = text[start.upperBound..<close.lowerBound]
        let message = text[close.upperBound...].trimming(" \n")
        let parts = location.split(separator: ":")
        let place = parts.count >= 2 ? "\(parts[0]), line \(parts[1])" : String(location)
        return "The chart refuses these values: \(message) (\(place))."
            + " Change that setting in values.yaml (or the answer that writes it, with posthog-install values) and run again."
    }
}
