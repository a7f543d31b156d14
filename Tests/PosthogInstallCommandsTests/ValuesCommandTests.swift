import Effects
import Foundation
import Installer
import PosthogTestSupport
import Testing
@testable import PosthogInstallCommands

/// `posthog-install values` as a person runs it: flags in, files and a summary out, and bad
/// input refused with exit 2 without touching what is on disk.
@Suite struct ValuesCommandTests {
    struct Counter: SecretSource {
        func secret(length: Int) -> String { String(repeating: "s", count: length) }
    }

    static let profiles = (try? ProfileSet.all()) ?? []
    static let doArgs = ["--cloud", "do", "--hostname", "posthog.example.com", "--tls", "--tier", "small", "--email", "ops@example.com"]

    func run(_ arguments: [String], files: InMemoryFileSystem, secrets: any SecretSource = SystemSecretSource()) throws -> ValuesRun.Output {
        let command = try ValuesCommand.parse(arguments)
        return ValuesRun(files: files, secrets: secrets, profiles: Self.profiles).execute(command.request)
    }

    @Test func writesValuesAndAnswersReadableOnlyByTheOwner() throws {
        let files = InMemoryFileSystem()
        let output = try run(Self.doArgs, files: files)
        #expect(output.status == .success, "\(output.stderr)")
        #expect(output.stdout.hasPrefix("Wrote values.yaml (chart 30.46.0, cloud do, HTTPS, tier small).\n"))
        #expect(output.stdout.contains("Estimated cost: about $55.50 USD a month"))
        #expect(output.stdout.contains("Next: posthog-install install --values values.yaml\n"))
        #expect(files.mode(of: "values.yaml") == 0o600)
        #expect(files.mode(of: "answers.yaml") == 0o600)
        let answers = try files.readString("answers.yaml")
        #expect(answers.contains("  hostname: posthog.example.com\n"))
        #expect(answers.contains("profile: chart-30\n"))
    }

    @Test func passwordsStayTheSameOnEveryLaterRun() throws {
        let files = InMemoryFileSystem()
        _ = try run(Self.doArgs, files: files)
        let first = try files.readString("values.yaml")
        // A later run with only one changed answer, the rest from answers.yaml.
        let output = try run(["--tier", "large"], files: files)
        #expect(output.status == .success, "\(output.stderr)")
        let second = try files.readString("values.yaml")
        func password(_ text: String, _ key: String) -> Substring? {
            text.split(separator: "\n").first { $0.hasPrefix("  \(key): ") }
        }
        #expect(password(first, "postgresqlPassword") != nil)
        #expect(password(first, "postgresqlPassword") == password(second, "postgresqlPassword"))
        #expect(password(first, "password") == password(second, "password"))
        #expect(second.contains("size: 200Gi"))
        #expect(output.stdout.contains("~ clickhouse.persistence.size: 20Gi → 200Gi"))
        #expect(output.stdout.contains("The previous version is kept as "))
        // Nothing else changes when run again.
        let third = try run([], files: files)
        #expect(third.stdout.hasPrefix("values.yaml is already up to date"))
    }

    @Test func anExistingPersonsFileKeepsItsOwnKeysAndComments() throws {
        let files = InMemoryFileSystem(files: ["my.yaml": "# ours\nimage:\n  tag: 1.43.0  # pinned\n"])
        let output = try run(Self.doArgs + ["-o", "my.yaml"], files: files, secrets: Counter())
        #expect(output.status == .success)
        let text = try files.readString("my.yaml")
        #expect(text.hasPrefix("# ours\nimage:\n  tag: 1.43.0  # pinned\n"))
        #expect(text.contains("hostname: posthog.example.com"))
        #expect(files.exists("my.answers.yaml"))
    }

    @Test(arguments: [
        (["--cloud", "azure", "--hostname", "a.example.com"], "--cloud: \"azure\" is not one of the choices: use one of gcp, aws, do, other. For azure choose other."),
        (["--cloud", "do", "--hostname", "https://a.example.com/"], "--hostname: "),
        (["--cloud", "do", "--hostname", "a.example.com", "--tier", "huge"], "--tier: \"huge\" is not one of the choices: use one of minimal, small, large."),
        (["--cloud", "do", "--hostname", "a.example.com", "--no-tls", "--email", "a@example.com"], "--email: is only used with --tls"),
        (["--cloud", "gcp", "--hostname", "a.example.com", "--email", "a@example.com"], "--email: is only used on aws, do, other, not on gcp"),
        (["--cloud", "do", "--hostname", "a.example.com", "--smtp-port", "465"], "--smtp-port: needs --smtp-host too"),
        (["--cloud", "do", "--hostname", "a.example.com", "--smtp-host", "smtp.example.com", "--smtp-port", "70000"], "--smtp-port: \"70000\" is not a port"),
        (["--cloud", "do", "--hostname", "a.example.com", "--external-postgres", "mysql://h/db"], "--external-postgres: \"mysql://\" is not a scheme for this service"),
        (["--cloud", "do", "--hostname", "a.example.com", "--external-clickhouse", "clickhouse://u:p@ch.example.com:9440/posthog"], "--external-clickhouse: chart >=30.0.0 <31.0.0 has no port setting"),
        (["--cloud", "do", "--hostname", "a.example.com", "--chart-version", "12.0.0"], "--chart-version 12.0.0: posthog-install does not support this chart version. Supported: "),
        (["--cloud", "do"], "some answers are missing:\n  --hostname: Which hostname will PostHog be reached at?"),
        (["--cloud", "do", "--hostname", "a.example.com", "--smtp-password", "x", "--smtp-password-file", "pw"], "--smtp-password and --smtp-password-file both"),
    ])
    func badFlagsExitTwoAndWriteNothing(_ arguments: [String], _ message: String) throws {
        let files = InMemoryFileSystem(files: ["values.yaml": "# mine\ncloud: do\n", "pw": "secret\n"])
        let output = try run(arguments, files: files)
        #expect(output.status == .badInput)
        #expect(output.stderr.hasPrefix("Error: " + message), "\(output.stderr)")
        #expect(try files.readString("values.yaml") == "# mine\ncloud: do\n")
        #expect(!files.exists("answers.yaml"))
    }

