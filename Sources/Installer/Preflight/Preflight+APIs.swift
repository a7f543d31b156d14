extension Preflight {
    /// Groups that only a cloud's own Kubernetes serves, with the cloud's name and what the
    /// person most likely meant.
    static let cloudOnlyGroups: [String: (cloud: String, advice: String)] = [
        "networking.gke.io": ("Google Kubernetes Engine (GKE)",
                              "These values are for --cloud gcp (Google's load balancer and managed certificate). If this cluster is not "
                                + "on GKE, write values.yaml again for your cloud (--cloud aws, do or other) and run this again; if it is, "
                                + "check that kubectl points at it (`kubectl config current-context`)."),
    ]

    /// Every object the chart creates has its API served by the cluster or defined by the chart
    /// itself; nil when the cluster's APIs are unknown or nothing is rendered.
    public static func apiResources(_ f: PreflightFacts) -> PreflightCheck? {
        guard let served = f.servedAPIGroups, !f.renderedObjects.isEmpty else { return nil }
        let missing = f.renderedObjects.filter { !served.contains($0.group) && !f.chartDefinedGroups.contains($0.group) }
        guard !missing.isEmpty else {
            return PreflightCheck(.apiResources, .pass, "The cluster serves the API of every object the chart creates.")
        }
        let details = missing.map { "\($0.kind) \($0.name) (\($0.apiVersion))" }
        var groups: [String] = []
        for ref in missing where !groups.contains(ref.group) { groups.append(ref.group) }
        if let group = groups.first(where: { cloudOnlyGroups[$0] != nil }), let known = cloudOnlyGroups[group] {
            return PreflightCheck(.apiResources, .fail,
                                  "This is not a \(known.cloud) cluster: the chart creates \(group) objects, and this cluster does not know that API.",
                                  fix: known.advice, details: details)
        }
        return PreflightCheck(.apiResources, .fail,
                              "The cluster does not serve the API\(groups.count == 1 ? "" : "s") \(groups.joined(separator: ", ")), which the chart's objects need.",
                              fix: "Install what provides \(groups.count == 1 ? "it" : "them") first (usually an operator and its CustomResourceDefinitions), "
                                + "or turn off the part of values.yaml that creates these objects.",
                              details: details)
    }
}
