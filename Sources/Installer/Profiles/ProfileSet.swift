import EmbeddedData
import YAML

/// The profile data for one range of chart versions (`profiles/chart-*/`): value layers per
/// cloud, TLS mode and tier, the question set, cost table and renamed keys.
public struct ProfileSet: Equatable, Sendable {
    /// The set's directory name (`chart-30`).
    public let id: String
    /// The chart and versions it serves.
    public let chart: ChartInfo
    /// Values for every install.
    public let base: YAMLValue
    /// The ingress and certificate layer per cloud.
    public let clouds: [Cloud: YAMLValue]
    /// The HTTP-only troubleshooting layers, by name (`gcp`, `nginx`).
    public let tlsOff: [String: YAMLValue]
    /// The sizing layer per tier.
    public let tiers: [Tier: YAMLValue]
    /// The question sections, in order.
    public let sections: [QuestionSection]
    /// The questions, in the order they are asked.
    public let questions: [Question]
    /// Monthly estimates and the minimum cluster.
    public let costs: CostTable
    /// Keys older charts used that this range rejects, in the order to migrate them.
    public let renamedKeys: [RenamedKey]

    /// Loads `profiles/<id>/` through `read` (a path relative to `profiles/` → its text).
    public init(id: String, file read: (String) -> String? = EmbeddedFiles.file) throws {
        func node(_ name: String) throws -> ProfileNode {
            let path = "\(id)/\(name)"
            guard let text = read(path) else { throw ProfileError(file: path, key: "", message: "missing from the profile set") }
            return try ProfileNode.parse(text, file: path)
        }
        func layer(_ name: String) throws -> YAMLValue {
            let layer = try node(name)
            if layer.value == .null { return .mapping(YAMLMapping()) }
            _ = try layer.mapping()
            return layer.value
        }
        self.id = id
        chart = try ChartInfo(node("chart.yaml"))
        guard chart.id == id else {
            throw ProfileError(file: "\(id)/chart.yaml", key: "id", message: "is \"\(chart.id)\" but the directory is \(id)")
        }
        base = try layer("base.yaml")
        var clouds: [Cloud: YAMLValue] = [:]
        for cloud in Cloud.allCases { clouds[cloud] = try layer("clouds/\(cloud.rawValue).yaml") }
        self.clouds = clouds
        var tlsOff: [String: YAMLValue] = [:]
        for name in Set(Cloud.allCases.map(\.tlsOffLayer)) { tlsOff[name] = try layer("tls-off/\(name).yaml") }
        self.tlsOff = tlsOff
        var tiers: [Tier: YAMLValue] = [:]
        for tier in Tier.allCases { tiers[tier] = try layer("tiers/\(tier.rawValue).yaml") }
        self.tiers = tiers
        let questionFile = try node("questions.yaml")
        try questionFile.rejectUnknownKeys(["sections", "questions"])
        sections = try questionFile.child("sections").list().map(QuestionSection.init)
        questions = try questionFile.child("questions").list().map(Question.init)
        costs = try CostTable(node("costs.yaml"))
        let renamedPath = "\(id)/renamed-keys.yaml"
        guard let renamedText = read(renamedPath) else {
            throw ProfileError(file: renamedPath, key: "", message: "missing from the profile set")
        }
        renamedKeys = try RenamedKey.list(renamedText, file: renamedPath)
        try checkQuestions(file: questionFile)
    }

    private func checkQuestions(file: ProfileNode) throws {
        let sectionIDs = Set(sections.map(\.id))
        var seen: Set<String> = []
        for (index, question) in questions.enumerated() {
            let key = "questions[\(index)]"
            guard seen.insert(question.id).inserted else {
                throw ProfileError(file: file.file, key: key + ".id", message: "\"\(question.id)\" is used twice")
            }
            guard sectionIDs.contains(question.section) else {
                throw ProfileError(file: file.file, key: key + ".section",
                                   message: "no section \"\(question.section)\"; sections are \(sections.map(\.id).joined(separator: ", "))")
            }
            for other in question.askWhen.keys where !seen.contains(other) {
                throw ProfileError(file: file.file, key: key + ".askWhen." + other,
                                   message: "names no earlier question")
            }
        }
    }

    /// The merged value layers for an install: base, then the cloud, then (TLS off) the
    /// HTTP-only layer for the cloud's ingress kind, then the tier. Answers go on top.
    public func overlay(cloud: Cloud, tier: Tier, tls: Bool) -> YAMLValue {
        var values = base
        if let layer = clouds[cloud] { values = values.overlaid(with: layer) }
        if !tls, let layer = tlsOff[cloud.tlsOffLayer] { values = values.overlaid(with: layer) }
        if let layer = tiers[tier] { values = values.overlaid(with: layer) }
        return values
    }

    /// The question named `id`.
    public func question(_ id: String) -> Question? { questions.first { $0.id == id } }

    /// The names of the profile sets present (`chart-30`, `chart-3`), sorted.
    public static func availableIDs(paths: [String] = EmbeddedFiles.paths(under: "")) -> [String] {
        let ids = paths.compactMap { path -> String? in
            let parts = path.split(separator: "/")
            guard parts.count == 2, parts[1] == "chart.yaml", parts[0].hasPrefix("chart-") else { return nil }
            return String(parts[0])
        }
        return Array(Set(ids)).sorted()
    }

    /// Every embedded profile set.
    public static func all() throws -> [ProfileSet] {
        try availableIDs().map { try ProfileSet(id: $0) }
    }

    /// The set for the newest chart major (what is installed when nobody pins a version).
    public static func newest(in sets: [ProfileSet]) -> ProfileSet? {
        func major(_ set: ProfileSet) -> Int { Int(set.chart.defaultVersion.split(separator: ".").first ?? "") ?? 0 }
        return sets.max { major($0) < major($1) }
    }

    /// The set whose version range contains `version`, or nil when no set supports it.
    public static func forChartVersion(_ version: String, in sets: [ProfileSet]) -> ProfileSet? {
        sets.first { $0.chart.supports(version: version) }
    }
}
