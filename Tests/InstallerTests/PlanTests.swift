import Testing
@testable import Installer

@Suite struct PlanTests {
    static let defaults = PlanOptions(chartVersion: "30.46.0")

    @Test func installMatchesTheDesign() {
        let steps = Plans.install(Self.defaults)
        #expect(steps.compactMap(\.argv) == [
            ["helm", "repo", "add", "posthog", "https://posthog.github.io/charts-clickhouse/"],
            ["helm", "repo", "update"],
            ["helm", "install", "-f", "values.yaml", "--timeout", "20m", "--create-namespace", "--namespace", "posthog",
             "posthog", "posthog/posthog", "--version", "30.46.0"],
        ])
        #expect(steps.map(\.id) == ["repo-add", "repo-update", "install", "watch"])
        #expect(steps.last?.action == .task(.watchProgress))
        #expect(steps.allSatisfy { !$0.destructive })
        #expect(steps.filter(\.needsConfirmation).map(\.id) == ["install"])
        #expect(steps[2].title == "Install PostHog (chart 30.46.0) into namespace posthog")
    }

    @Test func installWithContextNamespaceRelease() {
        let o = PlanOptions(context: "gke_proj_europe-west1_ph", namespace: "analytics", release: "ph",
                            valuesFile: "/home/me/posthog/values.yaml")
        let install = Plans.installCommand(o)
        #expect(install == ["helm", "install", "-f", "/home/me/posthog/values.yaml", "--timeout", "20m", "--create-namespace",
                            "--namespace", "analytics", "ph", "posthog/posthog", "--kube-context", "gke_proj_europe-west1_ph"])
        // Repository commands do not talk to the cluster, so they carry no context.
        #expect(Plans.repoSteps(o).compactMap(\.argv).allSatisfy { !$0.contains("--kube-context") })
    }

    @Test func localChartSkipsTheRepository() {
        let o = PlanOptions(chart: .local(path: "./posthog-30.46.0.tgz"), chartVersion: "30.46.0")
        let steps = Plans.install(o)
        #expect(steps.map(\.id) == ["install", "watch"])
        #expect(steps.first?.argv == ["helm", "install", "-f", "values.yaml", "--timeout", "20m", "--create-namespace",
                                      "--namespace", "posthog", "posthog", "./posthog-30.46.0.tgz"])
    }

    @Test func optionsFromTheProfileSet() throws {
        let set = try ProfileSet(id: "chart-30")
        let o = PlanOptions(chartInfo: set.chart)
        #expect(o.chartVersion == set.chart.defaultVersion)
        #expect(o.chart.reference == "posthog/posthog")
        #expect(PlanOptions(chartInfo: set.chart, chartVersion: "30.1.0").chartVersion == "30.1.0")
    }

    @Test func uninstallMatchesTheDesign() {
        let keep = Plans.uninstall(Self.defaults, deleteNamespace: false)
        #expect(keep.compactMap(\.argv) == [["helm", "uninstall", "posthog", "--namespace", "posthog"]])
        #expect(keep.map(\.id) == ["uninstall", "leftovers"])
        let all = Plans.uninstall(PlanOptions(context: "do-ams3"), deleteNamespace: true)
        #expect(all.compactMap(\.argv) == [
            ["helm", "uninstall", "posthog", "--namespace", "posthog", "--kube-context", "do-ams3"],
            ["kubectl", "delete", "namespace", "posthog", "--context", "do-ams3"],
        ])
        #expect(all.filter(\.destructive).map(\.id) == ["uninstall", "delete-namespace"])
        #expect(all.filter(\.destructive).allSatisfy { $0.needsConfirmation })
    }

    @Test func digitalOceanTLSFlow() {
        let steps = Plans.digitalOceanTLS(Self.defaults)
        #expect(steps.map(\.id) == ["find-release", "ingress-ip", "dns-record", "dns-check", "write-values",
                                    "repo-add", "repo-update", "upgrade", "tls-check"])
        #expect(steps[1].argv == ["kubectl", "get", "-n", "posthog", "ingress", "posthog", "-o",
                                  "jsonpath={.status.loadBalancer.ingress[0].ip}"])
        #expect(steps[7].argv == ["helm", "upgrade", "-f", "values.yaml", "--timeout", "20m", "--namespace", "posthog",
                                  "posthog", "posthog/posthog", "--version", "30.46.0"])
        #expect(steps.filter(\.readOnly).map(\.id) == ["find-release", "ingress-ip", "dns-check", "tls-check"])
        #expect(steps.allSatisfy { !$0.destructive })
    }

    @Test(arguments: [
        (["helm", "repo", "update"], "helm repo update"),
        (["kubectl", "get", "-o", "jsonpath={.status.loadBalancer.ingress[0].ip}"], "kubectl get -o 'jsonpath={.status.loadBalancer.ingress[0].ip}'"),
        (["echo", "it's", ""], "echo 'it'\\''s' ''"),
        (["helm", "--set", "a=b,c"], "helm --set a=b,c"),
    ])
    func displayQuotesForShells(argv: [String], expected: String) {
        #expect(PlanStep.display(argv) == expected)
    }
}
