import Cluster
import Effects
import Foundation
import PosthogTestSupport
import Testing
@testable import PosthogInstallCommands

/// The connection commands use: a simulated cluster kept between commands, and the transcript.
@Suite struct ClusterConnectionTests {
    /// A temporary state directory with a tiny chart holding one Secret (installs without waiting).
    struct Place {
        let dir: TemporaryDirectory
        var paths: XDGPaths { XDGPaths(environment: ["HOME": dir.path, "XDG_STATE_HOME": dir.appending("state")]) }
        var stateFile: String { dir.appending("state/posthog-install/simulated-cluster.json") }
        var chart: String { dir.appending("chart") }

        init() throws {
            dir = try TemporaryDirectory()
            let files = LocalFileSystem()
            try files.makeDirectories(dir.appending("chart/templates"), mode: 0o700)
            try files.writeAtomically(dir.appending("chart/Chart.yaml"), "apiVersion: v2\nname: app\nversion: 1.0.0\n", mode: 0o600, backup: .none)
            try files.writeAtomically(dir.appending("chart/templates/secret.yaml"), """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: app-secret
                stringData:
                  database-password: {{ .Values.postgresql.password | quote }}

                """, mode: 0o600, backup: .none)
        }

        func connect(nodes: String? = nil, cloud: String? = "do", reset: Bool = false) throws -> ClusterConnection {
            try ClusterConnection.simulated(nodes: nodes, cloud: cloud, reset: reset, clock: ManualClock(), files: LocalFileSystem(),
                                            state: .standard, paths: paths)
        }

        func install(_ connection: ClusterConnection, password: String = "Sup3rSecretPw") async throws -> ProcessResult {
            try await connection.runner.run(ProcessCommand("helm", ["install", "app", chart, "--namespace", "posthog", "--create-namespace",
                                                                    "--set", "postgresql.password=\(password)", "--kube-context", "posthog-simulated"],
                                                           timeout: .seconds(60)))
        }
    }

    @Test func theSimulatedClusterIsKeptForTheNextCommand() async throws {
        let place = try Place()
        defer { place.dir.remove() }
        let first = try place.connect(nodes: "3x4cpu8gi")
        #expect(try await place.install(first).status == .exited(0))
        #expect(LocalFileSystem().kind(of: place.stateFile) == .file)

        // The next command (no --simulate-nodes) gets the same cluster, nodes and release.
        let second = try place.connect()
        #expect(second.notes.isEmpty)
        #expect(try await second.kubectl.nodes().count == 3)
        #expect(try await second.helm.installedRelease("app", namespace: "posthog")?.status == "deployed")
    }

    @Test func otherNodesAreRefusedWhilePostHogIsInstalledAndReplacedOtherwise() async throws {
        let place = try Place()
        defer { place.dir.remove() }
        let first = try place.connect(nodes: "2x2cpu4gi")
        #expect(try await place.install(first).status == .exited(0))

        let error = #expect(throws: ClusterConnectionError.self) { _ = try place.connect(nodes: "3x4cpu8gi") }
        #expect(error?.isBadInput == true)
        #expect(error?.message.contains("already has PostHog installed (app in namespace posthog) on other nodes: 2x2cpu4gi, not 3x4cpu8gi") == true)
        #expect(error?.message.contains("posthog-install uninstall --simulate") == true)
        #expect(error?.message.contains("--simulate-reset") == true)

        // --simulate-reset starts afresh with the nodes asked for.
        let reset = try place.connect(nodes: "3x4cpu8gi", reset: true)
        #expect(reset.notes == ["Started a fresh simulated cluster (--simulate-reset)."])
        #expect(try await reset.helm.installedRelease("app", namespace: "posthog") == nil)
        #expect(try await reset.kubectl.nodes().count == 3)

        // Nothing installed: other nodes simply replace the saved cluster, with a note.
        let replaced = try place.connect(nodes: "1x8cpu32gi")
        #expect(replaced.notes == ["Started a fresh simulated cluster with nodes 1x8cpu32gi (the saved one had 3x4cpu8gi and nothing installed)."])
        #expect(try await replaced.kubectl.nodes().count == 1)
    }

