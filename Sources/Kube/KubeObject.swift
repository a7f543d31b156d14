#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Any object of a manifest stream or `kubectl get all -o json`, typed by its `kind`.
public enum KubeObject: Decodable, Hashable, Sendable {
    /// A Pod.
    case pod(Pod)
    /// A Deployment.
    case deployment(Deployment)
    /// A StatefulSet.
    case statefulSet(StatefulSet)
    /// A Job.
    case job(Job)
    /// A PersistentVolumeClaim.
    case persistentVolumeClaim(PersistentVolumeClaim)
    /// A StorageClass.
    case storageClass(StorageClass)
    /// A Service.
    case service(Service)
    /// An Ingress.
    case ingress(Ingress)
    /// An Event.
    case event(Event)
    /// A Namespace.
    case namespace(Namespace)
    /// A Node.
    case node(Node)
    /// Any other kind, kept by kind and name.
    case other(kind: String, name: String)

    enum CodingKeys: String, CodingKey { case kind, metadata }
    struct NameOnly: Decodable { var name: String? }

    /// Decodes by the `kind` field.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let kind: String = try c.or(.kind, "")
        switch kind {
        case "Pod": self = .pod(try Pod(from: decoder))
        case "Deployment": self = .deployment(try Deployment(from: decoder))
        case "StatefulSet": self = .statefulSet(try StatefulSet(from: decoder))
        case "Job": self = .job(try Job(from: decoder))
        case "PersistentVolumeClaim": self = .persistentVolumeClaim(try PersistentVolumeClaim(from: decoder))
        case "StorageClass": self = .storageClass(try StorageClass(from: decoder))
        case "Service": self = .service(try Service(from: decoder))
        case "Ingress": self = .ingress(try Ingress(from: decoder))
        case "Event": self = .event(try Event(from: decoder))
        case "Namespace": self = .namespace(try Namespace(from: decoder))
        case "Node": self = .node(try Node(from: decoder))
        default:
            let m = (try? c.decodeIfPresent(NameOnly.self, forKey: .metadata)) ?? nil
            self = .other(kind: kind, name: m?.name ?? "")
        }
    }

    /// The pods this object will create, one request per replica, for the placement check:
    /// Deployments `name (i/n)`, StatefulSets `name-i`, Jobs `name (i/n)` per parallelism, Pods themselves.
    public var placementRequests: [PodPlacementRequest] {
        func many(_ name: String, _ n: Int, _ spec: PodSpec, ordinal: Bool) -> [PodPlacementRequest] {
            guard n > 0 else { return [] }
            return (0..<n).map { i in
                PodPlacementRequest(name: ordinal ? "\(name)-\(i)" : (n == 1 ? name : "\(name) (\(i + 1)/\(n))"), spec: spec)
            }
        }
        switch self {
        case let .pod(p): return p.isTerminated ? [] : [PodPlacementRequest(name: p.name, spec: p.spec)]
        case let .deployment(d): return many(d.metadata.name, d.replicas, d.podSpec, ordinal: false)
        case let .statefulSet(s): return many(s.metadata.name, s.replicas, s.podSpec, ordinal: true)
        case let .job(j): return many(j.metadata.name, min(j.parallelism, j.completions), j.podSpec, ordinal: false)
        default: return []
        }
    }
}
