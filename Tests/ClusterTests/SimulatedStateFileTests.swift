import Effects
import Foundation
import Glibc
import Kube
import PosthogTestSupport
import Synchronization
import Testing
@testable import Cluster

/// A simulated cluster saved in a file: separate instances (standing in for separate processes) share it.
@Suite struct SimulatedStateFileTests {
    static func kubectl(_ cluster: SimulatedCluster, _ args: [String]) async throws -> ProcessResult {
        try await cluster.run(ProcessCommand("kubectl", ["--context", cluster.contextName] + args, timeout: .seconds(30)))
    }

    @Test func twoInstancesOnOneFileSeeEachOthersChanges() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.appending("state/simulated-cluster.json")
        let clock = ManualClock()
        let a = try SimulationHarness(stateFile: path, clock: clock)
        let b = try SimulationHarness(stateFile: path, clock: clock)

        try await a.addRepository()
        // The install runs in one instance; while it waits, the other sees the release pending and its pods.
        let helm = a.helm, request = a.request
        let done = Mutex(false)
        let install = Task {
            defer { done.withLock { $0 = true } }
            return try await helm.install(request) { _ in }
        }
        #expect(await clock.waitForSleepers(1))
        let pending = try await b.helm.installedRelease("posthog", namespace: "posthog")
        #expect(pending?.status == "pending-install")
        var steps = 0
        while !done.withLock({ $0 }) && steps < 2000 {
            if await clock.waitForSleepers(1, limit: .milliseconds(20)) { clock.advance(by: .seconds(2)); steps += 1 }
        }
        let result = try await install.value
        #expect(result.status == .exited(0))

        let pods = try await Self.kubectl(b.cluster, ["get", "pods", "-n", "posthog", "-o", "json"])
        let items = try KubeJSON.decodeList(Pod.self, from: Data(pods.standardOutput.utf8))
        #expect(items.count > 10)
        #expect(items.contains { $0.metadata.name.hasPrefix("posthog-web-") })
        #expect(try await b.helm.installedRelease("posthog", namespace: "posthog")?.status == "deployed")

        // The file is private and replaced whole (no temporary files left beside it).
        var info = stat()
        #expect(stat(path, &info) == 0 && info.st_mode & 0o777 == 0o600)
        #expect(try LocalFileSystem().listDirectory(dir.appending("state")) == ["simulated-cluster.json", "simulated-cluster.json.lock"])

