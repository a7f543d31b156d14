import Effects
import Installer

/// Runs gcloud for the GKE parts of an install: the global static IP and Google-managed
/// certificates. Every call is an argv with a timeout; failures are `GCloudError`s that keep
/// gcloud's own text.
public struct GCloudClient: Sendable {
    /// Runs the commands.
    public var runner: any ProcessRunner
    /// The program (`gcloud`, or a path).
    public var executable: String
    /// `--project`, when the person named one; nil uses gcloud's configured project.
    public var project: String?
    /// Extra environment for gcloud (PATH in tests). Prompts are always disabled.
    public var environment: [String: String?]
    /// How long one gcloud command may run.
    public var timeout: Duration

    /// A client.
    public init(runner: any ProcessRunner, executable: String = "gcloud", project: String? = nil,
                environment: [String: String?] = [:], timeout: Duration = .seconds(60)) {
        self.runner = runner; self.executable = executable; self.project = project
        self.environment = environment; self.timeout = timeout
    }

    /// The argv (after the program) of each call, for plans and tests.
    public func arguments(_ base: [String]) -> [String] { base + (project.map { ["--project", $0] } ?? []) }

    /// `gcloud compute addresses describe NAME --global --format=json`.
    public func describeAddress(named name: String = StaticIPStep.addressName) async throws(GCloudError) -> GCPStaticAddress {
        let result = try await run(["compute", "addresses", "describe", name, "--global", "--format=json"])
        do { return try GCloudJSON.address(result.standardOutput) } catch {
            throw .unreadableOutput(command: ShellQuote.join(result.argv), detail: "\(error)")
        }
    }

    /// `gcloud compute addresses create NAME --global`, then the new address's description.
    public func createAddress(named name: String = StaticIPStep.addressName) async throws(GCloudError) -> GCPStaticAddress {
        do {
            _ = try await run(["compute", "addresses", "create", name, "--global"])
        } catch .alreadyExists {
            // Created meanwhile (or by an earlier attempt): use it.
        }
        return try await describeAddress(named: name)
    }

    /// `gcloud beta compute ssl-certificates list --format=json`: the Google-managed certificates.
    public func managedCertificates() async throws(GCloudError) -> [GCPManagedCertificate] {
        let result = try await run(["beta", "compute", "ssl-certificates", "list", "--format=json"])
        do { return try GCloudJSON.managedCertificates(result.standardOutput) } catch {
            throw .unreadableOutput(command: ShellQuote.join(result.argv), detail: "\(error)")
        }
    }

    /// `gcloud auth list --format=json`: the active account, or nil when none is signed in.
    public func activeAccount() async throws(GCloudError) -> String? {
        let result = try await run(["auth", "list", "--format=json"], withProject: false)
        do { return try GCloudJSON.activeAccount(result.standardOutput) } catch {
            throw .unreadableOutput(command: ShellQuote.join(result.argv), detail: "\(error)")
        }
    }

    /// What the static IP step needs to decide: describe the address and sort out the outcome.
    public func observeStaticIP(named name: String = StaticIPStep.addressName) async -> StaticIPObservation {
        do {
            return .found(try await describeAddress(named: name))
        } catch {
            return Self.observation(for: error)
        }
    }

    /// A `GCloudError` as the pure step sees it.
    public static func observation(for error: GCloudError) -> StaticIPObservation {
        switch error {
        case .notFound: return .missing
        case .notInstalled: return .gcloudMissing
        case .notAuthenticated(let text): return .notSignedIn(text)
        case .noProject(let text): return .noProject(text)
        default: return .failed(error.message + " " + error.fix, gcloudText: error.gcloudText ?? "")
        }
    }

    private func run(_ base: [String], withProject: Bool = true) async throws(GCloudError) -> ProcessResult {
        var env = environment
        env["CLOUDSDK_CORE_DISABLE_PROMPTS"] = "1"
        let command = ProcessCommand(executable, withProject ? arguments(base) : base, timeout: timeout, environment: env)
        let result: ProcessResult
        do {
            result = try await runner.run(command)
        } catch let error as ProcessRunnerError {
            throw .failed(command: command.displayString, gcloudText: error.description)
        } catch {
            throw .failed(command: command.displayString, gcloudText: "stopped (\(error))")
        }
        if let error = GCloudError.classify(result) { throw error }
        return result
    }
}
