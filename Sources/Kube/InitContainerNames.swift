/// Names what a waiting init container is doing, for `Init:` statuses.
public enum InitContainerNames {
    /// A phrase for the init container, refined by its last log line when given
    /// (the chart's wait loops print `waiting for Kafka`, `waiting for PgBouncer`, …).
    public static func activity(_ name: String, lastLogLine: String? = nil) -> String {
        if let line = lastLogLine?.trimmingSpaces, !line.isEmpty {
            let lower = line.lowercased()
            if lower.contains("migrations") { return "waiting for database migrations" }
            if let r = lower.firstRange(of: "waiting for ") {
                var what = String(line[r.upperBound...])
                if what.hasPrefix("all ") { what.removeFirst(4) }
                return "waiting for \(what)"
            }
        }
        switch name {
        case "wait-for-service-dependencies":
            return "waiting for ClickHouse, PgBouncer, PostgreSQL, Redis and Kafka"
        case "wait-for-migrations":
            return "waiting for database migrations"
        default:
            if name.contains("migrat") { return "running database migrations" }
            if name.hasPrefix("wait-for-") {
                return "waiting for \(name.dropFirst("wait-for-".count).replacing("-", with: " "))"
            }
            return "running \(name)"
        }
    }
}
