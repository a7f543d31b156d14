import Testing
@testable import Effects

@Suite struct RedactorTests {
    static let lineCases: [(String, String)] = [
        ("nothing to see here", "nothing to see here"),
        ("password: hunter2", "password: ***"),
        ("  postgresqlPassword: s3cr3t # comment", "  postgresqlPassword: ***"),
        ("\"password\": \"hunter2\",", "\"password\": \"***\","),
        ("\"password\":\"a\\\"b\"}", "\"password\":\"***\"}"),
        ("PGPASSWORD=hunter2 psql", "PGPASSWORD=*** psql"),
        ("--set postgresql.postgresqlPassword=x1,redis.auth.password=y2,web.replicas=2",
         "--set postgresql.postgresqlPassword=***,redis.auth.password=***,web.replicas=2"),
        ("--password=abc", "--password=***"),
        ("Authorization: Bearer eyJhbGciOi.abc", "Authorization: ***"),
        ("authorization: Basic dXNlcjpwYXNz", "authorization: ***"),
        ("clone https://admin:pa55@github.com/x/y.git now", "clone https://admin:***@github.com/x/y.git now"),
        ("https://github.com:443/x", "https://github.com:443/x"),
        ("token: null", "token: null"),
        ("password:", "password:"),
        ("password: |", "password: |"),
        ("apiKey: 'abc def'", "apiKey: '***'"),
        ("existingSecret: posthog-secrets", "existingSecret: posthog-secrets"),
        ("access-token: x", "access-token: ***"),
        ("keyfile: /etc/x.pem", "keyfile: /etc/x.pem"),
        ("image: posthog/posthog:release-1.43.0", "image: posthog/posthog:release-1.43.0"),
    ]

    @Test(arguments: lineCases) func masksKeyValues(input: String, expected: String) {
        #expect(Redactor().redact(input) == expected)
    }

    @Test func masksRegisteredSecretsAndTheirBase64() {
        var redactor = Redactor(secrets: ["Sup3rS3cret"])
        redactor.register("ab")  // too short to mask safely
        #expect(redactor.redact("the value is Sup3rS3cret.") == "the value is ***.")
        #expect(redactor.redact("data U3VwM3JTM2NyZXQ= here") == "data *** here")
        #expect(redactor.redact("abc") == "abc")
        #expect(redactor.secrets.count == 2)
    }

    @Test func longerSecretsWin() {
        let redactor = Redactor(secrets: ["pass", "password123"])
        #expect(redactor.redact("x password123 y pass z") == "x *** y *** z")
    }

    @Test func base64MatchesRFC4648() {
        #expect(Base64.encode(Array("".utf8)) == "")
        #expect(Base64.encode(Array("f".utf8)) == "Zg==")
        #expect(Base64.encode(Array("fo".utf8)) == "Zm8=")
        #expect(Base64.encode(Array("foo".utf8)) == "Zm9v")
        #expect(Base64.encode(Array("foobar".utf8)) == "Zm9vYmFy")
    }

    @Test func argumentsHideFlagValues() {
        let redactor = Redactor(secrets: ["topsecretvalue"])
        let argv = ["helm", "repo", "add", "--username", "me", "--password", "pw", "--set", "a.adminPassword=x", "--token=t", "-f", "topsecretvalue"]
        #expect(redactor.redactArguments(argv) == ["helm", "repo", "add", "--username", "me", "--password", "***", "--set", "a.adminPassword=***", "--token=***", "-f", "***"])
    }

    @Test func sensitiveKeys() {
        #expect(Redactor.isSensitiveKey("clickhouse.password"))
        #expect(Redactor.isSensitiveKey("--client-secret"))
        #expect(Redactor.isSensitiveKey("AWS_SECRET_KEY"))
        #expect(!Redactor.isSensitiveKey("secretName"))
        #expect(!Redactor.isSensitiveKey("passwordLength.min"))
    }
}

@Suite struct SecretDataRedactorTests {
    @Test func appliesToSecretCommandsAndHelm() {
        #expect(SecretDataRedactor.applies(to: ["kubectl", "get", "secret", "posthog", "-o", "json"]))
        #expect(SecretDataRedactor.applies(to: ["kubectl", "get", "secrets/posthog", "-o", "yaml"]))
        #expect(SecretDataRedactor.applies(to: ["kubectl", "get", "pods,secrets", "-o", "json"]))
        #expect(SecretDataRedactor.applies(to: ["/usr/local/bin/helm", "get", "manifest", "posthog"]))
        #expect(!SecretDataRedactor.applies(to: ["kubectl", "get", "pods", "-o", "json"]))
    }

