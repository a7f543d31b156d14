/// Findings about containers that do not start or do not stay up.
public enum ContainerDiagnosis {
    /// Findings for one pod's init and regular containers.
    public static func diagnose(pod: Pod, context: DiagnosisContext) -> [Diagnosis] {
        var out: [Diagnosis] = []
        let inits = pod.status.initContainerStatuses
        for cs in inits {
            if case .terminated(_, _, 0, _) = cs.state { continue }
            if let d = failing(cs, pod: pod, isInit: true, context: context) { out.append(d) }
            else if pod.status.phase == "Pending" { out.append(initWaiting(cs, pod: pod, context: context)) }
            break // later init containers have not started
        }
        for cs in pod.status.containerStatuses where !cs.ready {
            if let d = failing(cs, pod: pod, isInit: false, context: context) { out.append(d) }
        }
        if out.isEmpty, pod.spec.nodeName != nil, let d = setupFailure(pod: pod, context: context) { out.append(d) }
        return out
    }

    /// Warning events that keep a scheduled pod in ContainerCreating.
    static func setupFailure(pod: Pod, context: DiagnosisContext) -> Diagnosis? {
        let reasons: Set<String> = ["FailedMount", "FailedAttachVolume", "FailedCreatePodSandBox"]
        let creating = (pod.status.containerStatuses + pod.status.initContainerStatuses)
            .contains { $0.state.waitingReason == "ContainerCreating" || $0.state.waitingReason == "PodInitializing" }
            || pod.status.containerStatuses.isEmpty
        guard creating, let e = context.events(kind: "Pod", name: pod.name).last(where: { $0.type == "Warning" && reasons.contains($0.reason) }) else {
            return nil
        }
        let fix: String
        switch e.reason {
        case "FailedAttachVolume":
            fix = "The volume is still attached elsewhere or in another zone; wait a few minutes, or delete the pod so it is rescheduled."
        case "FailedCreatePodSandBox":
            fix = "The node's network plugin failed; check the kube-system pods on that node or replace the node."
        default:
            fix = "Check that the Secret/ConfigMap/PVC it mounts exists and that the volume is not attached to another node."
        }
        return Diagnosis(code: .podSetup, subject: "Pod \(pod.name)", summary: "\(pod.name) cannot start: \(e.reason)",
                         details: ["\(e.message)\(e.count > 1 ? " (×\(e.count))" : "")"], fix: fix)
    }

    static func failing(_ cs: ContainerStatus, pod: Pod, isInit: Bool, context: DiagnosisContext) -> Diagnosis? {
        let subject = "Pod \(pod.name)"
        let what = "\(isInit ? "init container" : "container") \(cs.name) of \(pod.name)"
        guard let reason = cs.state.waitingReason ?? crashedReason(cs) else { return nil }
        switch reason {
        case "CrashLoopBackOff", "Error":
            var details: [String] = ["restarted \(cs.restartCount) time\(cs.restartCount == 1 ? "" : "s")"]
            if case let .terminated(r, m, code, _) = cs.lastState {
                details.append("last exit: code \(code)\(r.isEmpty ? "" : " (\(r))")\(m.isEmpty ? "" : ": \(m)")")
                if r == "OOMKilled" || code == 137 && r != "Error" {
                    let limit = containerSpec(cs.name, pod)?.resourceLimits["memory"].map { ResourceFormat.bytes($0.value) }
                    return Diagnosis(code: .outOfMemory, subject: subject,
                                     summary: "\(what) runs out of memory and is killed",
                                     details: details + (limit.map { ["memory limit: \($0)"] } ?? []),
                                     fix: "Raise its memory limit in the values, or choose a larger tier and node size.")
                }
            }
            let logs = context.logLines(pod: pod.name, container: cs.name)
            if !logs.isEmpty { details.append("last log lines:"); details += logs.map { "  " + $0 } }
            return Diagnosis(code: .crashLoop, subject: subject, summary: "\(what) keeps crashing",
                             details: details,
                             fix: logs.isEmpty
                                ? "Read its log: `kubectl logs \(pod.name) -c \(cs.name) --previous`."
                                : "Fix the error shown in the log lines; a dependency that is not ready yet usually resolves itself, anything else needs a values change.")
        case "ImagePullBackOff", "ErrImagePull", "ErrImageNeverPull", "RegistryUnavailable":
            let pulled = ImagePullMessage.latest(forPod: pod.name, context: context)
            let image = pulled?.image ?? ImagePullMessage.image(in: cs.state.message ?? "")
                ?? containerSpec(cs.name, pod)?.image ?? cs.image
            let err = pulled?.error ?? cs.state.message ?? reason
            let (why, fix) = ImagePullMessage.explain(err, image: image)
            return Diagnosis(code: .imagePull, subject: subject, summary: "image \(image) for \(what) cannot be pulled: \(why)",
                             details: [err], fix: fix)
        case "InvalidImageName":
            let image = containerSpec(cs.name, pod)?.image ?? cs.image
            return Diagnosis(code: .invalidImage, subject: subject, summary: "image reference \"\(image)\" of \(what) is not valid",
                             details: [cs.state.message ?? reason], fix: "Correct the image repository/tag in the values.")
        case "CreateContainerConfigError", "CreateContainerError":
            let m = cs.state.message ?? reason
            return Diagnosis(code: .containerConfig, subject: subject, summary: "\(what) cannot be created: \(m)",
                             details: [m], fix: "Create the missing Secret/ConfigMap or key it names (often a password the values must provide), then the pod starts by itself.")
        default:
            return nil
        }
    }

