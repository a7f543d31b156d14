/// What a command found out about its way into the cluster before doing anything else: the
/// contexts kubectl knows, the one asked for, and whether the tools it needs are installed.
public struct ClusterAccessFacts: Sendable {
    /// The context given with `--context`, if any.
    public var requestedContext: String?
    /// The contexts of the kubeconfig; nil when kubectl could not read its configuration.
    public var contexts: [String]?
    /// kubectl's current context, when it has one.
    public var currentContext: String?
    /// Why the kubeconfig could not be read (kubectl's own words), when it could not.
    public var configError: String?
    /// The kubeconfig kubectl reads (`$KUBECONFIG` or `~/.kube/config`), for messages.
    public var kubeconfig: String
    /// Whether kubectl was found.
    public var kubectlFound: Bool
    /// Whether this command needs helm, and whether it was found.
    public var needsHelm: Bool
    /// Whether helm was found (ignored when not needed).
    public var helmFound: Bool
    /// What kubectl printed instead of its configuration, when it printed something unreadable.
    public var unreadableOutput: String?
    /// The cluster the chosen context names and its API server ("" when the cluster is not in
    /// the kubeconfig or has no server); nil when unknown.
    public var chosenCluster: (name: String, server: String)?

    /// Facts.
    public init(requestedContext: String? = nil, contexts: [String]? = [], currentContext: String? = nil,
                configError: String? = nil, kubeconfig: String = "~/.kube/config", kubectlFound: Bool = true,
                needsHelm: Bool = true, helmFound: Bool = true) {
        self.requestedContext = requestedContext; self.contexts = contexts; self.currentContext = currentContext
        self.configError = configError; self.kubeconfig = kubeconfig; self.kubectlFound = kubectlFound
        self.needsHelm = needsHelm; self.helmFound = helmFound
    }
}

/// Why a command cannot reach the cluster at all, with what to do; exit code 2 when the
/// person's flags are at fault (a context that does not exist), 1 for the machine's setup.
public struct ClusterAccessProblem: Hashable, Sendable, Error {
    /// The message, naming the context, file or tool concerned.
    public var message: String
    /// What to do.
    public var fix: String
    /// True when a flag given is wrong (exit code 2).
    public var isBadInput: Bool

    /// A problem.
    public init(message: String, fix: String, isBadInput: Bool) {
        self.message = message; self.fix = fix; self.isBadInput = isBadInput
    }
}

/// The decision over `ClusterAccessFacts` (pure): nil when the command may go on.
public enum ClusterAccessCheck {
    /// The first problem found, in the order a person would fix them.
    public static func problem(_ f: ClusterAccessFacts) -> ClusterAccessProblem? {
        if !f.kubectlFound {
            return ClusterAccessProblem(
                message: "kubectl was not found on PATH; posthog-install talks to your cluster through it.",
                fix: "Install kubectl (https://kubernetes.io/docs/tasks/tools/), check that `kubectl version --client` works, then run this again.",
                isBadInput: false)
        }
        if f.needsHelm && !f.helmFound {
            return ClusterAccessProblem(
                message: "helm was not found on PATH; posthog-install installs and reads the PostHog release through it.",
                fix: "Install helm 3.8 or newer (https://helm.sh/docs/intro/install/), check that `helm version` works, then run this again.",
                isBadInput: false)
        }
        if let output = f.unreadableOutput {
            return ClusterAccessProblem(
                message: "kubectl printed something unexpected for `kubectl config view -o json`: \(output)",
                fix: "Check which kubectl is first on PATH (`command -v kubectl`) and that `kubectl config view` works; then run this again.",
                isBadInput: false)
        }
        guard let contexts = f.contexts else {
            return ClusterAccessProblem(
                message: "kubectl cannot read its configuration \(f.kubeconfig): \(f.configError ?? "unreadable")",
                fix: "Repair or replace that file (your cloud's CLI writes it: `gcloud container clusters get-credentials`, "
                    + "`aws eks update-kubeconfig`, `doctl kubernetes cluster kubeconfig save`), or point KUBECONFIG at a good one.",
                isBadInput: true)
        }
        if let wanted = f.requestedContext, !contexts.contains(wanted) {
            let known = contexts.isEmpty ? "it has no contexts at all" : "the contexts it has are: " + contexts.joined(separator: ", ")
            let suggestion = closest(to: wanted, in: contexts).map { "Did you mean --context \($0)? " } ?? ""
            return ClusterAccessProblem(
                message: "The kubectl context \"\(wanted)\" does not exist in \(f.kubeconfig); \(known).",
                fix: suggestion + "Pass one of them with --context (`kubectl config get-contexts` lists them), "
                    + "or add your cluster's credentials with your cloud's CLI first.",
                isBadInput: true)
        }
        if let cluster = f.chosenCluster, cluster.server.isEmpty, let context = f.requestedContext ?? f.currentContext {
            let what = cluster.name.isEmpty ? "names no cluster" : "names the cluster \"\(cluster.name)\", which \(f.kubeconfig) does not define (or gives no server address)"
            return ClusterAccessProblem(
                message: "The kubectl context \"\(context)\" \(what), so there is nothing to talk to.",
                fix: "Fetch the cluster's credentials again with your cloud's CLI (it writes the cluster and the context together), "
                    + "or choose another context with --context (`kubectl config get-contexts` lists them).",
                isBadInput: true)
        }
        if f.requestedContext == nil, f.currentContext == nil {
            let known = contexts.isEmpty ? "It has no contexts." : "Its contexts: " + contexts.joined(separator: ", ") + "."
            return ClusterAccessProblem(
                message: "kubectl has no current context in \(f.kubeconfig), so there is no cluster to talk to. \(known)",
                fix: contexts.isEmpty
                    ? "Add your cluster's credentials with your cloud's CLI, or run `posthog-install --simulate` to rehearse on the built-in simulated cluster."
                    : "Pass the cluster's context with --context NAME.",
                isBadInput: true)
        }
        return nil
    }

    /// The context most like `word` (edit distance at most a third of its length), for "did you mean".
    static func closest(to word: String, in candidates: [String]) -> String? {
        let limit = max(2, word.count / 3)
        return candidates.map { ($0, distance(word, $0)) }.filter { $0.1 <= limit }.min { $0.1 < $1.1 }?.0
    }

    private static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        var row = Array(0...y.count)
        for i in 1...max(x.count, 1) where !x.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: y.count, by: 1) {
                let saved = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (x[i - 1] == y[j - 1] ? 0 : 1))
                previous = saved
            }
        }
        return x.isEmpty ? y.count : row[y.count]
    }
}
