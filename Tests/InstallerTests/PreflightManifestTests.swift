import Foundation
import Helm
import Kube
import Testing
@testable import Installer

@Suite struct PreflightManifestTests {
    static let stream = """
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: posthog-web
    spec:
      replicas: 2
      template:
        spec:
          initContainers:
            - name: wait
              resources:
                requests: {cpu: "2", memory: 100Mi}
          containers:
            - name: web
              resources:
                requests:
                  cpu: 500m
                  memory: 1Gi
            - name: sidecar
              resources:
                limits: {memory: 256Mi}
    ---
    apiVersion: apps/v1
    kind: StatefulSet
    metadata:
      name: posthog-clickhouse
    spec:
      replicas: 3
      template:
        spec:
          containers:
            - name: ch
              resources: {requests: {cpu: 1, memory: 2Gi}}
    ---
    apiVersion: batch/v1
    kind: Job
    metadata:
      name: posthog-migrate
      annotations:
        helm.sh/hook: post-install,post-upgrade
    spec:
      template:
        spec:
          containers: [{name: m, resources: {requests: {memory: 512Mi}}}]
    ---
    apiVersion: v1
    kind: Pod
    metadata:
      name: posthog-test-connection
      annotations:
        helm.sh/hook: test
    spec:
      containers: [{name: t}]
    ---
    apiVersion: v1
    kind: Service
    metadata: {name: posthog-web}
    ---
    # only a comment
    """

