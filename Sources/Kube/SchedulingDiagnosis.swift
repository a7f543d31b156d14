/// Turns an unschedulable pod into quantified findings.
public enum SchedulingDiagnosis {
    /// Findings for a pod the scheduler could not place; nil when it is not unschedulable.
    public static func diagnose(pod: Pod, context: DiagnosisContext) -> [Diagnosis]? {
        let message = pod.unschedulableCondition?.message
            ?? context.events(kind: "Pod", name: pod.name).last { $0.reason == "FailedScheduling" }?.message
        guard pod.spec.nodeName == nil || pod.unschedulableCondition != nil, let msg = message else { return nil }
        let subject = "Pod \(pod.name)"
        guard let failure = SchedulingFailure.parse(msg) else {
            return [Diagnosis(code: .unschedulable, subject: subject, summary: "\(pod.name) cannot be scheduled",
                              details: [msg], fix: "Run `kubectl describe pod \(pod.name)` and check the Events section.")]
        }
        var out: [Diagnosis] = []
        var resources: [String] = []
        for r in failure.reasons {
            let nodes = r.count.map { "\($0) node\($0 == 1 ? "" : "s")" } ?? "the nodes"
            let have = r.count == 1 ? "has" : "have"
            let are = r.count == 1 ? "is" : "are"
            let `do` = r.count == 1 ? "does" : "do"
            switch r.cause {
            case let .insufficient(res):
                if !resources.contains(res) { resources.append(res) }
            case let .untoleratedTaint(key, value):
                let taint = key.map { "{\($0): \(value ?? "")}" } ?? "a taint"
                let fix: String
                switch key {
                case "node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable":
                    fix = "Those nodes are not ready; check `kubectl get nodes` and wait for them or replace them."
                case "node-role.kubernetes.io/control-plane", "node-role.kubernetes.io/master":
                    fix = "Those are control-plane nodes; add worker nodes to the cluster."
                case "node.kubernetes.io/disk-pressure", "node.kubernetes.io/memory-pressure":
                    fix = "Those nodes are under resource pressure; free space/memory or add nodes."
                default:
                    fix = "Add worker nodes without that taint, or add a matching toleration to the chart values."
                }
                out.append(Diagnosis(code: .untoleratedTaint, subject: subject,
                                     summary: "\(nodes) \(have) taint \(taint) that \(pod.name) does not tolerate",
                                     details: [r.text], fix: fix))
            case .nodeAffinityMismatch:
                let sel = pod.spec.nodeSelector.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
                out.append(Diagnosis(code: .nodeSelectorMismatch, subject: subject,
                                     summary: "\(nodes) \(`do`) not match the node selector/affinity of \(pod.name)",
                                     details: sel.isEmpty ? [r.text] : [r.text, "nodeSelector: \(sel)"],
                                     fix: "Label a node to match (`kubectl label node NODE key=value`) or remove the nodeSelector/affinity from the values."))
            case .nodesUnschedulable:
                out.append(Diagnosis(code: .nodesUnschedulable, subject: subject, summary: "\(nodes) \(are) cordoned",
                                     details: [r.text], fix: "Uncordon them (`kubectl uncordon NODE`) or add nodes."))
            case .tooManyPods:
                out.append(Diagnosis(code: .tooManyPods, subject: subject, summary: "\(nodes) already \(r.count == 1 ? "runs its" : "run their") maximum number of pods",
                                     details: [r.text], fix: "Add a node to the cluster."))
            case .unboundImmediatePVC, .noPersistentVolumes, .volumeNodeAffinityConflict, .notEnoughStorage, .pvcNotFound, .maxVolumeCount:
                out.append(volumeDiagnosis(r, subject: subject, namespace: pod.metadata.namespace, context: context))
            case .noNodes:
                out.append(Diagnosis(code: .unschedulable, subject: subject, summary: "the cluster has no nodes to run pods",
                                     details: [r.text], fix: "Add a node pool with at least 4 vCPU and 4 GiB in total."))
            case .podAffinity, .hostPorts, .topologySpread, .other:
                out.append(Diagnosis(code: .unschedulable, subject: subject, summary: "\(pod.name) cannot be scheduled: \(r.text)",
                                     details: [msg], fix: "Run `kubectl describe pod \(pod.name)`; adding a node usually helps."))
            }
        }
        if !resources.isEmpty {
            out.insert(resourceDiagnosis(pod: pod, resources: resources, message: msg, context: context), at: 0)
        }
        return out
    }

