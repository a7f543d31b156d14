extension Plans {
    /// `helm rollback posthog N --namespace posthog [--kube-context C]`.
    public static func rollbackCommand(_ o: PlanOptions, to revision: Int) -> [String] {
        ["helm", "rollback", o.release, String(revision), "--namespace", o.namespace] + o.helmContext
    }

    /// Rollback: `helm rollback` to `revision`, the values.yaml kept for it put back, then watch the pods.
    public static func rollback(_ o: PlanOptions, from current: Int, to revision: Int) -> [PlanStep] {
        [
            PlanStep(id: "rollback", title: "Roll release \(o.release) back from revision \(current) to \(revision)",
                     action: .run(rollbackCommand(o, to: revision)), needsConfirmation: true),
            PlanStep(id: "restore-values", title: "Restore \(o.valuesFile) to revision \(revision)'s values", action: .task(.writeValues)),
            PlanStep(id: "watch", title: "Wait for PostHog's pods to start", action: .task(.watchProgress), readOnly: true),
        ]
    }
}
