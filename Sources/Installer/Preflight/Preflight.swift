import Helm
import Kube

/// The checks run before `helm install` / `helm upgrade`, as pure functions over `PreflightFacts`.
public enum Preflight {
    /// Runs every check that the facts allow: the cluster checks only when the cluster answered.
    public static func run(_ facts: PreflightFacts) -> PreflightReport {
        var checks = [tools(facts)]
        if let skew = versionSkew(facts) { checks.append(skew) }
        if let k = kubernetesVersion(facts) { checks.append(k) }
        checks.append(context(facts))
        let reach = reachable(facts)
        checks.append(reach)
        guard reach.status != .fail else { return PreflightReport(checks: checks) }
        checks.append(storage(facts))
        let (size, fit) = agreeing(size: clusterSize(facts), placement: placement(facts))
        checks.append(size)
        checks.append(fit)
        checks.append(existingRelease(facts))
        checks.append(conflicts(facts))
        if let apis = apiResources(facts) { checks.append(apis) }
        return PreflightReport(checks: checks)
    }

    /// kubectl and helm are on PATH; helm is version 3 or newer.
    public static func tools(_ f: PreflightFacts) -> PreflightCheck {
        if let local = f.toolsOnThisComputer { return simulatedTools(local) }
        var missing: [String] = []
        if f.kubectlVersion == nil { missing.append("kubectl") }
        if f.helmVersion == nil { missing.append("helm") }
        if !missing.isEmpty {
            let names = missing.joined(separator: " and ")
            return PreflightCheck(
                .tools, .fail, "\(names) \(missing.count == 1 ? "was" : "were") not found on your PATH.",
                fix:
                    "Install \(names) (kubectl: https://kubernetes.io/docs/tasks/tools/ ; helm 3: https://helm.sh/docs/intro/install/), open a new terminal, and run this again."
            )
        }
        let helmText = f.helmVersion ?? ""
        guard let helm = VersionNumber(helmText) else {
            return PreflightCheck(
                .tools, .warn, "Could not read helm's version from \"\(helmText)\".",
                fix: "Check that `helm version` prints v3 or newer.")
        }
        if helm.major < 3 {
            return PreflightCheck(
                .tools, .fail, "helm \(helm) is too old: PostHog's chart needs helm 3 or newer.",
                fix: "Install helm 3 (https://helm.sh/docs/intro/install/); helm 2 and its Tiller are not supported.")
        }
        let kubectlText = f.kubectlVersion ?? ""
        let kubectl = VersionNumber(kubectlText).map { "\($0)" } ?? kubectlText
        return PreflightCheck(.tools, .pass, "kubectl \(kubectl) and helm \(helm) found.")
    }

    /// On the simulated cluster its own kubectl and helm answer; what counts is whether the real
    /// install will find them on this computer, said without claiming what is not there.
    static func simulatedTools(_ local: PreflightFacts.LocalTools) -> PreflightCheck {
        var missing: [String] = []
        if !local.kubectl { missing.append("kubectl") }
        if !local.helm { missing.append("helm") }
        guard !missing.isEmpty else {
            return PreflightCheck(
                .tools, .pass,
                "Simulated cluster: its own kubectl and helm answer here; kubectl and helm are also on your PATH for the real install.")
        }
        let names = missing.joined(separator: " and ")
        return PreflightCheck(
            .tools, .warn,
            "Simulated cluster: its own kubectl and helm answer here, but \(names) \(missing.count == 1 ? "is" : "are") not on your PATH, so a real install could not run yet.",
            fix:
                "Before the real install, install \(names) (kubectl: https://kubernetes.io/docs/tasks/tools/ ; helm 3: https://helm.sh/docs/intro/install/)."
        )
    }

    /// kubectl within one minor version of the cluster (Kubernetes' supported skew); nil when either is unknown.
    public static func versionSkew(_ f: PreflightFacts) -> PreflightCheck? {
        guard let kt = f.kubectlVersion, let st = f.serverVersion,
            let k = VersionNumber(kt), let s = VersionNumber(st)
        else { return nil }
        let skew = k.major == s.major ? abs(k.minor - s.minor) : Int.max
        if skew <= 1 {
            return PreflightCheck(
                .versionSkew, .pass, "kubectl \(k.major).\(k.minor) matches the cluster's Kubernetes \(s.major).\(s.minor).")
        }
        let distance = skew == Int.max ? "a different major version" : "\(skew) minor versions apart"
        return PreflightCheck(
            .versionSkew, .warn,
            "kubectl \(k.major).\(k.minor) and the cluster's Kubernetes \(s.major).\(s.minor) are \(distance); kubectl supports one minor version either way.",
            fix: "Install kubectl \(s.major).\(s.minor) (or one minor version next to it) so its commands behave as the cluster expects.")
    }

    /// The cluster's version satisfies the chart's `kubeVersion`; nil when either is unknown.
    public static func kubernetesVersion(_ f: PreflightFacts) -> PreflightCheck? {
        guard let constraint = f.chartKubeVersion, !constraint.isEmpty, let st = f.serverVersion,
            let s = VersionNumber(st)
        else { return nil }
        // Cloud builds carry suffixes (`-gke.100`) that semver reads as pre-releases; compare the numbers.
        let plain = "\(s.major).\(s.minor).\(s.patch)"
        if SemverCompatibility.isCompatible(constraint, plain) {
            return PreflightCheck(.kubernetesVersion, .pass, "Kubernetes \(plain) is supported by this chart version (\(constraint)).")
        }
        return PreflightCheck(
            .kubernetesVersion, .fail,
            "The cluster runs Kubernetes \(plain), but this chart version needs \(constraint).",
            fix:
                "Choose a chart version made for Kubernetes \(s.major).\(s.minor) (--chart-version), or use a cluster whose version matches."
        )
    }

