import EmbeddedData
import Testing
@testable import Installer

/// Malformed profile data fails with a message naming the file and the key.
@Suite struct ProfileErrorTests {
    /// The embedded files with `path` replaced by `text` (nil removes it).
    static func files(replacing path: String, with text: String?) -> (String) -> String? {
        var files = EmbeddedFiles.all
        files[path] = text
        return { files[$0] }
    }

    static func error(_ path: String, _ text: String?, set: String = "chart-30") -> String {
        do {
            _ = try ProfileSet(id: set, file: files(replacing: path, with: text))
            return "no error"
        } catch let error as ProfileError {
            return error.description
        } catch {
            return "unexpected \(error)"
        }
    }

    static func edited(_ path: String, _ old: String, _ new: String) -> String {
        (EmbeddedFiles.file(path) ?? "").replacing(old, with: new)
    }

    @Test func unknownValidationKind() {
        let text = Self.edited("chart-30/questions.yaml", "    kind: hostname\n    sets:\n      - path: ingress.hostname",
                               "    kind: hostnam\n    sets:\n      - path: ingress.hostname")
        #expect(Self.error("chart-30/questions.yaml", text)
                == "profiles/chart-30/questions.yaml: questions[1].kind: unknown value \"hostnam\"; expected one of hostname, host, email, port, choice, text, secret, size")
    }

    @Test func missingFile() {
        #expect(Self.error("chart-30/tiers/large.yaml", nil)
                == "profiles/chart-30/tiers/large.yaml: missing from the profile set")
    }

    @Test func layerThatIsNotAMapping() {
        #expect(Self.error("chart-3/clouds/aws.yaml", "- a\n", set: "chart-3")
                == "profiles/chart-3/clouds/aws.yaml: expected a mapping, found a list")
    }

    @Test func wrongTypeAndUnknownKey() {
        let wrongType = Self.edited("chart-30/costs.yaml", "    loadBalancers: 1\n    loadBalancerMonthly: 10",
                                    "    loadBalancers: one\n    loadBalancerMonthly: 10")
        #expect(Self.error("chart-30/costs.yaml", wrongType)
                == "profiles/chart-30/costs.yaml: clouds.do.loadBalancers: expected a whole number, found the string \"one\"")
        let unknown = Self.edited("chart-30/chart.yaml", "defaultVersion:", "defaultVersoin:")
        #expect(Self.error("chart-30/chart.yaml", unknown)
                == "profiles/chart-30/chart.yaml: defaultVersoin: unknown key; expected one of id, chart, repository, repositoryName, versions, defaultVersion, appVersion, kubeVersion, generatedSecrets, volumes")
    }

    @Test func defaultVersionOutsideTheRange() {
        let text = Self.edited("chart-30/chart.yaml", "defaultVersion: 30.46.0", "defaultVersion: 31.0.0")
        #expect(Self.error("chart-30/chart.yaml", text)
                == "profiles/chart-30/chart.yaml: defaultVersion: 31.0.0 is outside this set's versions >=30.0.0 <31.0.0")
    }

    @Test func choiceDefaultMustBeAChoice() {
        let text = Self.edited("chart-30/questions.yaml", "    default: small\n", "    default: medium\n")
        #expect(Self.error("chart-30/questions.yaml", text)
                == "profiles/chart-30/questions.yaml: questions[4].default: is not one of the choices (minimal, small, large)")
    }

    @Test func invalidYAMLKeepsItsPosition() {
        let message = Self.error("chart-30/base.yaml", "ingress:\n  enabled: true\n  enabled: false\n")
        #expect(message.hasPrefix("profiles/chart-30/base.yaml: not valid YAML: profiles/chart-30/base.yaml:3:3:"))
    }

    @Test func malformedUpgradeNote() {
        let text = (EmbeddedFiles.file(UpgradeNote.file) ?? "").replacing("    from: 2\n    to: 3\n", with: "    from: 3\n    to: 3\n")
        #expect(throws: ProfileError(file: "upgrade-notes.yaml", key: "notes[1].to", message: "must be greater than from (3)")) {
            _ = try UpgradeNote.all(file: { $0 == UpgradeNote.file ? text : nil })
        }
    }
}
