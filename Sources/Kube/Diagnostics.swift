/// Entry points of the diagnoser: one pod, one job, one claim, or a whole namespace.
public enum Diagnostics {
    /// Every finding about one pod: scheduling first, then its containers.
    public static func diagnose(pod: Pod, context: DiagnosisContext) -> [Diagnosis] {
        if pod.isTerminated { return [] }
        if let s = SchedulingDiagnosis.diagnose(pod: pod, context: context) { return s }
        return ContainerDiagnosis.diagnose(pod: pod, context: context)
    }

    /// Findings about a failed Job (e.g. the migrate job), with its pods' last log lines.
    public static func diagnose(job: Job, context: DiagnosisContext) -> [Diagnosis] {
        guard StatusRules.status(of: job).state == .failed else { return [] }
        let name = job.metadata.name
        let isMigration = name.contains("migrat")
        let cond = job.conditions.first { $0.type == "Failed" && $0.isTrue }
        var details = ["\(job.failed) failed attempt\(job.failed == 1 ? "" : "s"), backoff limit \(job.backoffLimit)"]
        if let m = cond?.message { details.append(m) }
        let jobPods = context.pods.filter { $0.owner?.kind == "Job" && $0.owner?.name == name }
            .sorted { ($0.metadata.creationTimestamp ?? .distantPast) < ($1.metadata.creationTimestamp ?? .distantPast) }
        if let last = jobPods.last, let c = last.spec.containers.first {
            let logs = context.logLines(pod: last.name, container: c.name)
            if !logs.isEmpty { details.append("last log lines of \(last.name):"); details += logs.map { "  " + $0 } }
        }
        return [Diagnosis(code: .jobFailed, subject: "Job \(name)",
                          summary: isMigration ? "the database migrations failed" : "job \(name) failed",
                          details: details,
                          fix: isMigration
                            ? "Read the migration log (`kubectl logs job/\(name)`); a database that was not reachable is fixed by re-running the install."
                            : "Read its log: `kubectl logs job/\(name)`.")]
    }

    /// Findings about a claim that stays Pending.
    public static func diagnose(pvc: PersistentVolumeClaim, context: DiagnosisContext) -> [Diagnosis] {
        guard pvc.phase != "Bound" else { return [] }
        let name = pvc.metadata.name
        let events = context.events(kind: "PersistentVolumeClaim", name: name)
        let last = events.last { $0.type == "Warning" } ?? events.last
        let cls = pvc.storageClassName.flatMap { n in context.storageClasses.first { $0.metadata.name == n } }
            ?? (pvc.storageClassName == nil ? context.storageClasses.first { $0.isDefault } : nil)
        var details: [String] = []
        if let e = last { details.append("\(e.reason): \(e.message)") }
        if let r = pvc.requestedStorage { details.append("requests \(ResourceFormat.bytes(r.value))") }
        if let c = cls, c.volumeBindingMode == "WaitForFirstConsumer", last?.reason == "WaitForFirstConsumer" || last == nil {
            // Normal: the volume is created once a pod using the claim is scheduled.
            return [Diagnosis(code: .volumeWaitsForPod, subject: "PersistentVolumeClaim \(name)",
                              summary: "\(name) waits for its pod to be scheduled (storage class \(c.metadata.name) binds on first use)",
                              details: details, fix: "Nothing to do unless the pod using it cannot be scheduled; see that pod's diagnosis.")]
        }
        if pvc.storageClassName == nil, !context.storageClasses.isEmpty, cls == nil {
            return [Diagnosis(code: .pvcPending, subject: "PersistentVolumeClaim \(name)",
                              summary: "\(name) names no storage class and the cluster has no default one", details: details,
                              fix: "Mark a StorageClass as default (`storageclass.kubernetes.io/is-default-class: \"true\"`) or set the storage class in the values.")]
        }
        if let n = pvc.storageClassName, cls == nil, !context.storageClasses.isEmpty {
            return [Diagnosis(code: .pvcPending, subject: "PersistentVolumeClaim \(name)",
                              summary: "storage class \(n) of \(name) does not exist", details: details,
                              fix: "Use one of: \(context.storageClasses.map(\.metadata.name).sorted().joined(separator: ", ")).")]
        }
        return [Diagnosis(code: .pvcPending, subject: "PersistentVolumeClaim \(name)",
                          summary: "\(name) has no volume yet", details: details,
                          fix: "Check the storage provisioner\(cls.map { " (\($0.provisioner))" } ?? "") and the cloud's volume quota.")]
    }

    /// Findings for a whole namespace snapshot: failing or stuck objects only, stable order.
    public static func diagnose(_ s: NamespaceSnapshot, context: DiagnosisContext) -> [Diagnosis] {
        var ctx = context
        if ctx.pods.isEmpty { ctx.pods = s.pods }
        if ctx.events.isEmpty { ctx.events = s.events }
        var out: [Diagnosis] = []
        func about(_ kind: String, _ name: String, _ found: [Diagnosis]) -> [Diagnosis] {
            found.map { var d = $0; d.object = DiagnosedObject(kind: kind, name: name); return d }
        }
        for p in s.pods.sorted(by: { $0.name < $1.name }) { out += about("Pod", p.name, diagnose(pod: p, context: ctx)) }
        for j in s.jobs.sorted(by: { $0.metadata.name < $1.metadata.name }) {
            out += about("Job", j.metadata.name, diagnose(job: j, context: ctx))
        }
        for c in s.pvcs.sorted(by: { $0.metadata.name < $1.metadata.name }) where c.phase != "Bound" {
            out += about("PersistentVolumeClaim", c.metadata.name, diagnose(pvc: c, context: ctx))
        }
        return out
    }
}
