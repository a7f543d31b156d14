#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Kube

/// The scheduler and the kubelet for one pod: placement, volumes, image pulls, init containers,
/// readiness, crashes and back-off, with the events real clusters write.
extension SimState {
    /// How long a pull takes, how long until a started container is ready, how long a Job's container runs.
    static let pullSeconds = 2.0, readySeconds = 3.0, jobRunSeconds = 5.0, initRunSeconds = 2.0, crashAfterSeconds = 3.0

    mutating func stepPod(_ i: Int, at t: Date, retryScheduling: Bool) {
        let elapsed = t.timeIntervalSince(pods[i].stageSince)
        switch pods[i].stage {
        case .scheduling:
            if let f = pods[i].scheduleFailure {
                // The scheduler tries again when resources are freed, and every five minutes.
                guard retryScheduling || t.timeIntervalSince(f.lastAttempt) >= 300 else { return }
            } else if elapsed < 1 { return }
            schedule(i, at: t)
        case .volumes:
            let pending = pods[i].claims.filter { name in !claims.contains { $0.meta.namespace == pods[i].meta.namespace && $0.meta.name == name && $0.bound != nil } }
            if pending.isEmpty { enter(i, pods[i].inits.isEmpty ? .pulling : .initContainer(0), at: t) }
        case .initContainer(let n):
            stepInit(i, n, elapsed: elapsed, at: t)
        case .pulling:
            guard elapsed >= Self.pullSeconds else { return }
            for c in pods[i].containers.indices { startContainer(i, c, isInit: false, at: t) }
            if pods[i].stage == .pulling { enter(i, .running, at: t) }
        case .running:
            stepRunning(i, elapsed: elapsed, at: t)
        case .backoff(let until):
            guard t >= until else { return }
            for c in pods[i].containers.indices where pods[i].containers[c].state.isCrashBackOff {
                pods[i].containers[c].state = .running(since: t)
                containerEvent(i, pods[i].containers[c].name, "Started", "Started container \(pods[i].containers[c].name)", at: t)
            }
            enter(i, .running, at: t)
        case .pullBackoff(let until):
            guard t >= until else { return }
            let waited = until.timeIntervalSince(pods[i].stageSince)
            for c in pods[i].inits.indices where pods[i].inits[c].unpullable && pods[i].inits[c].state.isWaiting {
                pods[i].inits[c].state = retryPull(i, pods[i].inits[c], at: t)
            }
            for c in pods[i].containers.indices where pods[i].containers[c].unpullable && pods[i].containers[c].state.isWaiting {
                pods[i].containers[c].state = retryPull(i, pods[i].containers[c], at: t)
            }
            pods[i].stage = .pullBackoff(until: t.addingTimeInterval(min(300, max(10, waited) * 2)))
        case .succeeded, .failed:
            return
        }
    }

    mutating func enter(_ i: Int, _ stage: SimPodStage, at t: Date) {
        pods[i].stage = stage
        pods[i].stageSince = t
        switch stage {
        case .initContainer(let n): pullEvents(i, pods[i].inits[n], at: t)
        case .pulling:
            if pods[i].initializedAt == nil { pods[i].initializedAt = t }
            for c in pods[i].containers { pullEvents(i, c, at: t) }
        default: break
        }
    }

    // MARK: scheduling