    @Test func readsReplicasInitContainersAndLimits() throws {
        let pods = try ManifestPods.requests(fromYAML: Self.stream)
        #expect(pods.map(\.name) == ["posthog-web (1/2)", "posthog-web (2/2)", "posthog-clickhouse-0",
                                     "posthog-clickhouse-1", "posthog-clickhouse-2", "posthog-migrate"])
        let web = try #require(pods.first)
        // max(init 2 CPU, containers 500m) and 1Gi + 256Mi (a limit without a request requests the limit)
        #expect(web.requests.milliCPU == 2000)
        #expect(web.requests.memory == 1_073_741_824 + 268_435_456)
        #expect(pods[5].requests.memory == 512 * 1_048_576)
    }

    @Test func readsRenderedManifestsOfTheEngine() throws {
        let docs = Self.stream.components(separatedBy: "\n---\n")
        var files = [ChartFile(path: "Chart.yaml", data: Array("apiVersion: v2\nname: posthog\nversion: 0.1.0\n".utf8))]
        for (i, doc) in docs.enumerated() {
            files.append(ChartFile(path: "templates/t\(i).yaml", data: Array(doc.utf8)))
        }
        let chart = try ChartLoader.load(files: files, source: "test")
        var options = HelmTemplateOptions()
        options.releaseName = "posthog"
        let rendered = try HelmTemplate.run(chart: chart, options: options)
        let pods = try ManifestPods.requests(from: rendered.manifests)
        #expect(pods.count == 6)
        #expect(!pods.contains { $0.name.contains("test-connection") })
        #expect(Set(pods.map(\.name)).contains("posthog-migrate"))
    }

    @Test func badQuantityNamesTheFile() {
        let text = """
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              containers: [{name: web, resources: {requests: {memory: lots}}}]
        """
        #expect {
            _ = try ManifestPods.requests(fromYAML: text, file: "posthog/templates/web.yaml")
        } throws: { error in
            let e = error as? ManifestPodsError
            return e?.path == "posthog/templates/web.yaml" && e?.message.contains("lots") == true
        }
    }

    @Test func brokenYAMLIsAnError() {
        #expect(throws: ManifestPodsError.self) {
            _ = try ManifestPods.requests(fromYAML: "kind: Deployment\n  bad: [", file: "x.yaml")
        }
    }

    @Test func jsonEscapesStrings() {
        let text = ManifestJSON.text(.mapping(.init([("a\"b", .string("line\nnext\u{1}")), ("n", .sequence([.int(1), .bool(true), .null, .float(1.5)]))])))
        #expect(text == #"{"a\"b":"line\nnext\u0001","n":[1,true,null,1.5]}"#)
        let decoded = try? JSONSerialization.jsonObject(with: Data(text.utf8))
        #expect(decoded != nil)
    }

    @Test func plannedComponentsFromDeploymentNames() {
        let planned = ClusterComponent.planned(in: [
            (kind: "Deployment", name: "posthog-cert-manager-cainjector"),
            (kind: "Deployment", name: "posthog-ingress-nginx-controller"),
            (kind: "Service", name: "cert-manager-webhook"),
        ])
        #expect(planned == [.certManager, .ingressNginx])
        #expect(ClusterComponent.planned(in: [(kind: "Deployment", name: "posthog-web")]).isEmpty)
    }

    @Test func foreignComponentsSkipOwnNamespace() {
        let found = ForeignComponent.find(
            deployments: [(namespace: "posthog", name: "posthog-ingress-nginx-controller"),
                          (namespace: "ingress", name: "ingress-nginx-controller"),
                          (namespace: "cert-manager", name: "cert-manager"),
                          (namespace: "cert-manager", name: "cert-manager-webhook")],
            crdNames: ["certificates.cert-manager.io"], ownNamespace: "posthog")
        #expect(found == [
            ForeignComponent(component: .ingressNginx, namespace: "ingress", evidence: "Deployment ingress-nginx-controller"),
            ForeignComponent(component: .certManager, namespace: "cert-manager", evidence: "Deployment cert-manager"),
        ])
    }

    @Test func leftoverCRDsCountUnlessPostHogRunsTheComponent() {
        let crds = ["issuers.cert-manager.io", "certificates.cert-manager.io", "widgets.example.com"]
        let leftover = ForeignComponent.find(deployments: [], crdNames: crds, ownNamespace: "posthog")
        #expect(leftover == [ForeignComponent(component: .certManager, namespace: "", evidence: "CRD certificates.cert-manager.io")])
        let own = ForeignComponent.find(deployments: [(namespace: "posthog", name: "posthog-cert-manager")], crdNames: crds, ownNamespace: "posthog")
        #expect(own.isEmpty)
    }

    @Test func installedReleaseFromHelmList() throws {
        let json = #"[{"name":"posthog","namespace":"posthog","revision":"3","updated":"x","status":"deployed","chart":"posthog-30.2.1","app_version":"1.43.0"},{"name":"ing","namespace":"ingress","revision":1,"status":"failed","chart":"ingress-nginx-4.10.0"}]"#
        let releases = try JSONDecoder().decode([InstalledRelease].self, from: Data(json.utf8))
        #expect(releases.count == 2)
        #expect(releases[0].chartName == "posthog")
        #expect(releases[0].chartVersion == VersionNumber(major: 30, minor: 2, patch: 1))
        #expect(releases[0].appVersion == "1.43.0")
        #expect(releases[1].chartName == "ingress-nginx")
        #expect(releases[1].chartVersionText == "4.10.0")
        #expect(releases[1].revision == "1")
        #expect(!releases[1].isDeployed)
        #expect(InstalledRelease(name: "x", namespace: "y", chart: "nodash").chartVersion == nil)
    }

    @Test(arguments: [
        ("v1.29.3", VersionNumber?.some(VersionNumber(major: 1, minor: 29, patch: 3))),
        ("1.27+", VersionNumber(major: 1, minor: 27)),
        ("v1.27.4-eks-2d98532", VersionNumber(major: 1, minor: 27, patch: 4, prerelease: "eks-2d98532")),
        ("v3.14.2+gc309b6f", VersionNumber(major: 3, minor: 14, patch: 2)),
        (" 30 ", VersionNumber(major: 30)),
        ("", nil), ("latest", nil), ("1..2", nil), ("1.2.3.4", nil),
    ])
    func versionNumbers(text: String, expected: VersionNumber?) {
        #expect(VersionNumber(text) == expected)
    }

    @Test func versionOrder() throws {
        let a = try #require(VersionNumber("3.0.0-rc.1")), b = try #require(VersionNumber("3.0.0")), c = try #require(VersionNumber("3.0.10"))
        #expect(a < b && b < c)
        #expect(try #require(VersionNumber("2.99.99")) < a)
    }
}
