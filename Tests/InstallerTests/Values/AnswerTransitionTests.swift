import Testing
import YAML
@testable import Installer

/// Every transition between answers (cloud × HTTPS × tier, each to each) edits the file the
/// first answers wrote into what the second answers write on their own: no key the wizard
/// manages is left over (HTTP-only → HTTPS drops `ingress.letsencrypt: false`), except a
/// volume size kept because volumes never shrink.
@Suite struct AnswerTransitionTests {
    static let profile = (try? ProfileSet(id: "chart-30"))

    static var sheets: [AnswerSheet] {
        var out: [AnswerSheet] = []
        for cloud in ["do", "aws", "gcp", "other"] {
            for tls in ["on", "off"] {
                for tier in ["minimal", "small", "large"] {
                    var answers = ["cloud": cloud, "hostname": "posthog.example.com", "tls": tls, "tier": tier]
                    if tls == "on" && cloud != "gcp" { answers["email"] = "ops@example.com" }
                    out.append(AnswerSheet(answers: answers))
                }
            }
        }
        return out
    }

    static func label(_ sheet: AnswerSheet) -> String {
        ["cloud", "tls", "tier"].map { sheet.answers[$0] ?? "-" }.joined(separator: "/")
    }

    @Test func noManagedKeyIsLeftOverByAnyTransition() throws {
        let profile = try #require(Self.profile)
        let managed = DesiredValues.managedPaths(profile: profile)
        let sheets = Self.sheets
        var fresh: [String: (text: String, values: YAMLValue)] = [:]
        for sheet in sheets {
            let text = try ValuesGeneration.generate(.init(profile: profile, sheet: sheet, existing: nil, file: "values.yaml"),
                                                     secrets: CountingSecrets()).text
            fresh[Self.label(sheet)] = (text, try YAML.parse(text, file: "values.yaml"))
        }
        var checked = 0
        for from in sheets {
            for to in sheets where from != to {
                let before = try #require(fresh[Self.label(from)])
                let output = try ValuesGeneration.generate(
                    .init(profile: profile, sheet: to, existing: before.text, file: "values.yaml", previousSheet: from),
                    secrets: CountingSecrets())
                let after = try YAML.parse(output.text, file: "values.yaml")
                let wanted = try #require(fresh[Self.label(to)]).values
                let kept = Set(output.changes.filter { $0.kind == .kept }.map(\.path))
                let transition = "\(Self.label(from)) → \(Self.label(to))"
                for path in after.leafPaths where managed.contains(path) && !kept.contains(path) {
                    let secret = profile.chart.generatedSecrets.contains { $0.path == path }
                    if secret { continue }
                    #expect(after.value(at: path) == wanted.value(at: path),
                            "\(transition): \(path.joined(separator: ".")) is \(String(describing: after.value(at: path))), answers alone write \(String(describing: wanted.value(at: path)))")
                }
                for path in wanted.leafPaths where managed.contains(path) && !kept.contains(path) {
                    #expect(after.value(at: path) != nil, "\(transition): \(path.joined(separator: ".")) is missing")
                }
                checked += 1
            }
        }
        #expect(checked == 24 * 23)
    }

    @Test func httpOnlyToHTTPSDropsTheExplicitLetsEncryptOff() throws {
        let profile = try #require(Self.profile)
        let off = AnswerSheet(answers: ["cloud": "do", "hostname": "posthog.example.com", "tls": "off", "tier": "small"])
        var on = off
        on.answers["tls"] = "on"
        let first = try ValuesGeneration.generate(.init(profile: profile, sheet: off, existing: nil, file: "values.yaml"),
                                                  secrets: CountingSecrets())
        #expect(try YAML.parse(first.text, file: "values.yaml").value(at: ["ingress", "letsencrypt"]) == .bool(false))
        let second = try ValuesGeneration.generate(.init(profile: profile, sheet: on, existing: first.text, file: "values.yaml",
                                                         previousSheet: off), secrets: CountingSecrets())
        let values = try YAML.parse(second.text, file: "values.yaml")
        #expect(values.value(at: ["ingress", "letsencrypt"]) == nil, "\(second.text)")
        #expect(values.value(at: ["ingress", "nginx", "redirectToTLS"]) != .bool(false), "\(second.text)")
        #expect(values.value(at: ["web", "secureCookies"]) != .bool(false), "\(second.text)")
    }
}
