#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Kube

/// Everything one poll read from a namespace: the objects install progress depends on.
public struct NamespaceObjects: Sendable {
    /// Pods, Deployments, StatefulSets, Jobs, PVCs, Services and Events, as Kube's snapshot.
    public var snapshot: NamespaceSnapshot
    /// Ingresses (not part of Kube's snapshot).
    public var ingresses: [Ingress]

    /// A result; everything defaults to empty.
    public init(snapshot: NamespaceSnapshot = NamespaceSnapshot(), ingresses: [Ingress] = []) {
        self.snapshot = snapshot; self.ingresses = ingresses
    }

    /// The resource types asked for in the single poll request, in this order.
    public static let resourceTypes = ["pods", "jobs", "deployments", "statefulsets", "persistentvolumeclaims",
                                       "services", "ingresses", "events"]

    /// Sorts the items of a `kubectl get A,B,C -o json` List into their kinds; other kinds are ignored.
    public static func decode(_ data: Data) throws -> NamespaceObjects {
        var s = NamespaceSnapshot()
        var ingresses: [Ingress] = []
        for object in try KubeJSON.decodeList(KubeObject.self, from: data) {
            switch object {
            case .pod(let p): s.pods.append(p)
            case .job(let j): s.jobs.append(j)
            case .deployment(let d): s.deployments.append(d)
            case .statefulSet(let t): s.statefulSets.append(t)
            case .persistentVolumeClaim(let c): s.pvcs.append(c)
            case .service(let v): s.services.append(v)
            case .ingress(let i): ingresses.append(i)
            case .event(let e): s.events.append(e)
            default: break
            }
        }
        return NamespaceObjects(snapshot: s, ingresses: ingresses)
    }
}