    /// The context kubectl will use is shown, and must be the one the person confirmed.
    public static func context(_ f: PreflightFacts) -> PreflightCheck {
        guard let current = f.currentContext, !current.isEmpty else {
            return PreflightCheck(
                .context, .fail, "kubectl has no current context, so it does not know which cluster to talk to.",
                fix:
                    "Connect kubectl to your cluster (your cloud's \"connect\" instructions), check with `kubectl config get-contexts`, then run this again."
            )
        }
        guard let confirmed = f.confirmedContext, !confirmed.isEmpty else {
            return PreflightCheck(
                .context, .warn, "PostHog would be installed into the cluster of context \"\(current)\", which nobody confirmed.",
                fix: "Make sure this is the right cluster; pass --context \(current) to confirm it.")
        }
        if confirmed != current {
            return PreflightCheck(
                .context, .fail,
                "You confirmed context \"\(confirmed)\", but kubectl's current context is \"\(current)\". Nothing was installed.",
                fix: "Switch with `kubectl config use-context \(confirmed)`, or confirm \"\(current)\" if that is the cluster you meant.")
        }
        return PreflightCheck(.context, .pass, "Using context \"\(current)\", as you confirmed.")
    }

    /// The cluster answered kubectl.
    public static func reachable(_ f: PreflightFacts) -> PreflightCheck {
        guard let error = f.reachabilityError else {
            return PreflightCheck(.reachable, .pass, "The cluster answers.")
        }
        let lower = error.lowercased()
        let fix: String
        if lower.contains("unauthorized") || lower.contains("forbidden") || lower.contains("credentials") {
            fix =
                "kubectl reached the cluster but was not allowed in: refresh your credentials with your cloud's CLI (for example `gcloud container clusters get-credentials`, `aws eks update-kubeconfig` or `doctl kubernetes cluster kubeconfig save`)."
        } else if lower.contains("no such host") || lower.contains("connection refused") || lower.contains("i/o timeout")
            || lower.contains("timeout")
        {
            fix =
                "Check that the cluster is running and that this computer can reach it (VPN, firewall), then try `kubectl get nodes` yourself."
        } else {
            fix = "Run `kubectl get nodes` to see the full error; fix kubectl's access first, then run this again."
        }
        let first = error.split(separator: "\n").first.map(String.init) ?? error
        return PreflightCheck(
            .reachable, .fail, "The cluster did not answer: \(first)", fix: fix,
            details: ["The other cluster checks need a reachable cluster and were not run."])
    }

    /// A default StorageClass exists (the chart's volumes ask for the default) and how it binds.
    public static func storage(_ f: PreflightFacts) -> PreflightCheck {
        guard let classes = f.storageClasses else {
            return PreflightCheck(
                .storage, .warn, "Could not list the cluster's storage classes.",
                fix: "Run `kubectl get storageclass`; PostHog's databases need a default storage class for their volumes.")
        }
        guard !classes.isEmpty else {
            return PreflightCheck(
                .storage, .fail, "The cluster has no storage class, so PostHog's database volumes would stay Pending.",
                fix: "Install your cloud's volume driver (CSI) or a provisioner such as local-path, and mark its class as the default.")
        }
        let defaults = classes.filter(\.isDefault)
        guard let chosen = defaults.first else {
            let names = classes.map(\.metadata.name).sorted().joined(separator: ", ")
            let example = classes.map(\.metadata.name).sorted().first ?? "NAME"
            return PreflightCheck(
                .storage, .fail,
                "None of the storage classes (\(names)) is marked as the default, so PostHog's volumes would stay Pending.",
                fix:
                    "Mark one as the default: kubectl patch storageclass \(example) -p '{\"metadata\": {\"annotations\":{\"storageclass.kubernetes.io/is-default-class\":\"true\"}}}'"
            )
        }
        var details = [
            "provisioner \(chosen.provisioner.isEmpty ? "(none)" : chosen.provisioner), binding mode \(chosen.volumeBindingMode), reclaim policy \(chosen.reclaimPolicy)"
        ]
        if chosen.volumeBindingMode == "WaitForFirstConsumer" {
            details.append("Volumes are created once their pod is scheduled; PVCs show Pending until then, which is normal.")
        }
        if defaults.count > 1 {
            return PreflightCheck(
                .storage, .warn,
                "\(defaults.count) storage classes are marked as the default (\(defaults.map(\.metadata.name).sorted().joined(separator: ", "))); Kubernetes picks one of them for each volume.",
                fix: "Remove the default annotation from all but one class, so every volume lands on the storage you expect.",
                details: details)
        }
        let zones = Set(f.nodes.compactMap { $0.labels["topology.kubernetes.io/zone"] })
        if chosen.volumeBindingMode == "Immediate" && zones.count > 1 {
            return PreflightCheck(
                .storage, .warn,
                "The default storage class \"\(chosen.metadata.name)\" creates volumes immediately, and the nodes span \(zones.count) zones; a volume can end up in a zone where its pod does not fit.",
                fix: "Prefer a storage class with volumeBindingMode WaitForFirstConsumer, or keep the nodes in one zone.",
                details: details)
        }
        return PreflightCheck(.storage, .pass, "Default storage class \"\(chosen.metadata.name)\".", details: details)
    }
}
