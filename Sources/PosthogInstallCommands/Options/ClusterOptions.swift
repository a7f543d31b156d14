import ArgumentParser
import Kube

/// Which cluster, namespace and release a command works on, and how carefully.
public struct ClusterOptions: ParsableArguments {
    /// Creates default options.
    public init() {}

    @Option(name: .long, help: ArgumentHelp(
        "The kubectl context to use. Without it the current context is shown and must be confirmed.",
        valueName: "context"))
    public var context: String?

    @Option(name: .long, help: ArgumentHelp("Kubernetes namespace of the release.", valueName: "namespace"))
    public var namespace: String = "posthog"

    @Option(name: .long, help: ArgumentHelp("Helm release name.", valueName: "name"))
    public var release: String = "posthog"

    @Flag(name: .long, help: ArgumentHelp(
        "Run every step against the built-in simulated cluster instead of a real one."))
    public var simulate: Bool = false

    @Option(name: .customLong("simulate-nodes"), help: ArgumentHelp(
        "Nodes of the simulated cluster, e.g. 2x2cpu4gi or 3x4cpu16gi (default: 2x2cpu4gi, DigitalOcean's example).",
        valueName: "spec"))
    public var simulateNodes: String?

    @Option(name: .customLong("simulate-storage-class"), help: ArgumentHelp(
        "With --cloud other: give the simulated cluster a default StorageClass of this name (a cluster of your own has none unless you install one, e.g. local-path).",
        valueName: "name"))
    public var simulateStorageClass: String?

    @Flag(name: .customLong("simulate-reset"), help: ArgumentHelp(
        "Start a fresh simulated cluster, forgetting the one kept from earlier --simulate runs."))
    public var simulateReset: Bool = false

    @Flag(name: .long, help: ArgumentHelp("Answer yes to confirmations (for scripts). Data-loss steps also need --accept-data-loss."))
    public var yes: Bool = false

    @Flag(name: .customLong("dry-run"), help: ArgumentHelp("Show what would run, change nothing."))
    public var dryRun: Bool = false

    /// Refuses names Kubernetes or Helm would refuse later (exit 2 before anything runs).
    public func validate() throws {
        if let problem = ResourceName.namespaceProblem(namespace) {
            throw ValidationError("--namespace \(namespace): \(problem). For example: --namespace posthog")
        }
        if let problem = ResourceName.releaseProblem(release) {
            throw ValidationError("--release \(release): \(problem). For example: --release posthog")
        }
    }
}
