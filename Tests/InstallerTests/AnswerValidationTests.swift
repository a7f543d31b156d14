import Testing
import YAML
@testable import Installer

/// Typed answers checked per question kind, URLs split into answers, and which questions a
/// set of answers asks.
@Suite struct AnswerValidationTests {
    static let profile = try? ProfileSet(id: "chart-30")

    func question(_ id: String) throws -> Question { try #require(Self.profile?.question(id)) }

    @Test(arguments: [
        ("cloud", " DO ", "do"), ("tier", "large", "large"), ("hostname", "PostHog.Example.COM.", "posthog.example.com"),
        ("hostname", "bücher.example", "xn--bcher-kva.example"), ("smtp-host", "10.0.0.5", "10.0.0.5"),
        ("external-postgresql-host", "postgres", "postgres"), ("external-redis-host", "[fd00::1]", "fd00::1"),
        ("smtp-port", "0587", "587"), ("email", "ops@Example.com", "ops@example.com"), ("smtp-user", "  me  ", "me"),
        ("smtp-password", " spaces kept ", " spaces kept "), ("email", "", ""),
    ])
    func goodAnswers(_ id: String, _ typed: String, _ stored: String) throws {
        #expect(AnswerValidation.check(typed, question: try question(id)) == .success(stored))
    }

    @Test(arguments: [
        ("cloud", "azure", "\"azure\" is not one of the choices: use one of gcp, aws, do, other."),
        ("cloud", "", "Choose one of: gcp, aws, do, other."),
        ("hostname", "https://posthog.example.com", "Leave out \"https://\": enter just the host name, for example posthog.example.com."),
        (
            "hostname", "posthog",
            "\"posthog\" is not a full domain name; use a name like posthog.posthog.com that you can add a DNS record for."
        ),
        ("hostname", "10.0.0.1", "Enter a host name, not an IP address: certificates and the ingress need a name you control in DNS."),
        ("smtp-host", "smtp.example.com:587", "Leave out the port here (smtp.example.com); it is asked for separately."),
        ("smtp-host", "", "Enter the server's host name or IP address."),
        ("smtp-port", "smtp", "\"smtp\" is not a port: use a number from 1 to 65535 (587 for STARTTLS mail, 465 for SSL)."),
        (
            "smtp-from", "PostHog <ph@example.com>",
            "Enter just the address, without spaces, names or angle brackets (like ops@example.com)."
        ),
        ("external-postgresql-password", "", "This answer is needed; it cannot be empty."),
        ("smtp-user", "two\nlines", "Use a single line."),
    ])
    func badAnswers(_ id: String, _ typed: String, _ message: String) throws {
        #expect(AnswerValidation.check(typed, question: try question(id)) == .failure(AnswerProblem(message)))
    }

    @Test func portsAreWrittenAsNumbersAndTextAsText() throws {
        #expect(AnswerValidation.yamlValue("587", question: try question("smtp-port")) == .int(587))
        #expect(AnswerValidation.yamlValue("587", question: try question("smtp-user")) == .string("587"))
    }

    @Test func serviceURLsAreSplitAndPasswordsDecoded() {
        #expect(
            ServiceURL.parse("postgres://ph:p%40ss%zz@db.example.com:6543/analytics?sslmode=require", schemes: ["postgres"])
                == .success(
                    ServiceURL(
                        scheme: "postgres", user: "ph", password: "p@ss%zz", host: "db.example.com", port: 6543, database: "analytics")))
        #expect(
            ServiceURL.parse("redis://:secret@cache:6379", schemes: ["redis"])
                == .success(ServiceURL(scheme: "redis", user: nil, password: "secret", host: "cache", port: 6379, database: nil)))
        #expect(
            ServiceURL.parse("db.example.com", schemes: ["postgres"])
                == .failure(AnswerProblem("\"db.example.com\" is not a URL: write it as postgres://user:password@host:port/database.")))
        #expect(
            ServiceURL.parse("postgres://u:pw@db:99999/x", schemes: ["postgres"])
                == .failure(AnswerProblem("The port in \"postgres://u:****@db:99999/x\" is not a number from 1 to 65535.")))
        #expect(ServiceURL.redacted("postgres://u:hunter2@db/x") == "postgres://u:****@db/x")
    }

    @Test func whichQuestionsAreAsked() throws {
        let profile = try #require(Self.profile)
        var sheet = AnswerSheet(answers: ["cloud": "gcp", "tls": "on"])
        let asked = { sheet.askedQuestions(in: profile).map(\.id) }
        #expect(asked() == ["cloud", "hostname", "tls", "tier"], "gcp needs no Let's Encrypt email; optional sections are off")
        sheet.answers["cloud"] = "do"
        #expect(asked() == ["cloud", "hostname", "tls", "email", "tier"])
        sheet.answers["tls"] = "off"
        #expect(!asked().contains("email"))
        sheet.enabledSections = ["monitoring"]
        #expect(asked().suffix(2) == ["prometheus", "pagerduty-key"])
        sheet.answers["prometheus"] = "off"
        #expect(!asked().contains("pagerduty-key"))
        #expect(sheet.missing(in: profile).map(\.id) == ["hostname"])
        #expect(sheet.missing(in: profile, alreadyStored: { $0.id == "hostname" }).isEmpty)
    }

    @Test func answersFilesRoundTripWithoutSecrets() throws {
        let profile = try #require(Self.profile)
        let sheet = AnswerSheet(
            answers: [
                "cloud": "do", "hostname": "a.example.com", "tls": "on", "smtp-host": "smtp.example.com",
                "smtp-password": "hunter2",
            ], enabledSections: ["email"])
        let text = AnswersFile.text(sheet, profile: profile)
        #expect(!text.contains("hunter2"))
        #expect(text.contains("  tls: \"on\"\n"), "on must stay a string, not YAML's boolean")
        let (readProfile, read) = try AnswersFile.read(text, file: "answers.yaml", profiles: [profile])
        #expect(readProfile.id == "chart-30")
        var expected = sheet
        expected.answers["smtp-password"] = nil
        #expect(read == expected)
    }

    @Test(arguments: [
        ("", "answers.yaml: is empty; it should hold `answers:` written by posthog-install"),
        ("- a\n", "answers.yaml: should be a mapping with `answers:`, as posthog-install writes it"),
        (
            "answer:\n  cloud: do\n",
            "answers.yaml: answer: is not a setting of an answers file (known: profile, sections, answers, values-sha256)"
        ),
        ("profile: chart-99\nanswers: {}\n", "answers.yaml: profile: should be one of chart-30"),
        ("answers:\n  cloud: [do]\n", "answers.yaml: answers.cloud: should be a single value, not a list or mapping"),
        (
            "answers:\n  tier: medium\n",
            "answers.yaml: answers.tier: \"medium\" is not one of the choices: use one of minimal, small, large."
        ),
        (
            "sections: [emails]\nanswers: {}\n",
            "answers.yaml: sections: emails is not an optional section; use email, external-clickhouse, external-postgresql, external-redis, monitoring, advanced"
        ),
    ])
    func badAnswersFiles(_ text: String, _ message: String) throws {
        let profile = try #require(Self.profile)
        #expect {
            _ = try AnswersFile.read(text, file: "answers.yaml", profiles: [profile])
        } throws: { error in
            (error as? AnswersFile.Problem)?.description == message
        }
    }
}
