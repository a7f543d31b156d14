import GoTemplate

/// Helm's ValidateAgainstSchema: each chart's values.schema.json checked against the values
/// that chart will see, subcharts included, with Helm's report layout.
public enum SchemaValidation {
    /// The report Helm prints after "values don't meet the specifications...", or nil when valid.
    public static func validate(chart: Chart, values: ValueMap) -> String? {
        var report = ""
        if let schema = chart.schema {
            do {
                let violations = try JSONSchemaValidator(schemaText: schema).validate(.map(values))
                if !violations.isEmpty {
                    report += "\(chart.name):\n" + JSONSchemaValidator.report(violations) + "\n"
                }
            } catch {
                report += "\(chart.name):\n\(error)"
            }
        }
        for sub in chart.dependencies {
            guard let raw = values[sub.name] else { continue }
            switch raw {
            case .null: continue
            case .map(let subValues):
                if let subReport = validate(chart: sub, values: subValues) { report += subReport }
            default:
                report += "\(sub.name):\ninvalid type for values: expected object (map), got \(GoFormat.typeName(raw))\n"
            }
        }
        return report.isEmpty ? nil : report
    }
}