        // A third instance, created later, uninstalls; the first sees the release gone.
        let c = SimulatedCluster(spec: a.cluster.spec, clock: clock, stateFile: path)
        let uninstall = try await c.run(ProcessCommand("helm", ["uninstall", "posthog", "-n", "posthog"], timeout: .seconds(30)))
        #expect(uninstall.standardOutput == "release \"posthog\" uninstalled\n")
        #expect(try await a.helm.installedRelease("posthog", namespace: "posthog") == nil)
    }

    @Test func twoInstallsAtOnceLeaveOneReleaseAndOneFailure() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.appending("state/simulated-cluster.json")
        let clock = ManualClock()
        let a = try SimulationHarness(stateFile: path, clock: clock)
        let b = try SimulationHarness(stateFile: path, clock: clock)
        try await a.addRepository()
        // Both pass helm's first check before either has created the release (they render in between).
        let first = a.helm, second = b.helm, firstRequest = a.request, secondRequest = b.request
        final class Finished: Sendable { let count = Mutex(0) }
        let finished = Finished()
        let one = Task { () -> Bool in
            defer { finished.count.withLock { $0 += 1 } }
            do { _ = try await first.install(firstRequest) { _ in }; return true } catch { return false }
        }
        let other = Task { () -> Bool in
            defer { finished.count.withLock { $0 += 1 } }
            do { _ = try await second.install(secondRequest) { _ in }; return true } catch { return false }
        }
        let installs = [one, other]
        var steps = 0
        while finished.count.withLock({ $0 }) < 2 && steps < 4000 {
            if await clock.waitForSleepers(1, limit: .milliseconds(20)) { clock.advance(by: .seconds(2)) }
            steps += 1
        }
        var outcomes: [Bool] = []
        for install in installs { outcomes.append(await install.value) }
        #expect(outcomes.filter { $0 }.count == 1, "exactly one install may succeed: \(outcomes)")
        #expect(try await b.helm.installedRelease("posthog", namespace: "posthog")?.revision == 1)
    }

    @Test func timeMovesOnBetweenProcessesWithTheirOwnClocks() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.appending("simulated-cluster.json")
        let first = ManualClock()
        let a = try SimulationHarness(stateFile: path, clock: first)
        try await a.addRepository()
        let helm = a.helm, request = a.request
        #expect(try await a.drive { try await helm.install(request) { _ in } }.status == .exited(0))
        #expect(try await a.pollUntilDecided().decision == .allReady)
        let claim = "data-chi-posthog-posthog-0-0-0"
        let patch = try await Self.kubectl(a.cluster, ["patch", "pvc", claim, "-n", "posthog", "-p", #"{"spec":{"resources":{"requests":{"storage":"99Gi"}}}}"#])
        #expect(patch.status == .exited(0))

        // A later process: its clock is a minute on, so the resize has finished when it looks.
        let later = ManualClock(now: first.now + .seconds(60))
        let b = SimulatedCluster(spec: a.cluster.spec, clock: later, stateFile: path)
        let pvc = try await Self.kubectl(b, ["get", "pvc", claim, "-n", "posthog", "-o", "json"])
        let object = try KubeJSON.decode(PersistentVolumeClaim.self, from: Data(pvc.standardOutput.utf8))
        #expect(object.capacity?.text == "99Gi")

        // The first process, still a minute behind, reads the same (saved) state and does not undo it.
        let again = try await Self.kubectl(a.cluster, ["get", "pvc", claim, "-n", "posthog", "-o", "json"])
        #expect(try KubeJSON.decode(PersistentVolumeClaim.self, from: Data(again.standardOutput.utf8)).capacity?.text == "99Gi")
    }

    @Test func aDamagedFileIsReportedNotReplaced() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.appending("simulated-cluster.json")
        try LocalFileSystem().writeAtomically(path, "{\"format\": 1, \"state\": {\"nodes\": 3", mode: 0o600, backup: .none)
        let cluster = SimulatedCluster(clock: ManualClock(), stateFile: path)
        let error = await #expect(throws: SimulatedStateFileError.self) {
            _ = try await Self.kubectl(cluster, ["get", "nodes", "-o", "json"])
        }
        #expect(error?.path == path)
        #expect(error?.description.contains(path) == true)
        #expect(error?.description.contains("delete that file") == true)
        #expect(error?.description.contains("--simulate-reset") == true)
        #expect(try LocalFileSystem().readString(path) == "{\"format\": 1, \"state\": {\"nodes\": 3")
        #expect(throws: SimulatedStateFileError.self) { _ = try SimulatedStateFile(path: path).summary() }

        try LocalFileSystem().writeAtomically(path, "{\"format\": 99}", mode: 0o600, backup: .none)
        let other = await #expect(throws: SimulatedStateFileError.self) { _ = try await Self.kubectl(cluster, ["get", "nodes", "-o", "json"]) }
        #expect(other?.problem == "it was saved by a different version of posthog-install")
    }

    @Test func resetStartsAFreshCluster() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.appending("simulated-cluster.json")
        let file = SimulatedStateFile(path: path)
        #expect(try file.summary() == nil)
        let spec = try SimulatedClusterSpec(nodes: "3x4cpu8gi")
        let cluster = SimulatedCluster(spec: spec, clock: ManualClock(), stateFile: path)
        _ = try await cluster.run(ProcessCommand("helm", ["repo", "add", "posthog", "https://posthog.github.io/charts-clickhouse/"], timeout: .seconds(5)))
        let summary = try #require(try file.summary())
        #expect(summary.spec.pools == spec.pools && summary.releases.isEmpty)

        try file.reset()
        #expect(try file.summary() == nil)
        let update = try await cluster.run(ProcessCommand("helm", ["repo", "update"], timeout: .seconds(5)))
        #expect(update.standardError == "Error: no repositories found. You must add one before updating\n")
    }
}