    /// A container that terminated with an error and is restarting (before the first back-off).
    static func crashedReason(_ cs: ContainerStatus) -> String? {
        if case let .terminated(r, _, code, _) = cs.state, code != 0 { return r == "OOMKilled" ? "CrashLoopBackOff" : "Error" }
        return nil
    }

    static func initWaiting(_ cs: ContainerStatus, pod: Pod, context: DiagnosisContext) -> Diagnosis {
        let logs = context.logLines(pod: pod.name, container: cs.name)
        let activity = InitContainerNames.activity(cs.name, lastLogLine: logs.last)
        var details = ["init container \(cs.name) is \(stateWord(cs.state))"]
        if let l = logs.last { details.append("last log line: \(l)") }
        return Diagnosis(code: .initWaiting, subject: "Pod \(pod.name)", summary: "\(pod.name) is \(activity)",
                         details: details, fix: "Usually this resolves once the services it waits for are ready; look at those pods if it persists.")
    }

    static func stateWord(_ s: ContainerState) -> String {
        switch s {
        case .running: return "running"
        case let .waiting(r, _): return "waiting (\(r))"
        case let .terminated(r, _, c, _): return "terminated (\(r), exit \(c))"
        case .unknown: return "not started"
        }
    }

    static func containerSpec(_ name: String, _ pod: Pod) -> Container? {
        (pod.spec.containers + pod.spec.initContainers).first { $0.name == name }
    }
}

/// Reads image pull failures: `Failed to pull image "x": …` and `Back-off pulling image "x"`.
public enum ImagePullMessage {
    /// The image named in a kubelet message (first quoted string after `image `), if any.
    public static func image(in message: String) -> String? {
        guard let r = message.firstRange(of: "image \"") else { return nil }
        let rest = message[r.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }

    /// The newest `Failed to pull image` event about a pod: image and the error after it.
    public static func latest(forPod pod: String, context: DiagnosisContext) -> (image: String, error: String)? {
        for e in context.events(kind: "Pod", name: pod).reversed() where e.message.hasPrefix("Failed to pull image \"") {
            guard let img = image(in: e.message) else { continue }
            let after = e.message.firstRange(of: "\": ").map { String(e.message[$0.upperBound...]) } ?? e.message
            return (img, after)
        }
        return nil
    }

    /// A short cause and a fix for a pull error text.
    public static func explain(_ error: String, image: String) -> (String, String) {
        let e = error.lowercased()
        if e.contains("pull access denied") {
            return ("the repository does not exist or needs credentials", "Check the image repository name in the values; for a private registry provide imagePullSecrets.")
        }
        if e.contains("not found") || e.contains("manifest unknown") || e.contains("does not exist") {
            return ("the image or tag does not exist", "Check the image tag in the values (the chart's default tag is the safe choice).")
        }
        if e.contains("unauthorized") || e.contains("denied") || e.contains("authentication required") || e.contains("forbidden") {
            return ("the registry refused access", "Provide registry credentials (imagePullSecrets) or use a public image.")
        }
        if e.contains("toomanyrequests") || e.contains("rate limit") {
            return ("the registry's pull rate limit was reached", "Wait and retry, or authenticate to Docker Hub with imagePullSecrets.")
        }
        if e.contains("no such host") || e.contains("i/o timeout") || e.contains("dial tcp") || e.contains("connection refused") || e.contains("tls") {
            return ("the nodes cannot reach the registry", "Check the nodes' outbound internet access (NAT, firewall, proxy).")
        }
        if e.contains("no space left") {
            return ("the node's disk is full", "Free disk space on the node or use nodes with larger disks.")
        }
        return ("pull failed", "Check that \(image) exists and the nodes can reach its registry.")
    }
}
