#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GoTemplate
import Helm
import Synchronization
import YAML

/// Renders a chart as `helm install`/`helm upgrade` would against a live cluster: the chart's
/// `lookup` calls get the cluster's objects instead of the `{}` that `helm template` gives.
///
/// The embedded engine's `lookup` is synchronous, kubectl is not; so the chart is rendered once
/// with a lookup that only records what is asked, the objects are fetched with kubectl, and the
/// chart is rendered again answering from that table. A lookup that only the second pass makes
/// (its branch depended on an earlier answer) is fetched and the chart rendered once more, at most
/// `maxRounds` times. A missing object answers `{}`, as Helm does.
public enum ClusterLookup {
    /// One `lookup apiVersion kind namespace name` call.
    public struct Request: Hashable, Sendable, CustomStringConvertible {
        /// `v1`, `apps/v1`, ...
        public var apiVersion: String
        /// `Secret`, `Deployment`, ...
        public var kind: String
        /// The namespace; empty for cluster-scoped objects or every namespace.
        public var namespace: String
        /// The object's name; empty for a list of all of them.
        public var name: String

        /// A request.
        public init(apiVersion: String, kind: String, namespace: String, name: String) {
            self.apiVersion = apiVersion; self.kind = kind; self.namespace = namespace; self.name = name
        }

        /// As the template wrote it.
        public var description: String { "lookup \"\(apiVersion)\" \"\(kind)\" \"\(namespace)\" \"\(name)\"" }
    }

    /// How many renders at most (each after fetching the lookups the previous one asked for).
    public static let maxRounds = 3

    /// Renders `chart` with `options`, answering `lookup` from the cluster behind `kubectl`.
    public static func render(chart: Chart, options: HelmTemplateOptions, kubectl: KubectlClient) async throws -> HelmTemplateResult {
        try await render(chart: chart, options: options) { request in try await fetch(request, kubectl: kubectl) }
    }

    /// Renders `chart`, answering `lookup` with `fetch` (nil: the object does not exist).
    public static func render(chart: Chart, options: HelmTemplateOptions,
                              fetch: (Request) async throws -> YAMLValue?) async throws -> HelmTemplateResult {
        var answers: [Request: YAMLValue] = [:]
        var round = 0
        while true {
            round += 1
            let known = answers
            let unanswered = Mutex<[Request]>([])
            var engine = TemplateEngine()
            engine.lookup = { apiVersion, kind, namespace, name in
                let request = Request(apiVersion: apiVersion, kind: kind, namespace: namespace, name: name)
                guard let answer = known[request] else {
                    unanswered.withLock { if !$0.contains(request) { $0.append(request) } }
                    return ValueMap()
                }
                if case .map(let map) = templateValue(answer) { return map }
                return ValueMap()
            }
            let outcome: Result<HelmTemplateResult, any Error>
            do { outcome = .success(try HelmTemplate.run(chart: chart, options: options, engine: engine)) } catch { outcome = .failure(error) }
            let missing = unanswered.withLock { $0 }
            // Done when every lookup was answered (or nothing more can be learnt).
            if missing.isEmpty || round >= maxRounds { return try outcome.get() }
            for request in missing { answers[request] = try await fetch(request) ?? .mapping(YAMLMapping()) }
        }
    }

    /// Fetches one lookup with kubectl: `get RESOURCE NAME -n NS -o json`, or the whole list when
    /// the name is empty (all namespaces when the namespace is empty too). Nil when it does not exist.
    public static func fetch(_ request: Request, kubectl: KubectlClient) async throws -> YAMLValue? {
        let resource = kubectlResource(apiVersion: request.apiVersion, kind: request.kind)
        var verb = ["get", resource]
        if !request.name.isEmpty { verb.append(request.name) }
        if request.namespace.isEmpty && request.name.isEmpty { verb.append("--all-namespaces") }
        let command = kubectl.command(verb, namespace: request.namespace.isEmpty ? nil : request.namespace)
        let text: String
        do {
            text = try await kubectl.text(command)
        } catch let error as KubectlError where error.kind == .notFound || error.kind == .unknownResource {
            return nil
        }
        var value = try YAML.parse(text, file: command.displayString)
        if request.name.isEmpty, case .mapping(var list) = value {
            // kubectl prints a generic List; Helm's lookup gives the typed one (SecretList, ...).
            list["kind"] = .string(request.kind + "List")
            list["apiVersion"] = .string(request.apiVersion)
            value = .mapping(list)
        }
        return value
    }

    /// The resource name kubectl takes for a kind and API version: `secrets`, `deployments.apps`,
    /// `ingresses.networking.k8s.io` (the lower-case plural, then the API group unless it is the core one).
    public static func kubectlResource(apiVersion: String, kind: String) -> String {
        let group = apiVersion.contains("/") ? String(apiVersion[..<(apiVersion.lastIndex(of: "/") ?? apiVersion.endIndex)]) : ""
        let plural = plural(of: kind.lowercased())
        return group.isEmpty ? plural : "\(plural).\(group)"
    }

    /// Kubernetes' plural of a lower-cased kind (the API's own names for the irregular ones).
    static func plural(of kind: String) -> String {
        let irregular = ["endpoints": "endpoints", "podsecuritypolicy": "podsecuritypolicies"]
        if let known = irregular[kind] { return known }
        if kind.hasSuffix("s") || kind.hasSuffix("x") || kind.hasSuffix("ch") || kind.hasSuffix("sh") { return kind + "es" }
        if kind.hasSuffix("y"), let before = kind.dropLast().last, !"aeiou".contains(before) { return kind.dropLast() + "ies" }
        return kind + "s"
    }

    /// JSON from kubectl as the template sees an unstructured object: whole numbers as int64, like
    /// Kubernetes' unstructured decoding, everything else as Helm's values.
    static func templateValue(_ yaml: YAMLValue) -> Value {
        switch yaml {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int64(i)
        case .float(let d): return .float(d)
        case .string(let s): return .string(s)
        case .sequence(let items): return .list(items.map(templateValue))
        case .mapping(let m):
            let map = ValueMap()
            for (key, item) in m.entries { map.storage[key] = templateValue(item) }
            return .map(map)
        }
    }
}
