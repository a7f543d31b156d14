import Kube

extension Preflight {
    /// The cluster has the documented minimum (CostTable: 4 vCPU and 4 GiB in total).
    public static func clusterSize(_ f: PreflightFacts) -> PreflightCheck {
        if f.nodes.isEmpty {
            return PreflightCheck(
                .clusterSize, .fail, "The cluster has no nodes, so no pod can start.",
                fix: "Add a node pool with at least \(f.minimumCPU) vCPU and \(f.minimumMemoryGiB) GiB memory in total.")
        }
        let minCPU = Int64(f.minimumCPU) * 1000
        let minMemory = Int64(f.minimumMemoryGiB) * 1_073_741_824
        let size = ClusterSizeCheck.check(nodes: f.nodes)
        if minCPU == ClusterSizeCheck.minimumMilliCPU && minMemory == ClusterSizeCheck.minimumMemory {
            switch size.verdict {
            case .pass: return PreflightCheck(.clusterSize, .pass, size.message + ".")
            case .warn: return PreflightCheck(.clusterSize, .warn, size.message + ".", fix: size.fix)
            case .fail: return PreflightCheck(.clusterSize, .fail, size.message + ".", fix: size.fix)
            }
        }
        // A profile set asking for another minimum: compare capacity with it directly.
        let cap = size.capacity
        let summary =
            "\(ResourceFormat.cpu(millicores: size.allocatable.milliCPU)) and \(ResourceFormat.bytes(size.allocatable.memory)) allocatable"
        if cap.milliCPU < minCPU || cap.memory < minMemory {
            return PreflightCheck(
                .clusterSize, .fail,
                "The cluster has \(summary); PostHog needs at least \(f.minimumCPU) vCPU and \(f.minimumMemoryGiB) GiB in total.",
                fix: "Add nodes or use larger nodes; otherwise pods stay Pending.")
        }
        return PreflightCheck(.clusterSize, .pass, "The cluster has \(summary).")
    }

    /// Places the chart's pods onto the real nodes; names each pod that would stay Pending and why.
    public static func placement(_ f: PreflightFacts) -> PreflightCheck {
        guard !f.podRequests.isEmpty else {
            return PreflightCheck(
                .placement, .warn, "The rendered chart has no pods to place, so the placement check was skipped.",
                fix: "This is unexpected for PostHog; check that the values enable its components.")
        }
        guard !f.nodes.isEmpty else {
            return PreflightCheck(
                .placement, .fail, "No node to place any of the \(f.podRequests.count) pods on.",
                fix: "Add nodes to the cluster.")
        }
        let total = f.podRequests.reduce(ResourceAmounts.zero) { $0 + $1.requests }
        let result = SchedulingFit.simulate(nodes: f.nodes, existingPods: f.existingPods, newPods: f.podRequests)
        let needs = "they request \(ResourceFormat.cpu(millicores: total.milliCPU)) and \(ResourceFormat.bytes(total.memory)) in total"
        if result.allFit {
            return PreflightCheck(
                .placement, .pass,
                "All \(f.podRequests.count) pods fit on the \(f.nodes.count) node\(f.nodes.count == 1 ? "" : "s") (\(needs)).")
        }
        let details = result.pending.map { "\($0.pod) would stay Pending: \($0.explanation)." }
        let fixes = Array(Set(result.pending.map(\.fix))).sorted()
        let n = result.pending.count
        return PreflightCheck(
            .placement, .fail,
            "\(n) of \(f.podRequests.count) pods would stay Pending (\(needs)); the install would then time out after 20 minutes.",
            fix: fixes.joined(separator: " "), details: details)
    }

    /// "Cluster size" and "Pod placement" with one verdict. Pods that do not fit fail the size
    /// check too, with that shortfall as its reason. Pods that fit by their requests on a cluster
    /// under the documented minimum do not get a ✓ (a warning instead): the chart's pods request
    /// less than PostHog uses (several request nothing), so the minimum stays the verdict.
    public static func agreeing(size: PreflightCheck, placement: PreflightCheck) -> (PreflightCheck, PreflightCheck) {
        var size = size
        var placement = placement
        // A skipped or impossible placement (no pods, no nodes) leaves the size check as it is.
        guard placement.kind == .placement, !placement.message.hasPrefix("The rendered chart has no pods"),
            !placement.message.hasPrefix("No node to place")
        else { return (size, placement) }
        switch (size.status, placement.status) {
        case (.fail, .pass):
            // One blocker, the size; placement says why its fit does not count.
            placement.status = .warn
            placement.message =
                placement.message.trimming(".") + ", but the chart's pods request less than PostHog uses "
                + "(several request nothing), so fitting by requests does not make up for the size (see Cluster size)."
            placement.fix = size.fix
        case (.pass, .fail), (.warn, .fail):
            size.status = .fail
            let sentence = placement.message.split(separator: ";").first.map(String.init) ?? placement.message
            size.message = size.message.trimming(".") + ", but not enough for the chosen tier: \(sentence) (see Pod placement)."
            size.fix = placement.fix
        default:
            break
        }
        return (size, placement)
    }

