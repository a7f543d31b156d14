import Effects
import Foundation
import Kube
import PosthogTestSupport
import Synchronization
@testable import Cluster

/// A simulated cluster on a manual clock with clients pointed at it.
struct SimulationHarness {
    let clock: ManualClock
    let files: InMemoryFileSystem
    let cluster: SimulatedCluster
    let kubectl: KubectlClient
    let helm: HelmClient

    static let doValues = """
    cloud: do
    notificationEmail: ops@example.com
    ingress:
      hostname: posthog.example.com
      nginx:
        enabled: true
    cert-manager:
      enabled: true

    """

    init(nodes: String = "2x2cpu4gi", flavour: SimulatedClusterSpec.Flavour = .digitalocean, faults: SimulatedFaults = SimulatedFaults(),
         values: String = SimulationHarness.doValues, volumeExpansion: Bool = true,
         stateFile: String? = nil, storageClass: String? = nil, clock: ManualClock = ManualClock()) throws {
        self.clock = clock
        files = InMemoryFileSystem(files: ["/work/values.yaml": values], clock: clock)
        var spec = try SimulatedClusterSpec(nodes: nodes, flavour: flavour)
        spec.faults = faults
        spec.volumeExpansion = volumeExpansion
        spec.storageClass = storageClass
        cluster = SimulatedCluster(spec: spec, clock: clock, fileSystem: files, stateFile: stateFile)
        kubectl = KubectlClient(runner: cluster, options: KubectlOptions(context: cluster.contextName))
        helm = HelmClient(runner: cluster, options: HelmOptions(kubeContext: cluster.contextName))
    }

    var request: HelmReleaseRequest { HelmReleaseRequest(valuesFile: "/work/values.yaml") }

    /// Runs `work` while moving the clock two seconds each time it sleeps, until it returns.
    func drive<T: Sendable>(maxSteps: Int = 5000, _ work: @escaping @Sendable () async throws -> T) async throws -> T {
        let done = Mutex(false)
        let task = Task {
            defer { done.withLock { $0 = true } }
            return try await work()
        }
        var steps = 0
        while !done.withLock({ $0 }) && steps < maxSteps {
            if await clock.waitForSleepers(1, limit: .milliseconds(20)) {
                clock.advance(by: .seconds(2))
                steps += 1
            }
        }
        return try await task.value
    }

    /// Moves the clock and polls until the decision is not "keep waiting" (or `seconds` pass);
    /// with `addresses`, also until the load balancers have their addresses (pods may be ready first).
    func pollUntilDecided(seconds: Int = 600, addresses: Bool = true) async throws -> NamespacePollUpdate {
        let poller = NamespacePoller(kubectl: kubectl, namespace: "posthog", clock: clock)
        var update = try await poller.poll()
        var waited = 0
        func waiting(_ u: NamespacePollUpdate) -> Bool {
            u.decision == .keepWaiting || (addresses && u.decision == .allReady && u.summary.overall != .current)
        }
        while waiting(update) && waited < seconds {
            clock.advance(by: .seconds(2))
            waited += 2
            update = try await poller.poll()
        }
        return update
    }

    /// `helm repo add` and `helm repo update`, as the install flow starts.
    func addRepository() async throws {
        try await helm.repoAdd()
        try await helm.repoUpdate()
    }
}