    @Test func aMalformedValuesFileIsNamedWithItsLineAndLeftAlone() throws {
        let broken = "cloud: do\ningress:\n  hostname: [oops\n"
        let files = InMemoryFileSystem(files: ["values.yaml": broken])
        let output = try run(Self.doArgs, files: files)
        #expect(output.status == .badInput)
        #expect(output.stderr.contains("values.yaml:"))
        #expect(output.stderr.contains("values.yaml was left as it is"))
        #expect(try files.readString("values.yaml") == broken)
        #expect(files.allPaths.filter { $0.contains(".bak") }.isEmpty)
    }

    @Test func anAnswersFileWithAnUnknownKeyIsRefused() throws {
        let files = InMemoryFileSystem(files: ["a.yaml": "answers:\n  cloud: do\n  hostnme: a.example.com\n"])
        let output = try run(["--answers", "a.yaml"], files: files)
        #expect(output.status == .badInput)
        #expect(output.stderr == "Error: a.yaml: answers.hostnme: is not a question posthog-install asks (did you mean hostname?)\n")
        #expect(!files.exists("values.yaml"))
    }

    @Test func anAnswersFileAndFlagsCombineWithFlagsWinning() throws {
        let files = InMemoryFileSystem(files: ["a.yaml": "answers:\n  cloud: aws\n  hostname: old.example.com\n  tls: off\n"])
        let output = try run(["--answers", "a.yaml", "--hostname", "new.example.com"], files: files, secrets: Counter())
        #expect(output.status == .success, "\(output.stderr)")
        let text = try files.readString("values.yaml")
        #expect(text.contains("hostname: new.example.com") && text.contains("cloud: aws"))
        #expect(text.contains("secureCookies: false"))
        #expect(output.stdout.contains("Warning: HTTP only."))
    }

    @Test func externalServicesComeFromURLs() throws {
        let files = InMemoryFileSystem()
        let output = try run(Self.doArgs + ["--external-postgres", "postgres://ph:p%40ss@db.example.com:6543/analytics",
                                            "--external-redis", "redis://:r3dis@cache.example.com:6380"], files: files, secrets: Counter())
        #expect(output.status == .success, "\(output.stderr)")
        let text = try files.readString("values.yaml")
        #expect(text.contains("postgresqlHost: db.example.com"))
        #expect(text.contains("postgresqlPort: 6543"))
        #expect(text.contains("postgresqlPassword: p@ss"))
        #expect(text.contains("postgresqlDatabase: analytics"))
        #expect(text.contains("host: cache.example.com"))
        #expect(!output.stdout.contains("p@ss") && !output.stdout.contains("r3dis"), "secrets never appear in the summary")
    }

    @Test func lintAgainstAChartReportsUnknownKeysAndRefusals() throws {
        let chart = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("InstallerTests/Values/Goldens/charts/chart-30").path
        let files = InMemoryFileSystem(files: ["values.yaml": "clickhose:\n  enabled: true\ncertManager:\n  enabled: true\n"])
        // certManager is migrated; clickhose is a typo the chart does not know.
        let output = try run(Self.doArgs + ["--chart", chart], files: files, secrets: Counter())
        #expect(output.stdout.contains("warning: clickhose: the chart has no such key, so it is ignored. Did you mean clickhouse?"), "\(output.stdout)")
        #expect(output.stdout.contains("> certManager: moved to cert-manager"))
        #expect(output.status == .success, "\(output.stderr)")
    }
}

extension ValuesCommandTests {
    @Test func aCachedChartOfThePinnedVersionIsUsedForTheCheck() throws {
        let chart = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("InstallerTests/Values/Goldens/charts/chart-30").path
        let files = InMemoryFileSystem(files: ["values.yaml": "clickhose: {}\n"])
        var run = ValuesRun(files: files, secrets: Counter(), profiles: Self.profiles)
        var asked: [String] = []
        // The in-memory files hold no chart, so only an existing cache path counts: point at none first.
        run.cachedChart = { version in asked.append(version); return "/nowhere/posthog-\(version).tgz" }
        let first = run.execute(try ValuesCommand.parse(Self.doArgs).request)
        #expect(asked == ["30.46.0"])
        #expect(!first.stdout.contains("Checked against the chart"))
        // Now the cache holds the chart (the test chart directory stands in for the .tgz).
        files.addFile(chart, "")
        run.cachedChart = { _ in chart }
        let second = run.execute(try ValuesCommand.parse(Self.doArgs).request)
        #expect(second.stdout.contains("warning: clickhose: the chart has no such key, so it is ignored. Did you mean clickhouse?"), "\(second.stdout)")
    }
}
