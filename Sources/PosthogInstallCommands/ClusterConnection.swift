import Cluster
import Effects

/// The cluster a command talks to: a real one through kubectl and helm, or the built-in
/// simulated cluster, which answers the same commands in the same formats. Every command run
/// through it is recorded, secrets masked, in a transcript file.
struct ClusterConnection {
    /// Runs kubectl and helm (or answers them, when simulated), recording them in the transcript.
    let runner: any ProcessRunner
    /// kubectl.
    let kubectl: KubectlClient
    /// helm.
    let helm: HelmClient
    /// The context commands are pinned to, when one was chosen or simulated.
    let context: String?
    /// Whether this is the simulated cluster.
    let simulated: Bool
    /// The transcript every command is recorded in (register generated passwords with it), when one could be opened.
    let transcript: Transcript?
    /// Things to tell the person before the command's own output (for example that a saved
    /// simulated cluster was replaced); one line each.
    let notes: [String]
    /// Where charts come from (`--chart`, the repository, the cache the simulated helm reads too).
    var chartSource = ChartSource(paths: .current)

    /// The transcript file, for "Full log: PATH" when something fails; nil when none could be opened.
    var transcriptPath: String? { transcript?.path }

    /// Where a simulated cluster is kept between commands.
    enum SimulatedState: Sendable, Hashable {
        /// `simulated-cluster.json` in the XDG state directory (`~/.local/state/posthog-install/`).
        case standard
        /// A file of the caller's choosing.
        case file(String)
        /// In this process only (tests).
        case inMemory
    }

    /// The file name of the saved simulated cluster in the state directory.
    static let simulatedStateFileName = "simulated-cluster.json"

    /// The connection a command's cluster options ask for: `--simulate` (with `--simulate-nodes`
    /// and `--simulate-reset`) or the real cluster of `--context`.
    static func open(_ options: ClusterOptions, cloud: String?) throws(ClusterConnectionError) -> ClusterConnection {
        guard options.simulate else { return real(context: options.context) }
        return try simulated(
            nodes: options.simulateNodes, cloud: cloud, storageClass: options.simulateStorageClass,
            reset: options.simulateReset)
    }

    /// The simulated cluster, with nodes from `nodes` (`2x2cpu4gi`), imitating `cloud` (gcp, aws,
    /// do, other; nil: the saved cluster's, else DigitalOcean), kept in `state` between commands;
    /// its helm reads values files through `files`. A saved cluster is used as it is, unless
    /// `reset` asks for a fresh one or `nodes` or `cloud` differ from the saved ones (then it is
    /// replaced when nothing is installed on it; other nodes are refused otherwise, another cloud
    /// keeps the cluster the release is on).
    static func simulated(
        nodes: String?, cloud: String?, storageClass: String? = nil, reset: Bool = false, clock: any WallClock = SystemClock(),
        files: any FileSystem = LocalFileSystem(), state: SimulatedState = .standard,
        paths: XDGPaths = .current, faults: SimulatedFaults = SimulatedFaults()
    ) throws(ClusterConnectionError) -> ClusterConnection {
        let flavour = cloud.flatMap(SimulatedClusterSpec.Flavour.init(rawValue:)) ?? .digitalocean
        var spec: SimulatedClusterSpec
        do { spec = try SimulatedClusterSpec(nodes: nodes ?? "2x2cpu4gi", flavour: flavour) } catch {
            throw ClusterConnectionError(message: error.description, isBadInput: true)
        }
        spec.storageClass = storageClass
        spec.faults = faults
        let path: String? =
            switch state {
            case .standard: joinPath(paths.stateDirectory, simulatedStateFileName)
            case .file(let p): p
            case .inMemory: nil
            }
        var notes: [String] = []
        if let path {
            let file = SimulatedStateFile(path: path)
            do {
                if reset {
                    try file.reset()
                    notes.append("Started a fresh simulated cluster (--simulate-reset).")
                }
                if let saved = try file.summary() {
                    if nodes != nil, saved.spec.pools != spec.pools {
                        guard saved.releases.isEmpty else {
                            throw ClusterConnectionError(message: Self.nodesInUse(saved, requested: spec, path: path), isBadInput: true)
                        }
                        try file.reset()
                        notes.append(
                            "Started a fresh simulated cluster with nodes \(SimulatedNodePool.text(spec.pools)) "
                                + "(the saved one had \(SimulatedNodePool.text(saved.spec.pools)) and nothing installed).")
                    } else if storageClass != nil, saved.spec.storageClass != storageClass, saved.releases.isEmpty {
                        try file.reset()
                        spec.pools = saved.spec.pools
                        notes.append(
                            "Started a fresh simulated cluster with the default StorageClass \(storageClass ?? "") "
                                + "(the saved one had nothing installed).")
                    } else if cloud != nil, saved.spec.flavour != flavour, saved.releases.isEmpty {
                        // The cluster follows the cloud answered: a rehearsal for aws must behave like EKS.
                        try file.reset()
                        spec.pools = saved.spec.pools
                        notes.append(
                            "Started a fresh simulated cluster imitating \(flavour.displayName) "
                                + "(the saved one imitated \(saved.spec.flavour.displayName) and had nothing installed).")
                    } else {
                        spec = saved.spec
                    }
                }
            } catch let error as SimulatedStateFileError {
                throw ClusterConnectionError(message: error.description, isBadInput: false)
            } catch let error as ClusterConnectionError {
                throw error
            } catch {
                throw ClusterConnectionError(message: "\(error)", isBadInput: false)
            }
        }
        let source = ChartSource(paths: paths)
        let cluster = SimulatedCluster(
            spec: spec, clock: clock, fileSystem: files, stateFile: path,
            chartCache: source.cacheDirectory)
        var connection = connect(
            runner: cluster, context: cluster.contextName, simulated: true,
            transcript: openTranscript(paths: paths, clock: clock), notes: notes)
        connection.chartSource = source
        return connection
    }