    /// An earlier install: on install, an existing release means upgrade instead; on upgrade, it must exist.
    public static func existingRelease(_ f: PreflightFacts) -> PreflightCheck {
        let same = f.releases.first { $0.name == f.release && $0.namespace == f.namespace }
        let elsewhere = f.releases.filter { $0.chartName == "posthog" && !($0.name == f.release && $0.namespace == f.namespace) }
        let otherDetails = elsewhere.map { "Another PostHog release: \($0.name) in namespace \($0.namespace) (\($0.chart), \($0.status))." }
        switch f.operation {
        case .upgrade:
            guard let r = same else {
                return PreflightCheck(
                    .existingRelease, .fail,
                    "There is no release \"\(f.release)\" in namespace \"\(f.namespace)\" to upgrade.",
                    fix: elsewhere.isEmpty
                        ? "Install PostHog first (`posthog-install install`)."
                        : "Pass --release and --namespace of the install you mean (listed below).",
                    details: otherDetails)
            }
            if r.status.hasPrefix("pending") {
                return PreflightCheck(
                    .existingRelease, .fail,
                    "Release \"\(r.name)\" is still \(r.status): an earlier helm operation did not finish.",
                    fix: "Wait for it, or roll it back with `helm rollback \(r.name) --namespace \(r.namespace)`, then upgrade again.")
            }
            if !r.isDeployed {
                return PreflightCheck(
                    .existingRelease, .warn,
                    "Release \"\(r.name)\" (\(r.chart)) is \(r.status); the upgrade will try to repair it.",
                    fix: "If the upgrade fails again, read `posthog-install status` for what is wrong.", details: otherDetails)
            }
            return PreflightCheck(
                .existingRelease, .pass, "Upgrading release \"\(r.name)\" (\(r.chart), revision \(r.revision)).",
                details: otherDetails)
        case .install:
            if let r = same {
                if r.isDeployed {
                    return PreflightCheck(
                        .existingRelease, .fail,
                        "PostHog is already installed here: release \"\(r.name)\" in namespace \"\(r.namespace)\" (\(r.chart)).",
                        fix: "Upgrade it instead with `posthog-install upgrade`; installing again would fail.")
                }
                let uninstall = "posthog-install uninstall" + (f.isSimulated ? " --simulate" : "")
                let helmWay = f.isSimulated ? "" : " (or `helm uninstall \(r.name) --namespace \(r.namespace)`)"
                return PreflightCheck(
                    .existingRelease, .fail,
                    "An earlier install left release \"\(r.name)\" in namespace \"\(r.namespace)\" in state \(r.status)"
                        + (r.status.hasPrefix("pending") ? ": it was stopped before it finished." : "."),
                    fix: "Remove it with `\(uninstall)`\(helmWay), then install again.")
            }
            if f.namespaceExists {
                return PreflightCheck(
                    .existingRelease, .warn,
                    "Namespace \"\(f.namespace)\" already exists without a PostHog release, probably from an earlier install.",
                    fix:
                        "Old volumes there keep old database passwords, which new pods cannot use. If nothing in it matters, delete it first: kubectl delete namespace \(f.namespace)",
                    details: otherDetails)
            }
            if !elsewhere.isEmpty {
                return PreflightCheck(
                    .existingRelease, .warn, "PostHog is already installed elsewhere in this cluster.",
                    fix: "Two installs double the cost and both need the cluster's resources; make sure you want a second one.",
                    details: otherDetails)
            }
            return PreflightCheck(.existingRelease, .pass, "No earlier install of PostHog in namespace \"\(f.namespace)\".")
        }
    }

    /// cert-manager or ingress-nginx already installed elsewhere, while the chart brings its own.
    public static func conflicts(_ f: PreflightFacts) -> PreflightCheck {
        var clashes: [String] = []
        var fixes: [String] = []
        var notes: [String] = []
        for component in ClusterComponent.allCases {
            let found = f.foreignComponents.filter { $0.component == component }
            guard !found.isEmpty else { continue }
            let where_ = found.map { $0.namespace.isEmpty ? $0.evidence : "\($0.evidence) in namespace \($0.namespace)" }
                .joined(separator: "; ")
            if f.plannedComponents.contains(component) {
                clashes.append("\(component.rawValue) is already installed (\(where_)) and the chart would install a second one")
                fixes.append("set `\(component.chartSwitch)` in values.yaml to use the existing \(component.rawValue)")
            } else {
                notes.append("Using the existing \(component.rawValue) (\(where_)).")
            }
        }
        if !clashes.isEmpty {
            return PreflightCheck(
                .conflicts, .warn,
                clashes.joined(separator: "; ") + ". Two copies fight over the same cluster-wide resources.",
                fix: fixes.joined(separator: "; ").capitalizedFirst + ".", details: notes)
        }
        if notes.isEmpty {
            return PreflightCheck(.conflicts, .pass, "No other cert-manager or ingress-nginx in the cluster.")
        }
        return PreflightCheck(.conflicts, .pass, "No conflicts with what is already installed.", details: notes)
    }
}

extension String {
    /// The string with its first letter upper-cased.
    var capitalizedFirst: String {
        guard let f = first else { return self }
        return f.uppercased() + dropFirst()
    }
}
