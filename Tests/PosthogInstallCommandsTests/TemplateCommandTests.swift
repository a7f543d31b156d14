import Foundation
import Testing
@testable import PosthogInstallCommands

/// `posthog-install template` as a person runs it: arguments in, Helm's text out.
@Suite struct TemplateCommandTests {
    static let charts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("HelmTests/Fixtures/charts")

    func run(_ arguments: [String], stdin: String = "") throws -> TemplateRun.Output {
        let command = try TemplateCommand.parse(arguments)
        return TemplateRun(standardInput: { Data(stdin.utf8) }).execute(command.request)
    }

    var broken: String { Self.charts.appendingPathComponent("broken").path }

    @Test func oneArgumentIsTheChartAndTheReleaseIsReleaseName() throws {
        let output = try run([broken, "--set", "case=none"])
        #expect(output.status == 0)
        #expect(output.stdout == "---\n# Source: broken/templates/cases.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cases\ndata:\n")
    }

    @Test func valuesFromStandardInputAndSetStringOrder() throws {
        let failing = try run(["posthog", broken, "-f", "-"], stdin: "case: fail\n")
        #expect(failing.status == 1)
        #expect(failing.stderr.hasPrefix("Error: execution error at (broken/templates/cases.yaml:"))
        #expect(failing.stderr.hasSuffix("this chart refuses: reason given\n\nUse --debug flag to render out invalid YAML\n"))
        // --set-string is applied after -f, so it wins.
        let fixed = try run(["posthog", broken, "-f", "-", "--set-string", "case=none"], stdin: "case: fail\n")
        #expect(fixed.status == 0)
    }

    @Test func showOnlyPicksTemplatesAndReportsMissingOnes() throws {
        let shown = try run([broken, "--set", "case=none", "--show-only", "templates/cases.yaml"])
        #expect(shown.stdout == "---\n# Source: broken/templates/cases.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cases\ndata:\n\n")
        let missing = try run([broken, "--show-only", "templates/nope.yaml"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "Error: could not find template templates/nope.yaml in chart\n")
    }

    @Test func badInputIsNamedAsHelmNamesIt() throws {
        #expect(try run(["posthog", "/no/such/chart"]).stderr == "Error: path \"/no/such/chart\" not found\n")
        #expect(try run(["posthog", broken, "-f", "/no/such/values.yaml"]).stderr
                == "Error: open /no/such/values.yaml: no such file or directory\n")
        // A directory given as a values file is called one, as Go's os.ReadFile does, not "permission denied".
        #expect(try run(["posthog", broken, "-f", "/tmp"]).stderr == "Error: read /tmp: is a directory\n")
        #expect(try run(["Bad_Name", broken]).stderr.hasPrefix("Error: release name \"Bad_Name\": invalid release name"))
        #expect(try run([broken, "--kube-version", "banana"]).stderr
                == "Error: invalid kube version 'banana': could not parse \"banana\" as version\n")
        #expect(throws: (any Error).self) { _ = try TemplateCommand.parse(["--no-such-flag"]) }
    }

    @Test func debugPrintsTheInvalidYAMLAndLeavesOutTheHint() throws {
        let plain = try run([broken, "--set", "case=bad-yaml"])
        #expect(plain.status == 1)
        #expect(plain.stdout.isEmpty)
        #expect(plain.stderr.hasSuffix("\n\nUse --debug flag to render out invalid YAML\n"))
        let debug = try run([broken, "--set", "case=bad-yaml", "--debug"])
        #expect(debug.status == 1)
        #expect(debug.stdout.hasPrefix("---\n# Source: broken/templates/cases.yaml\napiVersion: v1\n"))
        #expect(debug.stdout.contains("  a: [unclosed"))
        #expect(debug.stderr.hasPrefix("Error: YAML parse error on broken/templates/cases.yaml"))
        #expect(!debug.stderr.contains("--debug"))
        // An execution error has nothing rendered to show; only the hint goes.
        let failing = try run([broken, "--set", "case=fail", "--debug"])
        #expect(failing.stdout.isEmpty)
        #expect(failing.stderr == "Error: execution error at (broken/templates/cases.yaml:12:8): this chart refuses: reason given\n")
    }
}
