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

/// The controllers, scheduler and kubelets of the simulation, stepped one simulated second at a time.
extension SimState {
    /// Brings every object up to `target`, one-second steps (at most a day of them; beyond that time jumps).
    mutating func advance(to target: Date) {
        var steps = 0
        while now.addingTimeInterval(1) <= target && steps < 86_400 {
            now = now.addingTimeInterval(1)
            step(at: now)
            steps += 1
        }
        if target > now { now = target }
    }

    /// One second of cluster life.
    mutating func step(at t: Date) {
        runControllers(at: t)
        let retry = capacityChanged
        capacityChanged = false
        for i in pods.indices { stepPod(i, at: t, retryScheduling: retry) }
        for i in claims.indices { stepClaim(i, at: t) }
        for i in services.indices where services[i].address == nil {
            if let due = services[i].addressAt, t >= due {
                services[i].address = nextLoadBalancerAddress()
                record("Service", services[i].meta.name, uid: services[i].meta.uid, namespace: services[i].meta.namespace,
                       reason: "EnsuredLoadBalancer", message: "Ensured load balancer", component: "service-controller", at: t)
            }
        }
        for i in ingresses.indices where ingresses[i].address == nil { stepIngress(i, at: t) }
    }

    // MARK: controllers

    mutating func runControllers(at t: Date) {
        for wi in workloads.indices {
            let w = workloads[wi]
            let owned = pods.indices.filter { pods[$0].meta.owner?.uid == ownerUID(w) }
            switch w.kind {
            case .deployment:
                let live = owned.filter { !pods[$0].isFinished }
                if live.count < w.replicas {
                    if owned.isEmpty {
                        record("Deployment", w.meta.name, uid: w.meta.uid, apiVersion: "apps/v1", namespace: w.meta.namespace,
                               reason: "ScalingReplicaSet", message: "Scaled up replica set \(w.replicaSetName) from 0 to \(w.replicas)",
                               component: "deployment-controller", at: t)
                    }
                    for _ in live.count..<w.replicas {
                        let name = "\(w.replicaSetName)-\(rng.suffix())"
                        createPod(name: name, for: w, owner: SimOwner(apiVersion: "apps/v1", kind: "ReplicaSet", name: w.replicaSetName, uid: ownerUID(w)),
                                  extraLabels: ["pod-template-hash": w.templateHash], claims: [], at: t)
                        record("ReplicaSet", w.replicaSetName, uid: ownerUID(w), apiVersion: "apps/v1", namespace: w.meta.namespace,
                               reason: "SuccessfulCreate", message: "Created pod: \(name)", component: "replicaset-controller", at: t)
                    }
                } else if live.count > w.replicas {
                    let extra = Set(live.suffix(live.count - w.replicas).map { pods[$0].meta.uid })
                    pods.removeAll { extra.contains($0.meta.uid) }
                    capacityChanged = true
                    return runControllers(at: t)
                }
            case .statefulSet:
                let ordinals = Set(owned.compactMap { Int(pods[$0].meta.name.split(separator: "-").last ?? "") })
                // OrderedReady: ordinal i appears once 0..<i are ready.
                for i in 0..<w.replicas where !ordinals.contains(i) {
                    let earlierReady = (0..<i).allSatisfy { o in pods.contains { $0.meta.owner?.uid == w.meta.uid && $0.meta.name == "\(w.meta.name)-\(o)" && $0.isReady } }
                    guard earlierReady else { break }
                    let name = "\(w.meta.name)-\(i)"
                    var claimNames: [String] = []
                    for ct in w.claimTemplates {
                        let claimName = "\(ct.name)-\(name)"
                        claimNames.append(claimName)
                        if !claims.contains(where: { $0.meta.namespace == w.meta.namespace && $0.meta.name == claimName }) {
                            let meta = SimMeta(name: claimName, namespace: w.meta.namespace, uid: rng.uid(),
                                               labels: (w.template["metadata"]?["labels"]?.stringMap ?? [:]), created: t)
                            addClaim(meta: meta, size: ct.size, storageClass: ct.storageClass, at: t)
                            record("StatefulSet", w.meta.name, uid: w.meta.uid, apiVersion: "apps/v1", namespace: w.meta.namespace,
                                   reason: "SuccessfulCreate", message: "create Claim \(claimName) Pod \(name) in StatefulSet \(w.meta.name) success",
                                   component: "statefulset-controller", at: t)
                        }
                    }
                    createPod(name: name, for: w, owner: w.owner,
                              extraLabels: ["controller-revision-hash": "\(w.meta.name)-\(w.templateHash)", "statefulset.kubernetes.io/pod-name": name],
                              claims: claimNames, at: t)
                    record("StatefulSet", w.meta.name, uid: w.meta.uid, apiVersion: "apps/v1", namespace: w.meta.namespace,
                           reason: "SuccessfulCreate", message: "create Pod \(name) in StatefulSet \(w.meta.name) successful",
                           component: "statefulset-controller", at: t)
                    break
                }
            case .job:
                stepJob(wi, owned: owned, at: t)
            }
        }
    }

