import Cluster
import Effects

/// The cluster a command talks to: a real one through kubectl and helm, or the built-in
/// simulated cluster, which answers the same commands in the same formats.
struct ClusterConnection {
    /// Runs kubectl and helm (or answers them, when simulated).
    let runner: any ProcessRunner
    /// kubectl.
    let kubectl: KubectlClient
    /// helm.
    let helm: HelmClient
    /// The context commands are pinned to, when one was chosen or simulated.
    let context: String?
    /// Whether this is the simulated cluster.
    let simulated: Bool

    /// The simulated cluster with nodes from `nodes` (`2x2cpu4gi`), or a problem with that text;
    /// its helm reads values files through `files`.
    static func simulated(nodes: String?, cloud: String, clock: any WallClock = SystemClock(),
                          files: any FileSystem = LocalFileSystem()) throws -> ClusterConnection {
        let flavour = SimulatedClusterSpec.Flavour(rawValue: cloud) ?? .digitalocean
        let spec = try SimulatedClusterSpec(nodes: nodes ?? "2x2cpu4gi", flavour: flavour)
        let cluster = SimulatedCluster(spec: spec, clock: clock, fileSystem: files)
        return connect(runner: cluster, context: cluster.contextName, simulated: true)
    }

    /// A real cluster through the kubectl and helm on PATH, pinned to `context` when given.
    static func real(context: String?, runner: any ProcessRunner = SubprocessRunner()) -> ClusterConnection {
        connect(runner: runner, context: context, simulated: false)
    }

    private static func connect(runner: any ProcessRunner, context: String?, simulated: Bool) -> ClusterConnection {
        ClusterConnection(runner: runner,
                          kubectl: KubectlClient(runner: runner, options: KubectlOptions(context: context)),
                          helm: HelmClient(runner: runner, options: HelmOptions(kubeContext: context)),
                          context: context, simulated: simulated)
    }
}
