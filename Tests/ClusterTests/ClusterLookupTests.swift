import Effects
import Foundation
import Helm
import PosthogTestSupport
import Synchronization
import Testing
@testable import Cluster

/// `lookup` answered from a live (here: simulated) cluster, and `{}` without one.
@Suite struct ClusterLookupTests {
    static let template = """
    {{- $secret := lookup "v1" "Secret" .Release.Namespace "posthog" }}
    {{- $all := lookup "v1" "Secret" .Release.Namespace "" }}
    {{- $web := lookup "apps/v1" "Deployment" .Release.Namespace "posthog-web" }}
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: seen
    data:
      secret: {{ if $secret }}{{ index $secret.data "posthog-secret" | quote }}{{ else }}{{ "fallback" | b64enc | quote }}{{ end }}
      type: {{ $secret.type | default "none" | quote }}
      listKind: {{ $all.kind | default "none" | quote }}
      secrets: {{ len ($all.items | default list) | quote }}
      webReplicas: {{ if $web }}{{ $web.spec.replicas | toString | quote }}{{ else }}"none"{{ end }}
      replicasKind: {{ if $web }}{{ kindOf $web.spec.replicas | quote }}{{ else }}"none"{{ end }}
      missing: {{ lookup "v1" "Secret" .Release.Namespace "nope" | toJson | quote }}

    """

    static func chart() throws -> Chart {
        try ChartLoader.load(files: [
            ChartFile(path: "Chart.yaml", data: Array("apiVersion: v2\nname: lookups\nversion: 0.1.0\n".utf8)),
            ChartFile(path: "templates/seen.yaml", data: Array(template.utf8)),
        ], source: "lookups")
    }

    static var options: HelmTemplateOptions {
        var o = HelmTemplateOptions()
        o.releaseName = "lookups"
        o.namespace = "posthog"
        return o
    }

    @Test func withoutAClusterLookupsAreEmptyLikeHelmTemplate() throws {
        let result = try HelmTemplate.run(chart: Self.chart(), options: Self.options)
        let text = result.manifests.map(\.content).joined()
        #expect(text.contains("secret: \"ZmFsbGJhY2s=\""))
        #expect(text.contains("type: \"none\""))
        #expect(text.contains("listKind: \"none\""))
        #expect(text.contains("secrets: \"0\""))
        #expect(text.contains("webReplicas: \"none\""))
        #expect(text.contains("missing: \"{}\""))
    }

    @Test func withTheSimulatedClusterLookupsSeeItsObjects() async throws {
        let h = try SimulationHarness()
        try await h.addRepository()
        let helm = h.helm, request = h.request
        #expect(try await h.drive { try await helm.install(request) { _ in } }.status == .exited(0))

        // The secret as kubectl shows it: base64 data and a type.
        let secretJSON = try await h.kubectl.text(h.kubectl.command(["get", "secret", "posthog"], namespace: "posthog"))
        let secret = try #require(try JSONSerialization.jsonObject(with: Data(secretJSON.utf8)) as? [String: Any])
        #expect(secret["type"] as? String == "Opaque")
        let stored = try #require((secret["data"] as? [String: String])?["posthog-secret"])
        #expect(Data(base64Encoded: stored).map { $0.count } == 40)

        let result = try await ClusterLookup.render(chart: Self.chart(), options: Self.options, kubectl: h.kubectl)
        let text = result.manifests.map(\.content).joined()
        #expect(text.contains("secret: \"\(stored)\""))
        #expect(text.contains("type: \"Opaque\""))
        #expect(text.contains("listKind: \"SecretList\""))
        #expect(text.contains("secrets: \"1\""))
        #expect(text.contains("webReplicas: \"1\""))
        #expect(text.contains("replicasKind: \"int64\""))
        #expect(text.contains("missing: \"{}\""))
    }

    @Test func lookupsAreFetchedOnceEachAndNotFoundIsEmpty() async throws {
        let asked = AskedRequests()
        let result = try await ClusterLookup.render(chart: Self.chart(), options: Self.options) { request in
            asked.add(request)
            return nil
        }
        #expect(asked.all.count == 4)
        #expect(asked.all.contains(ClusterLookup.Request(apiVersion: "apps/v1", kind: "Deployment", namespace: "posthog", name: "posthog-web")))
        #expect(result.manifests.map(\.content).joined().contains("webReplicas: \"none\""))
    }

    @Test func simulatedKubectlReportsMissingSecretsInKubectlWords() async throws {
        let h = try SimulationHarness()
        let r = try await h.cluster.run(h.kubectl.command(["get", "secret", "x"], namespace: "posthog"))
        #expect(r.standardError == "Error from server (NotFound): secrets \"x\" not found\n")
    }

    @Test func simulatedUpgradesKeepTheChartsGeneratedSecret() async throws {
        let h = try SimulationHarness()
        try await h.addRepository()
        let helm = h.helm, request = h.request
        #expect(try await h.drive { try await helm.install(request) { _ in } }.status == .exited(0))
        let before = try await h.kubectl.text(h.kubectl.command(["get", "secret", "posthog"], namespace: "posthog"))
        #expect(try await h.drive { try await helm.upgrade(request) { _ in } }.status == .exited(0))
        let after = try await h.kubectl.text(h.kubectl.command(["get", "secret", "posthog"], namespace: "posthog"))
        #expect(Self.data(before) == Self.data(after) && Self.data(before) != nil)
    }

    static func data(_ json: String) -> [String: String]? {
        (try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["data"] as? [String: String]
    }

    @Test(arguments: [
        ("v1", "Secret", "secrets"), ("apps/v1", "Deployment", "deployments.apps"), ("apps/v1", "StatefulSet", "statefulsets.apps"),
        ("networking.k8s.io/v1", "Ingress", "ingresses.networking.k8s.io"), ("v1", "Endpoints", "endpoints"),
        ("networking.k8s.io/v1", "NetworkPolicy", "networkpolicies.networking.k8s.io"), ("v1", "ConfigMap", "configmaps"),
        ("cert-manager.io/v1", "ClusterIssuer", "clusterissuers.cert-manager.io"),
    ])
    func kindsMapToKubectlResources(_ apiVersion: String, _ kind: String, _ resource: String) {
        #expect(ClusterLookup.kubectlResource(apiVersion: apiVersion, kind: kind) == resource)
    }
}

/// The lookups a render asked for, in order.
final class AskedRequests: Sendable {
    private let storage = Mutex<[ClusterLookup.Request]>([])
    func add(_ r: ClusterLookup.Request) { storage.withLock { $0.append(r) } }
    var all: [ClusterLookup.Request] { storage.withLock { $0 } }
}
