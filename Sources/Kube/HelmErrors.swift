/// Maps helm's error output to causes (helm 3 and 4 wordings).
public enum HelmErrors {
    /// The diagnosis of a failed `helm install/upgrade`, or nil if the text is not recognised.
    ///
    /// StatefulSet "Forbidden" errors point to an upgrade note: `redis` → `redis-statefulset-2`,
    /// `kafka`/`zookeeper` → `kafka-zookeeper-statefulsets-3` (ids in profiles/upgrade-notes.yaml).
    public static func diagnose(_ output: String) -> Diagnosis? {
        let text = output.trimmingSpaces
        let lower = text.lowercased()
        let line = text.split(separator: "\n").last { $0.contains("Error") || $0.contains("error") }.map(String.init) ?? text
        if lower.contains("backofflimitexceeded") || lower.contains("job failed") || (lower.contains("job ") && lower.contains(" failed: ")) {
            let hook = ["post-install", "pre-install", "post-upgrade", "pre-upgrade"].first { lower.contains($0) }
            return Diagnosis(code: .jobFailed, subject: "",
                             summary: "a chart job\(hook.map { " (\($0) hook)" } ?? "") failed — for PostHog usually the database migrations",
                             details: [line],
                             fix: "Read the job's log (`kubectl logs job/NAME -n posthog`); see the job diagnosis in `posthog-install status`.")
        }
        if lower.contains("timed out waiting for the condition") || lower.contains("context deadline exceeded")
            || lower.contains("resource not ready") || lower.contains("client rate limiter wait returned an error") {
            var details = [line]
            if let r = text.firstRange(of: "resource not ready, name: ") {
                let rest = text[r.upperBound...]
                let name = rest.prefix { $0 != "," }
                var kind = ""
                if let k = rest.firstRange(of: "kind: ") { kind = String(rest[k.upperBound...].prefix { $0 != "," && $0 != "\n" }) }
                details.append("still not ready: \(kind.isEmpty ? "" : kind + " ")\(name)")
            }
            let hook = ["post-install", "pre-install", "post-upgrade", "pre-upgrade"].first { lower.contains("failed \($0)") }
            return Diagnosis(code: .helmTimeout, subject: "",
                             summary: "helm gave up waiting for the resources\(hook.map { " (\($0) hook)" } ?? "") — usually pods that cannot be scheduled",
                             details: details,
                             fix: "See the pod diagnoses (`posthog-install status`); most often the cluster needs more memory/CPU (at least 4 vCPU and 4 GiB in total).")
        }
        if lower.contains("cannot re-use a name that is still in use") {
            return Diagnosis(code: .helmNameInUse, subject: "", summary: "a release with this name is already installed",
                             details: [line], fix: "Upgrade the existing release instead (`posthog-install upgrade`), or uninstall it first.")
        }
        if lower.contains("updates to statefulset spec for fields other than") {
            let sts = statefulSetName(in: text)
            let note = sts.flatMap(upgradeNoteID(forStatefulSet:))
            return Diagnosis(code: .helmStatefulSetForbidden, subject: sts.map { "StatefulSet \($0)" } ?? "",
                             summary: "the upgrade changes fields of StatefulSet \(sts ?? "(unknown)") that Kubernetes does not allow to change",
                             details: [line],
                             fix: "Follow the chart's upgrade note: delete that StatefulSet (its PVCs stay unless the note says otherwise), then upgrade again.",
                             upgradeNoteID: note)
        }
        if lower.contains("another operation (install/upgrade/rollback) is in progress") {
            return Diagnosis(code: .helmOperationInProgress, subject: "", summary: "another helm operation on this release has not finished",
                             details: [line], fix: "Wait for it, or roll back the stuck release (`helm rollback posthog -n posthog`) and try again.")
        }
        if lower.contains("rendered manifests contain a resource that already exists") || lower.contains("exists and cannot be imported into the current release") {
            return Diagnosis(code: .helmResourceExists, subject: "", summary: "a resource of the chart already exists outside this release",
                             details: [line], fix: "Delete the leftover resource (often from an earlier install) or install into a fresh namespace.")
        }
        if lower.contains("has no deployed releases") {
            return Diagnosis(code: .helmNoDeployedReleases, subject: "", summary: "the release exists but never deployed successfully",
                             details: [line], fix: "Uninstall it (`helm uninstall posthog -n posthog`) and install again.")
        }
        if lower.contains("parse error") || lower.contains("execution error") || lower.contains("template:") && lower.contains("error calling") {
            return Diagnosis(code: .helmRenderFailed, subject: "", summary: "the chart failed to render with these values",
                             details: [line], fix: "Correct the values key named in the error; renamed keys of newer chart versions are migrated by `posthog-install upgrade`.")
        }
        if lower.contains("kubernetes cluster unreachable") || lower.contains("connection refused") || lower.contains("no such host") {
            return Diagnosis(code: .clusterUnreachable, subject: "", summary: "helm cannot reach the cluster",
                             details: [line], fix: "Check the kubectl context (`kubectl config current-context`) and that the cluster is running.")
        }
        return nil
    }

    /// The upgrade note for a StatefulSet whose spec change is forbidden: the redis master
    /// StatefulSet changed in chart 2.0.0 (`redis-statefulset-2`), kafka and zookeeper in 3.0.0
    /// (`kafka-zookeeper-statefulsets-3`): ids of profiles/upgrade-notes.yaml.
    public static func upgradeNoteID(forStatefulSet name: String) -> String? {
        let n = name.lowercased()
        if n.contains("redis") { return "redis-statefulset-2" }
        if n.contains("kafka") || n.contains("zookeeper") { return "kafka-zookeeper-statefulsets-3" }
        return nil
    }

    /// The StatefulSet name in `StatefulSet.apps "NAME" is invalid` or `cannot patch "NAME" with kind StatefulSet`.
    static func statefulSetName(in text: String) -> String? {
        for marker in ["StatefulSet.apps \"", "cannot patch \""] {
            if let r = text.firstRange(of: marker) {
                let rest = text[r.upperBound...]
                if let end = rest.firstIndex(of: "\"") { return String(rest[..<end]) }
            }
        }
        return nil
    }
}