    /// The quantified shortfall for `Insufficient cpu/memory`.
    static func resourceDiagnosis(pod: Pod, resources: [String], message: String, context: DiagnosisContext) -> Diagnosis {
        let req = pod.spec.effectiveRequests
        let usage = context.usage(excluding: pod)
        let candidates = usage.filter {
            NodeUsage.admits($0.node, tolerations: pod.spec.tolerations, nodeSelector: pod.spec.nodeSelector, affinity: pod.spec.requiredNodeAffinity)
        }
        let pool = candidates.isEmpty ? usage : candidates
        var details: [String] = []
        var fixes: [String] = []
        var names: [String] = []
        let largestMem = pool.map { max(0, $0.free.memory) }.max() ?? 0
        let largestCPU = pool.map { max(0, $0.free.milliCPU) }.max() ?? 0
        let memShort = req.memory - largestMem
        let cpuShort = req.milliCPU - largestCPU
        for res in resources {
            switch res {
            case "memory":
                names.append("memory")
                if pool.isEmpty {
                    details.append("it requests \(ResourceFormat.bytes(req.memory)) of memory")
                    fixes.append("at least \(NodeSizing.memoryGiB(forRequest: req.memory)) GiB memory")
                } else if memShort > 0 {
                    details.append("needs \(ResourceFormat.bytes(memShort)) more memory on one node; the largest free is \(ResourceFormat.bytes(largestMem)) (it requests \(ResourceFormat.bytes(req.memory)))")
                    let total = pool.reduce(Int64(0)) { $0 + max(0, $1.free.memory) }
                    if total >= req.memory {
                        details.append("the nodes have \(ResourceFormat.bytes(total)) free in total, but not on one node")
                    }
                    fixes.append("at least \(NodeSizing.memoryGiB(forRequest: req.memory)) GiB memory")
                }
            case "cpu":
                names.append("CPU")
                if pool.isEmpty {
                    details.append("it requests \(ResourceFormat.cpu(millicores: req.milliCPU))")
                    fixes.append("at least \(NodeSizing.vCPUs(forRequest: req.milliCPU)) vCPU")
                } else if cpuShort > 0 {
                    details.append("needs \(ResourceFormat.cpu(millicores: cpuShort)) more on one node; the largest free is \(ResourceFormat.cpu(millicores: largestCPU)) (it requests \(ResourceFormat.cpu(millicores: req.milliCPU)))")
                    let total = pool.reduce(Int64(0)) { $0 + max(0, $1.free.milliCPU) }
                    if total >= req.milliCPU {
                        details.append("the nodes have \(ResourceFormat.cpu(millicores: total)) free in total, but not on one node")
                    }
                    fixes.append("at least \(NodeSizing.vCPUs(forRequest: req.milliCPU)) vCPU")
                }
            default:
                names.append(res)
                details.append("no node has enough \(res)")
            }
        }
        if !pool.isEmpty && memShort <= 0 && cpuShort <= 0 && resources.contains(where: { $0 == "cpu" || $0 == "memory" }) {
            let fitsOne = pool.contains { $0.free.memory >= req.memory && $0.free.milliCPU >= req.milliCPU }
            if fitsOne {
                details.append("it requests \(req) and a node has that free now; the scheduler should place it on its next try")
            } else {
                details.append("no single node has both \(ResourceFormat.cpu(millicores: req.milliCPU)) and \(ResourceFormat.bytes(req.memory)) free")
                fixes.append("at least \(NodeSizing.vCPUs(forRequest: req.milliCPU)) vCPU and \(NodeSizing.memoryGiB(forRequest: req.memory)) GiB memory")
            }
        }
        details.append("scheduler: \(message)")
        let fix = fixes.isEmpty
            ? "Add nodes that provide the missing resources."
            : "Add a node with \(fixes.joined(separator: " and ")), or choose a smaller tier."
        return Diagnosis(code: .insufficientResources, subject: "Pod \(pod.name)",
                         summary: "no node has enough \(names.joined(separator: " and ")) for \(pod.name)",
                         details: details, fix: fix)
    }

    static func volumeDiagnosis(_ r: SchedulingReason, subject: String, namespace: String, context: DiagnosisContext) -> Diagnosis {
        let hasDefault = context.storageClasses.contains { $0.isDefault }
        switch r.cause {
        case .unboundImmediatePVC:
            // Name the provisioner of the cluster in use (dobs.csi.digitalocean.com, ebs.csi.aws.com, …).
            let provisioner = context.storageClasses.first { $0.isDefault }.map(\.provisioner).flatMap { $0.isEmpty ? nil : $0 }
            let who = provisioner.map { "the storage provisioner \($0)" } ?? "the storage provisioner"
            let fix = hasDefault || context.storageClasses.isEmpty
                ? "A new volume usually takes under a minute; if it does not come, check the claims with `kubectl get pvc -n \(namespace.isEmpty ? "default" : namespace)` and their events: \(who) may be failing or the cloud's volume quota reached."
                : "The cluster has no default StorageClass: mark one as default or set the storage class in the values."
            return Diagnosis(code: .volumeBinding, subject: subject, summary: "its PersistentVolumeClaims are not bound yet", details: [r.text], fix: fix)
        case .noPersistentVolumes:
            return Diagnosis(code: .volumeBinding, subject: subject, summary: "no persistent volume is available to bind",
                             details: [r.text], fix: "Use a StorageClass with a dynamic provisioner (the cloud's default class) or create matching PersistentVolumes.")
        case .volumeNodeAffinityConflict:
            return Diagnosis(code: .volumeBinding, subject: subject, summary: "its volume is in a zone where no node can take the pod",
                             details: [r.text], fix: "Add a node in the volume's zone, or use a StorageClass with volumeBindingMode WaitForFirstConsumer.")
        case let .pvcNotFound(name):
            return Diagnosis(code: .volumeBinding, subject: subject, summary: "PersistentVolumeClaim \(name) does not exist",
                             details: [r.text], fix: "Create the claim or fix the claim name in the values.")
        default:
            return Diagnosis(code: .volumeBinding, subject: subject, summary: "volumes cannot be provided: \(r.text)",
                             details: [r.text], fix: "Check the StorageClass and the nodes' volume limits; adding a node helps.")
        }
    }
}

/// Recommends node sizes for a request (allocatable is less than capacity: system reserve).
public enum NodeSizing {
    /// Smallest common node memory size (GiB, at least 4) whose allocatable (~70 %) holds `bytes`.
    public static func memoryGiB(forRequest bytes: Int64) -> Int {
        for s in [4, 8, 16, 32, 64, 128, 256, 512] where Double(s) * 0.7 * 1_073_741_824 >= Double(bytes) { return s }
        return 512
    }

    /// Smallest common vCPU count (at least 2) whose allocatable (~90 %) holds `millicores`.
    public static func vCPUs(forRequest millicores: Int64) -> Int {
        for s in [2, 4, 8, 16, 32, 64, 128] where Double(s) * 900 >= Double(millicores) { return s }
        return 128
    }
}
