import Effects
import Foundation
import Kube
import PosthogTestSupport
import Testing
@testable import Cluster

@Suite struct KubectlClientTests {
    let options = KubectlOptions(context: "do-nyc1-posthog", requestTimeout: .seconds(20))

    @Test func argvIsExplicitAboutContextNamespaceTimeoutAndOutput() {
        let k = KubectlClient(runner: ScriptedRunner(), options: options)
        let global = ["kubectl", "--context", "do-nyc1-posthog"]
        #expect(k.versionCommand.argv == global + ["--request-timeout", "20s", "version", "-o", "json"])
        #expect(k.currentContextCommand.argv == ["kubectl", "--request-timeout", "20s", "config", "current-context"])
        #expect(k.contextsCommand.argv == ["kubectl", "--request-timeout", "20s", "config", "get-contexts", "-o", "name"])
        #expect(k.nodesCommand.argv == global + ["--request-timeout", "20s", "get", "nodes", "-o", "json"])
        #expect(k.storageClassesCommand.argv == global + ["--request-timeout", "20s", "get", "storageclasses", "-o", "json"])
        #expect(k.namespaceCommand("posthog").argv == global + ["--request-timeout", "20s", "get", "namespace", "posthog", "-o", "json"])
        #expect(k.namespaceObjectsCommand("posthog").argv == global + ["--namespace", "posthog", "--request-timeout", "20s", "get",
            "pods,jobs,deployments,statefulsets,persistentvolumeclaims,services,ingresses,events", "-o", "json"])
        #expect(k.previousLogsCommand(pod: "chi-0", container: "clickhouse", namespace: "posthog", tail: 20).argv
            == global + ["--namespace", "posthog", "--request-timeout", "20s", "logs", "chi-0", "-c", "clickhouse", "--previous", "--tail", "20"])
        #expect(k.serviceCommand("posthog-ingress-nginx-controller", namespace: "posthog").argv
            == global + ["--namespace", "posthog", "--request-timeout", "20s", "get", "service", "posthog-ingress-nginx-controller", "-o", "json"])
        #expect(k.ingressCommand("posthog", namespace: "posthog").argv
            == global + ["--namespace", "posthog", "--request-timeout", "20s", "get", "ingress", "posthog", "-o", "json"])
        #expect(k.deleteNamespaceCommand("posthog", wait: false).argv == global + ["--request-timeout", "20s", "delete", "namespace", "posthog", "--wait=false"])
    }

    @Test func everyCommandHasATimeout() {
        let k = KubectlClient(runner: ScriptedRunner(), options: KubectlOptions(processTimeout: .seconds(30)))
        #expect(k.nodesCommand.timeout == .seconds(30))
        #expect(k.deleteNamespaceCommand("posthog", wait: true).timeout == .seconds(600))
        #expect(KubectlOptions.goDuration(.seconds(1200)) == "20m")
        #expect(KubectlOptions.goDuration(.seconds(90)) == "1m30s")
        #expect(KubectlOptions.goDuration(.milliseconds(500)) == "500ms")
    }

    @Test func notFoundNamespaceIsNilAndKeepsKubectlsWords() async throws {
        let runner = ScriptedRunner()
        let k = KubectlClient(runner: runner)
        runner.expect(k.namespaceCommand("posthog").argv,
                      .exit(1, stderr: "Error from server (NotFound): namespaces \"posthog\" not found\n"))
        #expect(try await k.namespaceExists("posthog") == false)
        runner.expect(k.nodesCommand.argv, .exit(1, stderr: "Error from server (Forbidden): nodes is forbidden: User \"dev\" cannot list resource \"nodes\"\n"))
        let error = await #expect(throws: KubectlError.self) { try await k.nodes() }
        #expect(error?.kind == .forbidden)
        #expect(error?.message == "Error from server (Forbidden): nodes is forbidden: User \"dev\" cannot list resource \"nodes\"")
    }

    @Test(arguments: [
        ("The connection to the server 127.0.0.1:1 was refused - did you specify the right host or port?", KubectlError.Kind.unreachable),
        ("Unable to connect to the server: dial tcp: lookup abc.k8s.ondigitalocean.com: no such host", .unreachable),
        ("error: current-context is not set", .noContext),
        ("Error in configuration: context was not found for specified context: nope", .noContext),
        ("error: You must be logged in to the server (Unauthorized)", .unauthorized),
        ("Error from server (NotFound): namespaces \"posthog\" not found", .notFound),
        ("error: the server doesn't have a resource type \"ingresses\"", .unknownResource),
        ("something else entirely", .other),
    ])
    func classifiesKubectlMessages(message: String, kind: KubectlError.Kind) {
        #expect(KubectlError.classify(message).0 == kind)
    }

    @Test func klogLinesAreDroppedFromTheMessage() {
        let stderr = """
        E1130 10:52:24.975829   22468 memcache.go:265] "Unhandled Error" err="couldn't get current server API group list"
        E1130 10:52:24.977213   22468 memcache.go:265] "Unhandled Error" err="couldn't get current server API group list"
        The connection to the server 127.0.0.1:1 was refused - did you specify the right host or port?

        """
        #expect(KubectlError.meaningfulMessage(stderr) == "The connection to the server 127.0.0.1:1 was refused - did you specify the right host or port?")
        // `kubectl get pods,jobs,…` prints the refusal once per resource type: once is enough.
        let repeated = String(repeating: "The connection to the server 127.0.0.1:1 was refused\n", count: 8) + "other line\n"
        #expect(KubectlError.meaningfulMessage(repeated) == "The connection to the server 127.0.0.1:1 was refused\nother line")
    }

    @Test func missingKubectlAndTimeoutsAreNamed() async throws {
        let runner = ScriptedRunner(clock: ManualClock())
        let k = KubectlClient(runner: runner, options: KubectlOptions(processTimeout: .seconds(1)))
        runner.expect(k.nodesCommand.argv, .notFound("kubectl"))
        let missing = await #expect(throws: KubectlError.self) { try await k.nodes() }
        #expect(missing?.kind == .kubectlMissing)
        #expect(missing?.hint.contains("Install kubectl") == true)
    }

    /// The real kubectl against a port nobody listens on: our error must carry its refusal.
    @Test(.enabled(if: ExecutableLookup.resolve("kubectl", path: ExecutableLookup.currentPath) != nil))
    func realKubectlRefusalIsMapped() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let config = dir.appending("kubeconfig")
        try """
        apiVersion: v1
        kind: Config
        clusters:
        - cluster:
            server: https://127.0.0.1:1
            insecure-skip-tls-verify: true
          name: nowhere
        contexts:
        - context:
            cluster: nowhere
            user: nobody
          name: nowhere
        current-context: nowhere
        users:
        - name: nobody
          user:
            token: not-a-secret
        """.write(toFile: config, atomically: true, encoding: .utf8)
        let k = KubectlClient(runner: SubprocessRunner(),
                              options: KubectlOptions(kubeconfig: config, context: "nowhere", requestTimeout: .seconds(5), processTimeout: .seconds(30)))
        let error = await #expect(throws: KubectlError.self) { try await k.nodes() }
        #expect(error?.kind == .unreachable)
        #expect(error?.message == "The connection to the server 127.0.0.1:1 was refused - did you specify the right host or port?")
        #expect(error?.hint.contains("context nowhere") == true)

        let version = try await k.version()
        #expect(version.client.gitVersion.hasPrefix("v1."))
        #expect(version.server == nil)
        #expect(version.serverError?.kind == .unreachable)

        let missing = KubectlClient(runner: SubprocessRunner(), options: KubectlOptions(kubeconfig: config, context: "elsewhere"))
        let noContext = await #expect(throws: KubectlError.self) { try await missing.nodes() }
        #expect(noContext?.kind == .noContext)
        #expect(noContext?.message == "Error in configuration: context was not found for specified context: elsewhere")
        #expect(try await k.contexts() == ["nowhere"])
    }
}

/// kubectl's view of the kubeconfig, as `kubectl config view -o json` prints it.
@Suite struct KubeconfigViewTests {
    @Test func readsContextsClustersAndTheCurrentOne() throws {
        let json = #"{"kind":"Config","clusters":null,"users":[{"name":"u","user":{"token":"REDACTED"}}],"contexts":[{"name":"orphan","context":{"cluster":"missing","user":"u"}},{"name":"ok","context":{"cluster":"c"}}],"current-context":"orphan"}"#
        var view = try JSONDecoder().decode(KubeconfigView.self, from: Data(json.utf8))
        #expect(view.contexts.map(\.name) == ["orphan", "ok"])
        #expect(view.currentContext == "orphan")
        #expect(view.server(of: "orphan")?.server == "")
        #expect(view.server(of: "nope") == nil)
        view.clusters = [KubeconfigView.Cluster(name: "c", server: "https://1.2.3.4")]
        #expect(view.server(of: "ok")?.server == "https://1.2.3.4")
    }
}
