/// Something posthog-install can do for the person when the preflight blocks, once they agree
/// (the wizard's blocked screen offers each with a key and a confirmation).
public enum PreflightOffer: Hashable, Sendable {
    /// Every blocker is about the cluster's size: install anyway when the node pool adds nodes
    /// by itself.
    case installOnGrowingNodePool
    /// The GKE static IP is missing and gcloud can reserve it with `command`.
    case reserveStaticIP(command: [String])

    /// The check kinds a node pool that grows by itself makes good.
    public static let growableKinds: Set<PreflightCheck.Kind> = [.clusterSize, .placement]

    /// The offers for a blocked report, in the order the screen lists them (pure).
    public static func offers(for report: PreflightReport) -> [PreflightOffer] {
        let blockers = report.blockers
        guard !blockers.isEmpty else { return [] }
        var offers: [PreflightOffer] = []
        if blockers.allSatisfy({ growableKinds.contains($0.kind) }) { offers.append(.installOnGrowingNodePool) }
        if let command = blockers.first(where: { $0.kind == .staticIP })?.remedy { offers.append(.reserveStaticIP(command: command)) }
        return offers
    }
}

extension PreflightReport {
    /// The report for a person who said their node pool adds nodes by itself: the cluster size
    /// and pod placement failures become warnings saying why the install goes on anyway; every
    /// other check is left as it is (pure).
    public func assumingNodePoolAutoscales() -> PreflightReport {
        PreflightReport(checks: checks.map { check in
            guard check.status == .fail, PreflightOffer.growableKinds.contains(check.kind) else { return check }
            var relaxed = check
            relaxed.status = .warn
            relaxed.message = check.message + " Going on anyway, because you said the node pool adds nodes by itself: "
                + "pods wait as Pending until new nodes join, usually a few minutes."
            relaxed.fix = "If pods are still Pending after 10 minutes, the node pool did not grow: check that its autoscaler "
                + "is on and that its maximum node count leaves room (your cloud console's node pool page), or add nodes by hand."
            return relaxed
        })
    }
}
