#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Helm
import Kube
import YAML

/// The objects of a render (or of a deployed release's manifest) that can expose PostHog
/// outside the cluster: Services and Ingresses, read from their YAML.
public struct ExposedObjects: Hashable, Sendable {
    /// Every Service, in manifest order.
    public var services: [Service]
    /// Every Ingress, in manifest order.
    public var ingresses: [Ingress]

    /// Objects given directly (tests).
    public init(services: [Service] = [], ingresses: [Ingress] = []) {
        self.services = services; self.ingresses = ingresses
    }

    /// The Services and Ingresses of rendered manifests; documents that cannot be read are skipped
    /// (the preflight reports unreadable manifests on its own).
    public init(manifests: [RenderedManifest]) {
        self.init(documents: manifests.filter { !$0.isHook && ($0.kind == "Service" || $0.kind == "Ingress") }.map(\.content))
    }

    /// The Services and Ingresses of a multi-document YAML stream (`helm get manifest` output).
    public init(yaml text: String) {
        let docs = (try? YAML.parseDocuments(text, file: "manifest", options: .helm)) ?? []
        self.init(values: docs)
    }

    /// The `apiVersion` of every object in a YAML stream (`helm get manifest` output).
    public static func apiVersions(yaml text: String) -> [String] {
        let docs = (try? YAML.parseDocuments(text, file: "manifest", options: .helm)) ?? []
        return docs.compactMap { $0["apiVersion"]?.stringValue }
    }

    private init(documents: [String]) {
        self.init(values: documents.compactMap { try? YAML.parse($0, file: "manifest", options: .helm) })
    }

    private init(values: [YAMLValue]) {
        var services: [Service] = []
        var ingresses: [Ingress] = []
        for doc in values {
            guard case .mapping = doc, let kind = doc["kind"]?.stringValue else { continue }
            let json = Data(ManifestJSON.text(doc).utf8)
            switch kind {
            case "Service": if let s = try? KubeJSON.decode(Service.self, from: json) { services.append(s) }
            case "Ingress": if let i = try? KubeJSON.decode(Ingress.self, from: json) { ingresses.append(i) }
            default: continue
            }
        }
        self.init(services: services, ingresses: ingresses)
    }
}

extension AddressSource {
    /// Where the address that serves `hostname` will appear, read from what the chart renders
    /// rather than from names known in advance (chart versions and clouds differ):
    /// - an Ingress routes the hostname and an ingress controller installed with the chart has a
    ///   LoadBalancer Service → that Service (ingress-nginx on aws, do and other);
    /// - an Ingress routes the hostname and no such controller is rendered → the Ingress itself,
    ///   whose address the cloud's own controller publishes (GKE's load balancer on gcp);
    /// - no Ingress: the LoadBalancer Service that serves web traffic (port 80 or 443), else the only one.
    /// nil when the render exposes nothing outside the cluster.
    public static func fromManifests(_ objects: ExposedObjects, hostname: String?) -> AddressSource? {
        let balancers = objects.services.filter { $0.type == "LoadBalancer" }
        let controller = balancers.first { $0.metadata.labels["app.kubernetes.io/component"] == "controller" }
        let host = hostname.map { $0.lowercased() }
        let routing = objects.ingresses.first { ing in host.map { h in ing.hosts.contains { $0.lowercased() == h } } ?? false }
            ?? objects.ingresses.first { $0.routesAnyHost }
            ?? (host == nil ? objects.ingresses.first : nil)
        if routing != nil, let controller { return .service(controller.metadata.name) }
        if let routing { return .ingress(routing.metadata.name) }
        if let controller { return .service(controller.metadata.name) }
        if let web = balancers.first(where: { $0.ports.contains { $0.port == 80 || $0.port == 443 } }) {
            return .service(web.metadata.name)
        }
        return balancers.count == 1 ? .service(balancers[0].metadata.name) : nil
    }
}
