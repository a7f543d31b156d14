import Effects
import Foundation
import Kube
import PosthogTestSupport
import Synchronization
import Testing
@testable import Cluster

/// The simulated API server refuses what the real one refuses on an upgrade, in its words: a
/// Deployment's selector, a Job's pod template, a Service's clusterIP, a claim's spec other than
/// a larger storage request (which it accepts).
@Suite struct SimulatedRefusalTests {
    static let templates = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 1
          selector: {matchLabels: {app: {{ .Values.selector }}}}
          template:
            metadata: {labels: {app: {{ .Values.selector }}}}
            spec: {containers: [{name: web, image: nginx:1}]}
        ---
        apiVersion: batch/v1
        kind: Job
        metadata: {name: migrate}
        spec:
          template:
            spec: {restartPolicy: Never, containers: [{name: migrate, image: {{ .Values.jobImage }}}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: svc}
        spec:
          {{- if .Values.clusterIP }}
          clusterIP: {{ .Values.clusterIP }}
          {{- end }}
          selector: {app: web}
          ports: [{port: 80}]
        ---
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: data}
        spec:
          accessModes: [ReadWriteOnce]
          storageClassName: {{ .Values.storageClass }}
          resources: {requests: {storage: {{ .Values.size }}}}

        """

    let dir: String
    let clock = ManualClock()
    let cluster: SimulatedCluster
    let helm: HelmClient

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("refusals-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir + "/chart/templates", withIntermediateDirectories: true)
        try "apiVersion: v2\nname: refusals\nversion: 0.1.0\n".write(toFile: dir + "/chart/Chart.yaml", atomically: true, encoding: .utf8)
        try Self.templates.write(toFile: dir + "/chart/templates/all.yaml", atomically: true, encoding: .utf8)
        cluster = SimulatedCluster(
            spec: try SimulatedClusterSpec(nodes: "2x2cpu4gi", flavour: .digitalocean), clock: clock,
            fileSystem: LocalFileSystem())
        helm = HelmClient(runner: cluster, options: HelmOptions(kubeContext: cluster.contextName))
    }

    func values(_ overrides: [String: String] = [:]) throws -> HelmReleaseRequest {
        var values = ["selector": "web", "jobImage": "busybox:1", "storageClass": "do-block-storage", "size": "1Gi"]
        values.merge(overrides) { $1 }
        let path = dir + "/values-\(UUID().uuidString).yaml"
        try values.sorted { $0.key < $1.key }.map { "\($0.key): \"\($0.value)\"\n" }.joined().write(
            toFile: path, atomically: true, encoding: .utf8)
        return HelmReleaseRequest(release: "r", namespace: "posthog", chart: dir + "/chart", valuesFile: path)
    }

    /// Runs `work` while the clock moves whenever it sleeps.
    func drive(_ work: @escaping @Sendable () async throws -> ProcessResult) async throws -> ProcessResult {
        let done = Mutex(false)
        let task = Task {
            defer { done.withLock { $0 = true } }
            return try await work()
        }
        var steps = 0
        while !done.withLock({ $0 }) && steps < 2000 {
            if await clock.waitForSleepers(1, limit: .milliseconds(20)) {
                clock.advance(by: .seconds(2))
                steps += 1
            }
        }
        return try await task.value
    }

    func upgradeFails(_ overrides: [String: String]) async throws -> String {
        let helm = helm
        let request = try values(overrides)
        let error = await #expect(throws: HelmCommandError.self) {
            _ = try await drive { try await helm.upgrade(request, onLine: { _ in }) }
        }
        return (error?.message ?? "") + "\n" + (error?.output ?? "")
    }

    @Test func theOtherImmutableFieldsAreRefusedInTheAPIServersWords() async throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let helm = helm
        let first = try values()
        _ = try await drive { try await helm.install(first, onLine: { _ in }) }
        clock.advance(by: .seconds(60))

        let selector = try await upgradeFails(["selector": "web2"])
        #expect(
            selector.contains(
                "cannot patch \"web\" with kind Deployment: Deployment.apps \"web\" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"web2\"}"
            ), "\(selector)")
        #expect(selector.contains("field is immutable"))

        let job = try await upgradeFails(["jobImage": "busybox:2"])
        #expect(
            job.contains(
                "cannot patch \"migrate\" with kind Job: Job.batch \"migrate\" is invalid: spec.template: Invalid value: core.PodTemplateSpec{...}: field is immutable"
            ), "\(job)")

        let service = try await upgradeFails(["clusterIP": "10.245.0.250"])
        #expect(
            service.contains(
                "cannot patch \"svc\" with kind Service: Service \"svc\" is invalid: spec.clusterIPs[0]: Invalid value: []string{\"10.245.0.250\"}: may not change once set"
            ), "\(service)")

        let storageClass = try await upgradeFails(["storageClass": "do-block-storage-xfs"])
        #expect(
            storageClass.contains(
                "PersistentVolumeClaim \"data\" is invalid: spec: Forbidden: spec is immutable after creation except resources.requests"),
            "\(storageClass)")

        let history = try await helm.history(release: "r", namespace: "posthog")
        #expect(history.map(\.status) == ["deployed", "failed", "failed", "failed", "failed"], "\(history)")

        let grown = try values(["size": "2Gi"])
        let result = try await drive { try await helm.upgrade(grown, onLine: { _ in }) }
        #expect(result.status.isSuccess, "a larger request is accepted: \(result.standardError)")
        let shrunk = try await upgradeFails(["size": "512Mi"])
        #expect(shrunk.contains("spec.resources.requests.storage: Forbidden: field can not be less than status.capacity"), "\(shrunk)")
    }
}
