#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What `kubectl config view -o json` says about the kubeconfig (kubectl redacts its secrets):
/// the contexts with the cluster each names, the clusters with their servers, the current context.
public struct KubeconfigView: Decodable, Sendable, Hashable {
    /// A context: its name and the cluster it names.
    public struct Context: Decodable, Sendable, Hashable {
        /// The context's name.
        public var name: String
        /// The cluster it points at ("" when none).
        public var cluster: String

        enum CodingKeys: String, CodingKey { case name, context }
        enum InnerKeys: String, CodingKey { case cluster }

        /// Decodes tolerantly.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decodeIfPresent(String.self, forKey: .name) ?? ""
            let inner = try? c.nestedContainer(keyedBy: InnerKeys.self, forKey: .context)
            cluster = (try? inner?.decodeIfPresent(String.self, forKey: .cluster)) ?? ""
        }

        /// A context (tests).
        public init(name: String, cluster: String) { self.name = name; self.cluster = cluster }
    }

    /// A cluster: its name and API server address.
    public struct Cluster: Decodable, Sendable, Hashable {
        /// The cluster's name.
        public var name: String
        /// The API server (`https://…`; "" when none is set).
        public var server: String

        enum CodingKeys: String, CodingKey { case name, cluster }
        enum InnerKeys: String, CodingKey { case server }

        /// Decodes tolerantly.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decodeIfPresent(String.self, forKey: .name) ?? ""
            let inner = try? c.nestedContainer(keyedBy: InnerKeys.self, forKey: .cluster)
            server = (try? inner?.decodeIfPresent(String.self, forKey: .server)) ?? ""
        }

        /// A cluster (tests).
        public init(name: String, server: String) { self.name = name; self.server = server }
    }

    /// The contexts.
    public var contexts: [Context]
    /// The clusters.
    public var clusters: [Cluster]
    /// The current context ("" when none).
    public var currentContext: String

    enum CodingKeys: String, CodingKey {
        case contexts, clusters
        case currentContext = "current-context"
    }

    /// Decodes tolerantly (kubectl prints `null` for empty lists).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        contexts = (try c.decodeIfPresent([Context].self, forKey: .contexts)) ?? []
        clusters = (try c.decodeIfPresent([Cluster].self, forKey: .clusters)) ?? []
        currentContext = (try c.decodeIfPresent(String.self, forKey: .currentContext)) ?? ""
    }

    /// A view (tests).
    public init(contexts: [Context] = [], clusters: [Cluster] = [], currentContext: String = "") {
        self.contexts = contexts; self.clusters = clusters; self.currentContext = currentContext
    }

    /// The server of the cluster `context` names: nil when the context names no cluster, "" when
    /// the cluster is missing from the kubeconfig or has no server.
    public func server(of context: String) -> (cluster: String, server: String)? {
        guard let named = contexts.first(where: { $0.name == context }) else { return nil }
        return (named.cluster, clusters.first { $0.name == named.cluster }?.server ?? "")
    }
}