    mutating func schedule(_ i: Int, at t: Date) {
        let pod = pods[i]
        let kubeNodes = nodes.map(\.kubeNode)
        let bound = pods.filter { $0.nodeName != nil && !$0.isFinished }.map(\.kubePod)
        let fit = SchedulingFit.simulate(nodes: kubeNodes, existingPods: bound, newPods: [PodPlacementRequest(name: pod.meta.name, spec: pod.podSpec)])
        if pod.claims.contains(where: { name in claims.contains { $0.meta.name == name && $0.meta.namespace == pod.meta.namespace && $0.storageClass.isEmpty } }) {
            // No class and no default class: nothing binds the claim, so no node can take the pod.
            let n = nodes.count
            unschedulable(i, reason: "Unschedulable",
                          message: "0/\(n) nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/\(n) nodes are available: \(n) Preemption is not helpful for scheduling.", at: t)
            return
        }
        if let stuck = pod.claims.first(where: { name in claims.contains { $0.meta.name == name && $0.meta.namespace == pod.meta.namespace && $0.stuck } }),
           fit.allFit {
            // The node fits but the volume is never provisioned: the scheduler's PreBind step keeps failing.
            for c in claims.indices where pod.claims.contains(claims[c].meta.name) && claims[c].provisioningSince == nil {
                claims[c].provisioningSince = t
                provisioningEvent(c, at: t)
            }
            unschedulable(i, reason: "SchedulerError",
                          message: "running PreBind plugin \"VolumeBinding\": binding volumes: provisioning failed for PVC \"\(stuck)\"", at: t)
            return
        }
        guard let placement = fit.placements.first, let node = nodes.first(where: { $0.name == placement.node }) else {
            let pending = fit.pending.first
            unschedulable(i, reason: "Unschedulable", message: Self.schedulerMessage(pending?.failure.raw ?? "no nodes available to schedule pods",
                                                                                      nodeCount: nodes.count, failure: pending?.failure), at: t)
            return
        }
        pods[i].scheduleFailure = nil
        pods[i].nodeName = node.name
        pods[i].hostIP = node.internalIP
        pods[i].podIP = nextPodIP()
        pods[i].scheduledAt = t
        pods[i].startTime = t
        record("Pod", pod.meta.name, uid: pod.meta.uid, namespace: pod.meta.namespace, reason: "Scheduled",
               message: "Successfully assigned \(pod.meta.namespace)/\(pod.meta.name) to \(node.name)",
               component: "default-scheduler", at: t, scheduler: true)
        for c in claims.indices where pod.claims.contains(claims[c].meta.name) && claims[c].meta.namespace == pod.meta.namespace
            && claims[c].provisioningSince == nil && claims[c].bound == nil {
            claims[c].provisioningSince = t
            provisioningEvent(c, at: t)
        }
        if pod.claims.isEmpty { enter(i, pod.inits.isEmpty ? .pulling : .initContainer(0), at: t) }
        else { enter(i, .volumes, at: t) }
    }

    mutating func provisioningEvent(_ c: Int, at t: Date) {
        let claim = claims[c]
        record("PersistentVolumeClaim", claim.meta.name, uid: claim.meta.uid, namespace: claim.meta.namespace, reason: "Provisioning",
               message: "External provisioner is provisioning volume for claim \"\(claim.meta.namespace)/\(claim.meta.name)\"",
               component: "\(provisioner(of: claim.storageClass))_csi-controller-0", at: t)
    }

    mutating func unschedulable(_ i: Int, reason: String, message: String, at t: Date) {
        let since = pods[i].scheduleFailure.map { $0.message == message ? $0.since : t } ?? t
        pods[i].scheduleFailure = SimScheduleFailure(reason: reason, message: message, since: since, lastAttempt: t)
        pods[i].stageSince = t
        record("Pod", pods[i].meta.name, uid: pods[i].meta.uid, namespace: pods[i].meta.namespace, reason: "FailedScheduling",
               message: message, warning: true, component: "default-scheduler", at: t, scheduler: true)
    }

    /// The scheduler's message with its preemption part, as kube-scheduler 1.32 writes it:
    /// `0/2 nodes are available: 2 Insufficient memory. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.`
    static func schedulerMessage(_ fitMessage: String, nodeCount: Int, failure: SchedulingFailure?) -> String {
        guard nodeCount > 0, let failure else { return fitMessage }
        // Nodes short of resources might be freed by preemption; nodes rejected for other reasons not.
        var resourceNodes = 0
        for r in failure.reasons {
            if case .insufficient = r.cause { resourceNodes = max(resourceNodes, r.count ?? 0) }
            if case .tooManyPods = r.cause { resourceNodes = max(resourceNodes, r.count ?? 0) }
        }
        let other = nodeCount - resourceNodes
        var parts: [String] = []
        if resourceNodes > 0 { parts.append("\(resourceNodes) No preemption victims found for incoming pod") }
        if other > 0 { parts.append("\(other) Preemption is not helpful for scheduling") }
        return "\(fitMessage) preemption: 0/\(nodeCount) nodes are available: \(parts.sorted().joined(separator: ", "))."
    }

