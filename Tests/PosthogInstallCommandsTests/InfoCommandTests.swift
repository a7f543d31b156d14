import Cluster
import Effects
import Foundation
import PosthogTestSupport
import Testing
@testable import PosthogInstallCommands

/// `posthog-install info` against PostHog installed on the simulated cluster.
@Suite struct InfoCommandTests {
    func info(_ arguments: [String], on connection: ClusterConnection, files: InMemoryFileSystem,
              signals: any SignalSource = ManualSignalSource()) async throws -> (ToolExitCode, String) {
        let command = try InfoCommand.parse(arguments)
        let lines = OutputLines()
        let code = await InfoRun(files: files, connection: connection, signals: signals, emit: { lines.append($0) }).execute(command.request)
        return (code, lines.text)
    }

    /// Answers `kubectl get secret` (the simulation keeps no Secrets) with the chart's Secret shapes.
    static func secrets(_ inner: any ProcessRunner) -> InterceptingRunner {
        InterceptingRunner(inner) { command, _ in
            guard command.executable == "kubectl", let i = command.arguments.firstIndex(of: "secret") else { return nil }
            let name = command.arguments[i + 1]
            let data: String
            switch name {
            case "posthog-posthog-postgresql": data = #"{"postgresql-password": "\#(Data("pg-from-secret".utf8).base64EncodedString())"}"#
            default: return ProcessResult(argv: command.argv, status: .exited(1), standardError: "Error from server (NotFound): secrets \"\(name)\" not found\n")
            }
            return ProcessResult(argv: command.argv, status: .exited(0),
                                 standardOutput: #"{"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "\#(name)"}, "data": \#(data)}"#)
        }
    }

    @Test func showsAddressesVersionsAndWhereThePasswordsLive() async throws {
        let installed = try await InstalledCluster.make()
        let (code, out) = try await info([], on: installed.connection, files: installed.files)
        #expect(code == .success, "\(out)")
        #expect(out.hasPrefix("PostHog: https://posthog.example.com\nInstalled: chart posthog-30.46.0"), "\(out)")
        #expect(out.contains("ClickHouse: clickhouse-posthog.posthog.svc.cluster.local:9000 (inside the cluster)\n  user: admin"))
        #expect(out.contains("PostgreSQL: posthog-posthog-postgresql.posthog.svc.cluster.local:5432"))
        #expect(out.contains("  password: in Secret posthog-posthog-postgresql, key postgresql-password (also saved in values.yaml at postgresql.postgresqlPassword)"))
        #expect(out.contains("  print it: kubectl get secret posthog-posthog-postgresql -n posthog -o go-template='{{index .data \"postgresql-password\" | base64decode}}'"))
        #expect(out.contains("  password: in Secret posthog-posthog-redis, key redis-password"))
        #expect(out.hasSuffix("Passwords are not shown; add --show-secrets to print them."))
        let values = try installed.files.readString("values.yaml")
        for key in ["postgresqlPassword", "password"] {
            // No generated password from values.yaml appears in the output.
            for line in values.split(separator: "\n") where line.trimmingCharacters(in: .whitespaces).hasPrefix(key + ":") {
                let secret = line.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
                if secret.count >= 16 { #expect(!out.contains(secret)) }
            }
        }
    }

    @Test func showSecretsReadsThemFromTheCluster() async throws {
        let installed = try await InstalledCluster.make()
        let runner = Self.secrets(installed.cluster)
        let (code, out) = try await info(["--show-secrets"], on: installed.connection(through: runner), files: installed.files)
        #expect(code == .success, "\(out)")
        #expect(out.contains("PostgreSQL: posthog-posthog-postgresql.posthog.svc.cluster.local:5432 (inside the cluster)\n  user: postgres\n  database: posthog\n  password: pg-from-secret\n"))
        #expect(runner.argvs.contains { $0.contains("secret") && $0.contains("posthog-posthog-postgresql") })
        #expect(!out.contains("add --show-secrets"))
    }

    @Test func nothingInstalledIsAClearFailure() async throws {
        let files = InMemoryFileSystem()
        let connection = try TestConnections.simulated(clock: FastClock(factor: 20), files: files)
        let (code, out) = try await info([], on: connection, files: files)
        #expect(code == .failed)
        #expect(out.contains("Error: no PostHog release \"posthog\" is installed in namespace posthog"))
        #expect(out.contains("posthog-install install"))
    }

    @Test func prometheusOffSaysHowToTurnItOn() async throws {
        let installed = try await InstalledCluster.make()
        let (code, out) = try await info(["--prometheus"], on: installed.connection, files: installed.files)
        #expect(code == .success)
        #expect(out.contains("Prometheus is not enabled in values.yaml"))
        #expect(out.contains("posthog-install values --prometheus"))
        #expect(out.contains("posthog-install upgrade"))
    }

    /// Adds a running prometheus-server pod to `kubectl get pods` and plays a port forward
    /// that prints kubectl's lines and then runs until cancelled.
    static func prometheus(_ inner: any ProcessRunner) -> InterceptingRunner {
        InterceptingRunner(inner) { command, onLine in
            guard command.executable == "kubectl" else { return nil }
            if command.arguments.contains("port-forward") {
                onLine(OutputLine(.standardOutput, "Forwarding from 127.0.0.1:9090 -> 9090"))
                onLine(OutputLine(.standardOutput, "Forwarding from [::1]:9090 -> 9090"))
                try await Task.sleep(for: .seconds(3600))
                return ProcessResult(argv: command.argv, status: .exited(0))
            }
            guard command.arguments.contains("pods") else { return nil }
            let result = try await inner.run(command)
            guard var list = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any],
                  var items = list["items"] as? [Any] else { return result }
            items.append(["apiVersion": "v1", "kind": "Pod",
                          "metadata": ["name": "posthog-prometheus-server-5d9f7c6b8-x2k4q", "namespace": "posthog"],
                          "status": ["phase": "Running"]])
            list["items"] = items
            let text = String(decoding: try JSONSerialization.data(withJSONObject: list), as: UTF8.self)
            return ProcessResult(argv: command.argv, status: .exited(0), standardOutput: text)
        }
    }

    func enablePrometheus(_ files: InMemoryFileSystem) throws {
        let text = try files.readString("values.yaml")
        files.addFile("values.yaml", text + "\nprometheus:\n  enabled: true\n", mode: 0o600)
    }

    @Test func prometheusEnabledPrintsThePortForward() async throws {
        let installed = try await InstalledCluster.make()
        try enablePrometheus(installed.files)
        let runner = Self.prometheus(installed.cluster)
        let (code, out) = try await info(["--prometheus"], on: installed.connection(through: runner), files: installed.files)
        #expect(code == .success, "\(out)")
        #expect(out.contains("Prometheus: pod posthog-prometheus-server-5d9f7c6b8-x2k4q"))
        #expect(out.contains("kubectl --context posthog-simulated --namespace posthog port-forward posthog-prometheus-server-5d9f7c6b8-x2k4q 9090"))
        #expect(out.contains("then open: http://localhost:9090"))
        #expect(!runner.argvs.contains { $0.contains("port-forward") }, "printing only, nothing runs")
    }

    @Test(arguments: [SignalEvent.interrupt, .terminate, .hangup])
    func portForwardRunsUntilASignal(_ signal: SignalEvent) async throws {
        let installed = try await InstalledCluster.make()
        try enablePrometheus(installed.files)
        let runner = Self.prometheus(installed.cluster)
        let signals = ManualSignalSource()
        let lines = OutputLines()
        let command = try InfoCommand.parse(["--prometheus", "--port-forward"])
        let run = InfoRun(files: installed.files, connection: installed.connection(through: runner), signals: signals, emit: { lines.append($0) })
        let task = Task { await run.execute(command.request) }
        // Wait until the forward is running, then press Ctrl-C.
        for _ in 0..<500 where !lines.text.contains("Forwarding from [::1]:9090") { try await Task.sleep(for: .milliseconds(10)) }
        #expect(lines.text.contains("  Forwarding from 127.0.0.1:9090 -> 9090"))
        signals.send(signal)
        let code = await task.value
        #expect(code == .stopped)
        #expect(lines.all.suffix(2) == ["Port forward stopped (\(StopOnSignal.name(signal))); nothing in the cluster was changed.",
                                        "Start it again with: posthog-install info --prometheus --port-forward --simulate"])
        #expect(runner.argvs.contains(["kubectl", "--context", "posthog-simulated", "--namespace", "posthog", "port-forward",
                                       "posthog-prometheus-server-5d9f7c6b8-x2k4q", "9090"]))
    }
}
