import Cluster
import Effects
import Foundation
import PosthogTestSupport
@testable import PosthogInstallCommands

/// Simulated clusters for command tests: kept in memory, transcripts in a temporary directory,
/// so tests never touch the person's `~/.local/state`.
enum TestConnections {
    /// A state and cache directory under the system's temporary directory, one per test process.
    static let paths: XDGPaths = {
        let root = NSTemporaryDirectory() + "posthog-install-tests-\(getpid())"
        return XDGPaths(environment: [
            "XDG_STATE_HOME": root + "/state", "XDG_CACHE_HOME": root + "/cache",
            "XDG_CONFIG_HOME": root + "/config", "HOME": root,
        ])
    }()

    /// The simulated cluster with `nodes`, on `clock`, reading values files from `files`.
    static func simulated(
        nodes: String = "2x2cpu4gi", clock: any WallClock, files: any FileSystem,
        faults: SimulatedFaults = SimulatedFaults()
    ) throws -> ClusterConnection {
        try ClusterConnection.simulated(
            nodes: nodes, cloud: "do", clock: clock, files: files, state: .inMemory, paths: paths, faults: faults)
    }
}