    // MARK: containers

    mutating func stepInit(_ i: Int, _ n: Int, elapsed: TimeInterval, at t: Date) {
        guard n < pods[i].inits.count else { return enter(i, .pulling, at: t) }
        let c = pods[i].inits[n]
        if case .waiting = c.state {
            guard elapsed >= Self.pullSeconds else { return }
            startContainer(i, n, isInit: true, at: t)
            return
        }
        guard case .running(let since) = c.state, t.timeIntervalSince(since) >= Self.initRunSeconds else { return }
        // `wait-for-…` containers wait for the data stores (and the migrations) like the chart's do.
        if c.name.hasPrefix("wait-for") {
            let ns = pods[i].meta.namespace
            guard dataStoresReady(ns), !c.name.contains("migrat") || jobsComplete(ns) else { return }
        }
        pods[i].inits[n].state = .terminated(reason: "Completed", exitCode: 0, started: since, finished: t)
        if n + 1 < pods[i].inits.count { enter(i, .initContainer(n + 1), at: t) } else { enter(i, .pulling, at: t) }
    }

    mutating func stepRunning(_ i: Int, elapsed: TimeInterval, at t: Date) {
        let isJob = pods[i].meta.owner?.kind == "Job"
        for c in pods[i].containers.indices {
            guard case .running(let since) = pods[i].containers[c].state else { continue }
            let up = t.timeIntervalSince(since)
            if pods[i].containers[c].crashLog != nil, up >= Self.crashAfterSeconds {
                crash(i, c, started: since, at: t)
                if pods[i].isFinished { return }
            } else if isJob, up >= Self.jobRunSeconds {
                pods[i].containers[c].state = .terminated(reason: "Completed", exitCode: 0, started: since, finished: t)
                pods[i].containers[c].ready = false
            } else if !isJob, up >= Self.readySeconds {
                pods[i].containers[c].ready = true
            }
        }
        if isJob, pods[i].containers.allSatisfy({ if case .terminated = $0.state { return true } else { return false } }) {
            pods[i].stage = .succeeded
            pods[i].stageSince = t
            capacityChanged = true
            return
        }
        if pods[i].readyAt == nil, !isJob, pods[i].containers.allSatisfy(\.ready) { pods[i].readyAt = t }
        if pods[i].readyAt != nil, !pods[i].containers.allSatisfy(\.ready) { pods[i].readyAt = nil }
    }

    mutating func crash(_ i: Int, _ c: Int, started: Date, at t: Date) {
        let pod = pods[i], name = pod.containers[c].name
        let ended = SimContainerState.terminated(reason: "Error", exitCode: 1, started: started, finished: t)
        pods[i].containers[c].ready = false
        pods[i].readyAt = nil
        if pod.restartPolicy == "Never" {
            pods[i].containers[c].state = ended
            pods[i].stage = .failed
            pods[i].stageSince = t
            capacityChanged = true
            return
        }
        pods[i].containers[c].lastState = ended
        pods[i].containers[c].restartCount += 1
        let delay = min(300, 10 * pow(2, Double(pods[i].containers[c].restartCount - 1)))
        pods[i].containers[c].state = .waiting(reason: "CrashLoopBackOff",
                                               message: "back-off \(Int(delay))s restarting failed container=\(name) pod=\(pod.meta.name)_\(pod.meta.namespace)(\(pod.meta.uid))")
        containerEvent(i, name, "BackOff", "Back-off restarting failed container \(name) in pod \(pod.meta.name)_\(pod.meta.namespace)(\(pod.meta.uid))",
                       warning: true, at: t)
        pods[i].stage = .backoff(until: t.addingTimeInterval(delay))
        pods[i].stageSince = t
    }