    /// The UID pods point at: the ReplicaSet's for Deployments, the workload's own otherwise.
    func ownerUID(_ w: SimWorkload) -> String {
        guard w.kind == .deployment else { return w.meta.uid }
        var r = SimulatedRandom(seed: stableHash(w.meta.uid + w.templateHash))
        return r.uid()
    }

    mutating func stepJob(_ wi: Int, owned: [Int], at t: Date) {
        let w = workloads[wi]
        guard w.completionTime == nil, w.failedAt == nil else { return }
        let succeeded = owned.filter { pods[$0].stage == .succeeded }.count
        let failed = owned.filter { pods[$0].stage == .failed }.count
        workloads[wi].succeededPods = succeeded
        workloads[wi].failedPods = failed
        let event = { (state: inout SimState, reason: String, message: String, warning: Bool) in
            state.record("Job", w.meta.name, uid: w.meta.uid, apiVersion: "batch/v1", namespace: w.meta.namespace,
                         reason: reason, message: message, warning: warning, component: "job-controller", at: t)
        }
        if succeeded >= w.completions {
            workloads[wi].completionTime = t
            event(&self, "Completed", "Job completed", false)
            return
        }
        if failed > w.backoffLimit {
            workloads[wi].failedAt = t
            event(&self, "BackoffLimitExceeded", "Job has reached the specified backoff limit", true)
            return
        }
        let active = owned.filter { !pods[$0].isFinished }
        guard active.isEmpty else { return }
        // Retries wait 10 s, doubling, after the last failure.
        if failed > 0, let lastFailure = owned.filter({ pods[$0].stage == .failed }).map({ pods[$0].stageSince }).max(),
           t < lastFailure.addingTimeInterval(10 * pow(2, Double(failed - 1))) { return }
        let name = "\(w.meta.name)-\(rng.suffix())"
        createPod(name: name, for: w, owner: w.owner,
                  extraLabels: ["batch.kubernetes.io/job-name": w.meta.name, "job-name": w.meta.name, "controller-uid": w.meta.uid],
                  claims: [], at: t)
        event(&self, "SuccessfulCreate", "Created pod: \(name)", false)
    }

