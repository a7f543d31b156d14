import Installer

/// The commands a person is told to run next, written out with the same cluster, namespace and
/// release the operation used, so they can be copied as printed (never a placeholder).
struct FollowUpCommands: Sendable, Hashable {
    /// The kubectl context the operation ran against; nil when kubectl's current one was used.
    var context: String?
    /// The namespace.
    var namespace: String = "posthog"
    /// The release.
    var release: String = "posthog"
    /// Whether the operation ran on the built-in simulated cluster.
    var simulated = false

    /// `posthog-install SUBCOMMAND` plus the flags that point it at the same release.
    func posthogInstall(_ subcommand: String) -> String {
        var words = ["posthog-install", subcommand]
        if simulated { words.append("--simulate") } else if let context { words += ["--context", PlanStep.display([context])] }
        if namespace != "posthog" { words += ["--namespace", namespace] }
        if release != "posthog" { words += ["--release", release] }
        return words.joined(separator: " ")
    }

    /// `kubectl … -n NS [--context C]`.
    func kubectl(_ words: [String]) -> String {
        var argv = ["kubectl"] + words + ["-n", namespace]
        if !simulated, let context { argv += ["--context", context] }
        return PlanStep.display(argv)
    }

    /// `helm … --namespace NS [--kube-context C]`.
    func helm(_ words: [String]) -> String {
        var argv = ["helm"] + words + ["--namespace", namespace]
        if !simulated, let context { argv += ["--kube-context", context] }
        return PlanStep.display(argv)
    }

    /// Following a release that is still coming up.
    var watchStatus: String { posthogInstall("status --watch") }

    /// After a helm or kubectl step failed.
    func afterFailedStep(_ step: PlanStep) -> String {
        "Next: fix what is shown above, then run the same command again. `\(posthogInstall("status"))` shows what is in the cluster now."
    }

    /// After the watch stopped on a problem that waiting will not solve.
    var afterStoppedWatch: String {
        "Next: fix the problem shown above; helm's release stays as it is. Follow the pods with `\(watchStatus)`; "
            + "`\(kubectl(["get", "events", "--sort-by=.lastTimestamp"]))` lists what the cluster did."
    }

    /// After the time limit.
    func afterTimeout(_ limit: Duration) -> String {
        "Next: PostHog may still be starting (large volumes and image downloads can take longer than "
            + "\(limit.components.seconds / 60) minutes). Keep following it with `\(watchStatus)`; "
            + "if pods stay Pending, `\(kubectl(["describe", "pods"]))` says why."
    }

    /// After the cluster stopped answering during a watch.
    var afterLostCluster: String {
        "Next: anything helm had sent is still in the cluster. When `\(kubectlNodes)` answers again, "
            + "run `\(watchStatus)` to pick up where this stopped."
    }

    private var kubectlNodes: String {
        var argv = ["kubectl", "get", "nodes"]
        if !simulated, let context { argv += ["--context", context] }
        return PlanStep.display(argv)
    }
}
