/// The step lists of design §2, as argv arrays: install, upgrade, uninstall, DigitalOcean 1-click TLS.
public enum Plans {
    /// `helm repo add posthog https://posthog.github.io/charts-clickhouse/` (repository charts only).
    public static func repoSteps(_ o: PlanOptions) -> [PlanStep] {
        guard case let .repository(name, url, _) = o.chart else { return [] }
        return [
            PlanStep(id: "repo-add", title: "Add the PostHog chart repository", action: .run(["helm", "repo", "add", name, url])),
            PlanStep(id: "repo-update", title: "Update the chart repositories", action: .run(["helm", "repo", "update"])),
        ]
    }

    /// `helm install -f values.yaml --timeout 20m --create-namespace --namespace posthog posthog posthog/posthog --version V`.
    public static func installCommand(_ o: PlanOptions) -> [String] {
        ["helm", "install", "-f", o.valuesFile, "--timeout", o.timeout, "--create-namespace", "--namespace", o.namespace,
         o.release, o.chart.reference] + o.versionFlag + o.helmContext
    }

    /// `helm upgrade -f values.yaml --timeout 20m --namespace posthog posthog posthog/posthog --version V`.
    public static func upgradeCommand(_ o: PlanOptions) -> [String] {
        ["helm", "upgrade", "-f", o.valuesFile, "--timeout", o.timeout, "--namespace", o.namespace,
         o.release, o.chart.reference] + o.versionFlag + o.helmContext
    }

    /// First install: add and update the repository, install, then watch the pods.
    public static func install(_ o: PlanOptions) -> [PlanStep] {
        repoSteps(o) + [
            PlanStep(id: "install", title: "Install PostHog\(versionSuffix(o)) into namespace \(o.namespace)",
                     action: .run(installCommand(o)), needsConfirmation: true),
            PlanStep(id: "watch", title: "Wait for PostHog's pods to start", action: .task(.watchProgress), readOnly: true),
        ]
    }

    /// Upgrade: update the repository, migrate values, run each crossed note's steps, upgrade, watch.
    public static func upgrade(_ o: PlanOptions, decision: UpgradeDecision) -> [PlanStep] {
        // `helm repo add` too: it is a no-op where the repository exists, and upgrades often run
        // from another computer than the install did.
        var steps = repoSteps(o)
        if !decision.renamedKeys.isEmpty {
            steps.append(PlanStep(id: "migrate-values", title: "Rename value keys the new chart no longer accepts",
                                  action: .task(.migrateValues)))
        }
        for note in decision.notes {
            for (i, argv) in note.commands(namespace: o.namespace, release: o.release).enumerated() {
                steps.append(PlanStep(id: "note:\(note.id):\(i + 1)",
                                      title: "Before chart \(note.to).0.0: \(PlanStep.display(argv))",
                                      action: .run(o.withContext(argv)), destructive: true, needsConfirmation: true))
            }
        }
        steps.append(PlanStep(id: "upgrade", title: "Upgrade PostHog\(versionSuffix(o)) in namespace \(o.namespace)",
                              action: .run(upgradeCommand(o)), needsConfirmation: true))
        steps.append(PlanStep(id: "watch", title: "Wait for PostHog's pods to start", action: .task(.watchProgress), readOnly: true))
        return steps
    }

    /// Uninstall: `helm uninstall posthog --namespace posthog`, list leftovers, and (if asked) delete the namespace.
    public static func uninstall(_ o: PlanOptions, deleteNamespace: Bool) -> [PlanStep] {
        var steps = [
            PlanStep(id: "uninstall", title: "Uninstall release \(o.release) from namespace \(o.namespace)",
                     action: .run(["helm", "uninstall", o.release, "--namespace", o.namespace] + o.helmContext), destructive: true),
            PlanStep(id: "leftovers", title: "List what is left in namespace \(o.namespace)", action: .task(.listLeftovers), readOnly: true),
        ]
        if deleteNamespace { steps.append(deleteNamespaceStep(o)) }
        return steps
    }

    /// `kubectl delete namespace posthog`: removes the volumes and secrets the uninstall leaves.
    public static func deleteNamespaceStep(_ o: PlanOptions) -> PlanStep {
        PlanStep(id: "delete-namespace", title: "Delete namespace \(o.namespace) with its volumes and secrets",
                 action: .run(["kubectl", "delete", "namespace", o.namespace] + o.kubectlContext), destructive: true)
    }

    /// TLS for a DigitalOcean 1-click install: find the release, read the ingress IP, have the A record
    /// created and verified, write values.yaml (`cloud: do`, hostname, nginx, cert-manager), upgrade, check TLS.
    public static func digitalOceanTLS(_ o: PlanOptions) -> [PlanStep] {
        [
            PlanStep(id: "find-release", title: "Find the 1-click PostHog release",
                     action: .run(["helm", "list", "--namespace", o.namespace, "--output", "json"] + o.helmContext), readOnly: true),
            PlanStep(id: "ingress-ip", title: "Read the ingress's external IP",
                     action: .run(["kubectl", "get", "-n", o.namespace, "ingress", o.release, "-o",
                                   "jsonpath={.status.loadBalancer.ingress[0].ip}"] + o.kubectlContext), readOnly: true),
            PlanStep(id: "dns-record", title: "Create the A record for your hostname", action: .task(.showDNSRecord)),
            PlanStep(id: "dns-check", title: "Check that the hostname points at the ingress", action: .task(.verifyDNS), readOnly: true),
            PlanStep(id: "write-values", title: "Write values.yaml for DigitalOcean with TLS", action: .task(.writeValues)),
        ] + repoSteps(o) + [
            PlanStep(id: "upgrade", title: "Upgrade PostHog with TLS turned on",
                     action: .run(upgradeCommand(o)), needsConfirmation: true),
            PlanStep(id: "tls-check", title: "Check the certificate", action: .task(.verifyTLS), readOnly: true),
        ]
    }

    private static func versionSuffix(_ o: PlanOptions) -> String {
        guard case .repository = o.chart, let v = o.chartVersion, !v.isEmpty else { return "" }
        return " (chart \(v))"
    }
}