    mutating func createPod(name: String, for w: SimWorkload, owner: SimOwner, extraLabels: [String: String], claims: [String], at t: Date) {
        var labels = w.template["metadata"]?["labels"]?.stringMap ?? [:]
        for (k, v) in extraLabels { labels[k] = v }
        let spec = w.template["spec"] ?? .object([:])
        func containers(_ field: String) -> [SimContainer] {
            (spec[field]?.arrayValue ?? []).map { c in
                let name = c["name"]?.stringValue ?? "", image = c["image"]?.stringValue ?? ""
                var sc = SimContainer(name: name, image: image)
                sc.state = .waiting(reason: field == "initContainers" ? "PodInitializing" : "ContainerCreating", message: "")
                sc.crashLog = self.spec.faults.crashingContainers[name]
                sc.unpullable = self.spec.faults.unpullableImages.contains(image)
                return sc
            }
        }
        let restart = spec["restartPolicy"]?.stringValue ?? (w.kind == .job ? "Never" : "Always")
        var pod = SimPod(meta: SimMeta(name: name, namespace: w.meta.namespace, uid: rng.uid(), labels: labels, created: t, owner: owner,
                                       generateName: w.kind == .statefulSet ? nil : String(name.dropLast(5))),
                         spec: spec, decodedSpec: w.decodedSpec, inits: containers("initContainers"), containers: containers("containers"),
                         stageSince: t, restartPolicy: restart)
        for (i, _) in pod.containers.enumerated() { pod.containers[i].state = .waiting(reason: "PodInitializing", message: "") }
        if pod.inits.isEmpty { for i in pod.containers.indices { pod.containers[i].state = .waiting(reason: "ContainerCreating", message: "") } }
        pod.claims = claims
        pods.append(pod)
    }

    // MARK: volumes and ingresses

    mutating func stepClaim(_ i: Int, at t: Date) {
        let c = claims[i]
        if c.bound != nil, c.isResizing { return stepResize(i, at: t) }
        guard c.bound == nil, let since = c.provisioningSince else { return }
        if c.stuck {
            if t.timeIntervalSince(since) >= 2, Int(t.timeIntervalSince(since)) % 30 == 2 {
                record("PersistentVolumeClaim", c.meta.name, uid: c.meta.uid, namespace: c.meta.namespace, reason: "ProvisioningFailed",
                       message: "failed to provision volume with StorageClass \"\(c.storageClass)\": rpc error: code = ResourceExhausted desc = volume limit reached",
                       warning: true, component: "\(provisioner(of: c.storageClass))_csi-controller-0", at: t)
            }
            return
        }
        if t.timeIntervalSince(since) >= 3 {
            claims[i].bound = t
            claims[i].capacity = c.size
            record("PersistentVolumeClaim", c.meta.name, uid: c.meta.uid, namespace: c.meta.namespace, reason: "ProvisioningSucceeded",
                   message: "Successfully provisioned volume \(c.volumeName)", component: "\(provisioner(of: c.storageClass))_csi-controller-0", at: t)
        }
    }

    mutating func stepIngress(_ i: Int, at t: Date) {
        let ing = ingresses[i]
        if let due = ing.addressAt {
            if t >= due {
                // A reserved global address named by the Ingress is the one it gets.
                let reserved = ing.meta.annotations["kubernetes.io/ingress.global-static-ip-name"].flatMap { staticAddresses[$0] }
                ingresses[i].address = reserved.map { SimAddress(ip: $0) } ?? nextLoadBalancerAddress()
                record("Ingress", ing.meta.name, uid: ing.meta.uid, apiVersion: "networking.k8s.io/v1", namespace: ing.meta.namespace,
                       reason: "IPChanged", message: "IP is now \(ingresses[i].address?.ip ?? "")", component: "loadbalancer-controller", at: t)
            }
            return
        }
        guard ing.ingressClass == "nginx" || ing.ingressClass.isEmpty else { return }
        // The nginx controller publishes its own Service's address once it runs.
        guard let svc = services.first(where: { $0.meta.namespace == ing.meta.namespace && $0.type == "LoadBalancer" && $0.meta.name.contains("ingress-nginx") }),
              let address = svc.address,
              pods.contains(where: { $0.meta.namespace == ing.meta.namespace && $0.meta.labels["app.kubernetes.io/name"] == "ingress-nginx" && $0.isReady })
        else { return }
        ingresses[i].address = address
        record("Ingress", ing.meta.name, uid: ing.meta.uid, apiVersion: "networking.k8s.io/v1", namespace: ing.meta.namespace,
               reason: "Sync", message: "Scheduled for sync", component: "nginx-ingress-controller", at: t)
    }
}