    @Test func masksJSONDataBlock() {
        let input = """
        {
            "apiVersion": "v1",
            "data": {
                "postgresql-password": "cG9zdGdyZXM=",
                "redis-password": "cmVkaXM="
            },
            "kind": "Secret",
            "metadata": {
                "annotations": {
                    "kubectl.kubernetes.io/last-applied-configuration": "{\\"data\\":{\\"x\\":\\"eQ==\\"}}"
                },
                "name": "posthog"
            },
            "type": "Opaque"
        }
        """
        let expected = """
        {
            "apiVersion": "v1",
            "data": {
                "postgresql-password": "***",
                "redis-password": "***"
            },
            "kind": "Secret",
            "metadata": {
                "annotations": {
                    "kubectl.kubernetes.io/last-applied-configuration": ***
                },
                "name": "posthog"
            },
            "type": "Opaque"
        }
        """
        var redactor = SecretDataRedactor()
        let output = input.split(separator: "\n", omittingEmptySubsequences: false).map { redactor.redact(String($0)) }
        #expect(output.joined(separator: "\n") == expected)
    }

    @Test func masksYAMLDataBlock() {
        let input = """
        apiVersion: v1
        data:
          password: aHVudGVyMg==
          user: YWRtaW4=
        kind: Secret
        metadata:
          name: posthog
        ---
        kind: Secret
        stringData:
          token: plain
        type: Opaque
        """
        let expected = """
        apiVersion: v1
        data:
          password: ***
          user: ***
        kind: Secret
        metadata:
          name: posthog
        ---
        kind: Secret
        stringData:
          token: ***
        type: Opaque
        """
        var redactor = SecretDataRedactor()
        let output = input.split(separator: "\n", omittingEmptySubsequences: false).map { redactor.redact(String($0)) }
        #expect(output.joined(separator: "\n") == expected)
    }

    @Test func emptyJSONDataBlockDoesNotOpen() {
        var redactor = SecretDataRedactor()
        #expect(redactor.redact("    \"data\": {},") == "    \"data\": {},")
        #expect(redactor.redact("    \"kind\": \"Secret\",") == "    \"kind\": \"Secret\",")
    }
}

@Suite struct ShellQuoteTests {
    static let cases: [(String, String)] = [
        ("kubectl", "kubectl"), ("", "''"), ("a b", "'a b'"), ("it's", "'it'\\''s'"),
        ("--set=a.b=1,c=2", "--set=a.b=1,c=2"), ("$HOME", "'$HOME'"), ("{{x}}", "'{{x}}'"),
    ]

    @Test(arguments: cases) func quotes(input: String, expected: String) {
        #expect(ShellQuote.quote(input) == expected)
    }

    @Test func joins() {
        #expect(ShellQuote.join(["helm", "install", "-f", "my values.yaml"]) == "helm install -f 'my values.yaml'")
    }
}

@Suite struct EnvironmentValueMaskerTests {
    static let cases: [([String], [String])] = [
        (["                \"name\": \"POSTHOG_DB_PASSWORD\",", "                \"value\": \"hunter2\""],
         ["                \"name\": \"POSTHOG_DB_PASSWORD\",", "                \"value\": \"***\""]),
        (["    - name: SECRET_KEY", "      value: abc"], ["    - name: SECRET_KEY", "      value: ***"]),
        (["  - name: SENTRY_SECRET", "    value: 'x'"], ["  - name: SENTRY_SECRET", "    value: ***"]),
        (["    - name: SITE_URL", "      value: https://posthog.example.com"], ["    - name: SITE_URL", "      value: https://posthog.example.com"]),
        (["\"name\": \"PGPASSWORD\",", "\"valueFrom\": {", "\"value\": \"not-after-a-gap\""],
         ["\"name\": \"PGPASSWORD\",", "\"valueFrom\": {", "\"value\": \"not-after-a-gap\""]),
    ]

    @Test(arguments: cases) func masksValuesOfSecretNames(input: [String], expected: [String]) {
        var masker = EnvironmentValueMasker()
        #expect(input.map { masker.mask($0) } == expected)
    }
}