    /// A real cluster through the kubectl and helm on PATH, pinned to `context` when given.
    static func real(
        context: String?, runner: any ProcessRunner = SubprocessRunner(), paths: XDGPaths = .current,
        clock: any WallClock = SystemClock()
    ) -> ClusterConnection {
        var connection = connect(
            runner: runner, context: context, simulated: false,
            transcript: openTranscript(paths: paths, clock: clock), notes: [])
        connection.chartSource = ChartSource(paths: paths)
        return connection
    }

    /// A new transcript in the state directory; nil when it cannot be created (the command still runs).
    static func openTranscript(paths: XDGPaths, clock: any WallClock) -> Transcript? {
        Transcript.openDefault(paths: paths, clock: clock)
    }

    private static func connect(
        runner base: any ProcessRunner, context: String?, simulated: Bool,
        transcript: Transcript?, notes: [String]
    ) -> ClusterConnection {
        let runner: any ProcessRunner = transcript.map { TranscriptingRunner(base, transcript: $0) } ?? base
        return ClusterConnection(
            runner: runner,
            kubectl: KubectlClient(runner: runner, options: KubectlOptions(context: context)),
            helm: HelmClient(runner: runner, options: HelmOptions(kubeContext: context)),
            context: context, simulated: simulated, transcript: transcript, notes: notes)
    }

    private static func nodesInUse(_ saved: SimulatedClusterSummary, requested: SimulatedClusterSpec, path: String) -> String {
        let releases = saved.releases.map { "\($0.name) in namespace \($0.namespace)" }.joined(separator: ", ")
        return "The simulated cluster already has PostHog installed (\(releases)) on other nodes: "
            + "\(SimulatedNodePool.text(saved.spec.pools)), not \(SimulatedNodePool.text(requested.pools)). "
            + "Run `posthog-install uninstall --simulate` first, or add --simulate-reset to start a fresh simulated cluster "
            + "with the new nodes (the saved one is in \(path))."
    }
}

/// A cluster connection that cannot be made; the message says why and what to do.
struct ClusterConnectionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The whole message, naming the flag or file concerned.
    var message: String
    /// True when the person's flags are at fault (exit code 2), false for a problem on disk (exit code 1).
    var isBadInput: Bool

    /// The message.
    var description: String { message }
}