    @Test func theSimulatedClusterFollowsTheCloudAnsweredWhileNothingIsInstalled() async throws {
        let place = try Place()
        defer { place.dir.remove() }
        // The wizard's first look (no cloud answered yet) keeps whatever is saved, else DigitalOcean.
        let first = try place.connect(nodes: "3x4cpu8gi", cloud: nil)
        #expect(try await first.kubectl.storageClasses().first(where: \.isDefault)?.metadata.name == "do-block-storage")

        // aws answered: a fresh EKS-like cluster with the same nodes.
        let aws = try place.connect(cloud: "aws")
        #expect(aws.notes == ["Started a fresh simulated cluster imitating Amazon EKS (the saved one imitated DigitalOcean Kubernetes and had nothing installed)."])
        #expect(try await aws.kubectl.storageClasses().first(where: \.isDefault)?.metadata.name == "gp2")
        #expect(try await aws.kubectl.nodes().count == 3)

        // Once something is installed the cluster stays what it is: the release lives there.
        #expect(try await place.install(aws).status == .exited(0))
        let gcp = try place.connect(cloud: "gcp")
        #expect(gcp.notes.isEmpty)
        #expect(try await gcp.kubectl.storageClasses().first(where: \.isDefault)?.metadata.name == "gp2")
    }

    @Test func aSavedClusterFromAnOlderFormatIsAClearErrorOfferingAFreshStart() throws {
        let place = try Place()
        defer { place.dir.remove() }
        try LocalFileSystem().makeDirectories(place.dir.appending("state/posthog-install"), mode: 0o700)
        try LocalFileSystem().writeAtomically(place.stateFile, #"{"format": 1, "state": {}}"#, mode: 0o600, backup: .none)
        let error = #expect(throws: ClusterConnectionError.self) { _ = try place.connect() }
        #expect(error?.message.contains("it was saved by a different version of posthog-install") == true)
        #expect(error?.message.contains("run again with --simulate-reset") == true)
        let fresh = try place.connect(reset: true)
        #expect(fresh.notes == ["Started a fresh simulated cluster (--simulate-reset)."])
    }

    @Test func aDamagedSavedClusterIsAClearError() throws {
        let place = try Place()
        defer { place.dir.remove() }
        try LocalFileSystem().makeDirectories(place.dir.appending("state/posthog-install"), mode: 0o700)
        try LocalFileSystem().writeAtomically(place.stateFile, "not json", mode: 0o600, backup: .none)
        let error = #expect(throws: ClusterConnectionError.self) { _ = try place.connect() }
        #expect(error?.isBadInput == false)
        #expect(error?.message.hasPrefix("The saved simulated cluster in \(place.stateFile) cannot be used: it is not a saved simulated cluster") == true)
    }

    @Test func everyCommandIsInTheTranscriptWithSecretsMasked() async throws {
        let place = try Place()
        defer { place.dir.remove() }
        let connection = try place.connect()
        // No file until a command runs: a run refused before it starts leaves no transcript.
        #expect(connection.transcriptPath == nil)
        #expect(try LocalFileSystem().listDirectory(place.dir.appending("state/posthog-install")).filter { $0.hasPrefix("transcript-") }.isEmpty)
        #expect(try await place.install(connection).status == .exited(0))
        let path = try #require(connection.transcriptPath)
        #expect(path.hasPrefix(place.dir.appending("state/posthog-install/transcript-")))
        let secret = try await connection.kubectl.text(connection.kubectl.command(["get", "secret", "app-secret"], namespace: "posthog"))
        let encoded = Data("Sup3rSecretPw".utf8).base64EncodedString()
        #expect(secret.contains(encoded))  // the caller gets the real output

        let log = try LocalFileSystem().readString(path)
        #expect(log.contains("$ helm install app \(place.chart) --namespace posthog --create-namespace --set 'postgresql.password=***'"))
        #expect(log.contains("$ kubectl --context posthog-simulated"))
        #expect(log.contains("get secret app-secret -o json"))
        #expect(log.contains("out| NAME: app"))
        #expect(log.contains("\"database-password\": \"***\""))
        #expect(!log.contains("Sup3rSecretPw"))
        #expect(!log.contains(encoded))
        #expect(log.contains("exit code 0"))
    }

    @Test func aTranscriptThatCannotBeOpenedDoesNotStopTheCommand() async throws {
        let place = try Place()
        defer { place.dir.remove() }
        // The state directory's parent is a file: nothing can be created there.
        try LocalFileSystem().writeAtomically(place.dir.appending("blocked"), "x", mode: 0o600, backup: .none)
        let paths = XDGPaths(environment: ["HOME": place.dir.path, "XDG_STATE_HOME": place.dir.appending("blocked")])
        let connection = try ClusterConnection.simulated(nodes: nil, cloud: "do", clock: ManualClock(), state: .inMemory, paths: paths)
        #expect(connection.transcriptPath == nil)
        #expect(try await connection.kubectl.nodes().count == 2)
    }
}
