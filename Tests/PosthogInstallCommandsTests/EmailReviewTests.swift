import Effects
import Installer
import PosthogTestSupport
import Testing
@testable import PosthogInstallCommands

/// `posthog-install values` shows the SMTP settings the chart will use and flags mistakes.
@Suite struct EmailReviewTests {
    static let profiles = (try? ProfileSet.all()) ?? []
    static let base = ["--cloud", "do", "--hostname", "posthog.example.com", "--tls", "--tier", "small", "--email", "ops@example.com"]

    func values(_ extra: [String]) throws -> ValuesRun.Output {
        let command = try ValuesCommand.parse(Self.base + extra)
        return ValuesRun(files: InMemoryFileSystem(), secrets: SystemSecretSource(), profiles: Self.profiles).execute(command.request)
    }

    @Test func consistentSettingsAreSummarised() throws {
        let out = try values(["--smtp-host", "smtp.example.com", "--smtp-port", "587", "--smtp-user", "mailer", "--smtp-password", "hunter2-secret",
                              "--smtp-security", "tls", "--smtp-from", "posthog@example.com"])
        #expect(out.status == .success, "\(out.stderr)")
        #expect(out.stdout.contains("\nEmail: via smtp.example.com:587 with STARTTLS as mailer, from posthog@example.com.\nEmail settings look consistent.\n"))
        #expect(!out.stdout.contains("hunter2-secret"))
    }

    @Test func port465WithoutSSLIsFlagged() throws {
        let out = try values(["--smtp-host", "smtp.example.com", "--smtp-port", "465", "--smtp-user", "mailer", "--smtp-password", "pw",
                              "--smtp-security", "tls", "--smtp-from", "posthog@example.com"])
        #expect(out.status == .success)
        #expect(out.stdout.contains("Email: via smtp.example.com:465 with STARTTLS as mailer"))
        #expect(out.stdout.contains("Email settings to check (mail may silently fail to send):\n  warning: email.port: port 465 expects SSL from the first byte"))
    }

    @Test func aUserWithoutPasswordIsFlagged() throws {
        let out = try values(["--smtp-host", "smtp.example.com", "--smtp-user", "mailer", "--smtp-from", "posthog@example.com"])
        #expect(out.stdout.contains("warning: email.password: a user name is set but no password"))
    }

    @Test func withoutSMTPNothingIsSaid() throws {
        let out = try values([])
        #expect(out.status == .success)
        #expect(!out.stdout.contains("Email:"))
    }
}