    /// Pulled, Created and Started for a container whose image is there; a pull failure otherwise.
    mutating func startContainer(_ i: Int, _ c: Int, isInit: Bool, at t: Date) {
        let container = isInit ? pods[i].inits[c] : pods[i].containers[c]
        if container.unpullable {
            pullFailure(i, container, at: t)
            let state = SimContainerState.waiting(reason: "ErrImagePull", message: Self.pullError(container.image))
            if isInit { pods[i].inits[c].state = state } else { pods[i].containers[c].state = state }
            pods[i].stage = .pullBackoff(until: t.addingTimeInterval(10))
            return
        }
        let bytes = 50_000_000 + Int(stableHash(container.image) % 400_000_000)
        containerEvent(i, container.name, "Pulled",
                       "Successfully pulled image \"\(container.image)\" in 1.843s (1.843s including waiting). Image size: \(bytes) bytes.", at: t)
        containerEvent(i, container.name, "Created", "Created container: \(container.name)", at: t)
        containerEvent(i, container.name, "Started", "Started container \(container.name)", at: t)
        if isInit { pods[i].inits[c].state = .running(since: t) } else { pods[i].containers[c].state = .running(since: t) }
    }

    /// Another failed pull, then the back-off state.
    mutating func retryPull(_ i: Int, _ c: SimContainer, at t: Date) -> SimContainerState {
        pullEvents(i, c, at: t)
        pullFailure(i, c, at: t)
        let backoff = "Back-off pulling image \"\(c.image)\""
        containerEvent(i, c.name, "BackOff", backoff, warning: true, at: t)
        return .waiting(reason: "ImagePullBackOff", message: backoff)
    }

    mutating func pullEvents(_ i: Int, _ c: SimContainer, at t: Date) {
        containerEvent(i, c.name, "Pulling", "Pulling image \"\(c.image)\"", at: t)
    }

    mutating func pullFailure(_ i: Int, _ c: SimContainer, at t: Date) {
        containerEvent(i, c.name, "Failed", "Failed to pull image \"\(c.image)\": \(Self.pullError(c.image))", warning: true, at: t)
        containerEvent(i, c.name, "Failed", "Error: ErrImagePull", warning: true, at: t)
    }

    /// The reference as containerd spells it: `busybox:1.34` → `docker.io/library/busybox:1.34`.
    static func fullImageName(_ image: String) -> String {
        guard let first = image.split(separator: "/").first, image.contains("/") else { return "docker.io/library/\(image)" }
        return first.contains(".") || first.contains(":") ? image : "docker.io/\(image)"
    }

    /// containerd's answer for an image that does not exist.
    static func pullError(_ image: String) -> String {
        let full = fullImageName(image)
        return "rpc error: code = NotFound desc = failed to pull and unpack image \"\(full)\": failed to resolve reference \"\(full)\": \(full): not found"
    }

    mutating func containerEvent(_ i: Int, _ container: String, _ reason: String, _ message: String, warning: Bool = false, at t: Date) {
        let pod = pods[i]
        let isInit = pod.inits.contains { $0.name == container }
        record("Pod", pod.meta.name, uid: pod.meta.uid, namespace: pod.meta.namespace,
               fieldPath: "spec.\(isInit ? "initContainers" : "containers"){\(container)}", reason: reason, message: message,
               warning: warning, component: "kubelet", host: pod.nodeName, at: t)
    }
}

extension SimContainerState {
    var isWaiting: Bool {
        if case .waiting = self { return true }
        return false
    }

    var isCrashBackOff: Bool {
        if case .waiting("CrashLoopBackOff", _) = self { return true }
        return false
    }
}
