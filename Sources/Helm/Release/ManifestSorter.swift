import YAML

/// One YAML document of the rendered output, with the head fields Helm reads.
public struct RenderedManifest: Sendable, Equatable {
    /// The template it came from (`posthog/templates/web-deployment.yaml`).
    public let path: String
    /// The document text.
    public let content: String
    /// `kind` (empty when absent).
    public let kind: String
    /// `apiVersion`.
    public let apiVersion: String
    /// `metadata.name`.
    public let name: String
    /// `helm.sh/hook` events, lowercased; empty for ordinary manifests.
    public let hookEvents: [String]

    /// Whether this document is a hook (installed around, not with, the release).
    public var isHook: Bool { !hookEvents.isEmpty }
    /// Whether this is a `helm test` hook.
    public var isTestHook: Bool { hookEvents.contains("test") || hookEvents.contains("test-success") }
}

/// Helm's SortManifests: splits rendered files into documents, separates hooks, and orders
/// both by Kubernetes install order (stable, so files stay in path order within a kind).
public enum ManifestSorter {
    /// The kinds in the order Helm installs them; other kinds follow, alphabetically.
    public static let installOrder = [
        "PriorityClass", "Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange", "PodSecurityPolicy",
        "PodDisruptionBudget", "ServiceAccount", "Secret", "SecretList", "ConfigMap", "StorageClass",
        "PersistentVolume", "PersistentVolumeClaim", "CustomResourceDefinition", "ClusterRole", "ClusterRoleList",
        "ClusterRoleBinding", "ClusterRoleBindingList", "Role", "RoleList", "RoleBinding", "RoleBindingList",
        "Service", "DaemonSet", "Pod", "ReplicationController", "ReplicaSet", "Deployment",
        "HorizontalPodAutoscaler", "StatefulSet", "Job", "CronJob", "IngressClass", "Ingress", "APIService",
        "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration",
    ]

    static let knownHookEvents: Set<String> = [
        "pre-install", "post-install", "pre-delete", "post-delete", "pre-upgrade", "post-upgrade",
        "pre-rollback", "post-rollback", "test", "test-success",
    ]

    /// Sorts rendered files (by path) into hooks and manifests, each in install order.
    public static func sort(_ files: [String: String]) throws -> (hooks: [RenderedManifest], manifests: [RenderedManifest]) {
        var hooks: [RenderedManifest] = []
        var manifests: [RenderedManifest] = []
        var documents: [(path: String, text: String)] = []
        for (path, content) in files.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            if baseName(path).hasPrefix("_") || content.trimmingWhitespace().isEmpty { continue }
            for document in split(content) { documents.append((path, document)) }
        }
        // Each document's head is read on its own; the first failure in document order wins.
        let heads = ParallelWork.map(documents.count) { index in
            try head(of: documents[index].text, path: documents[index].path)
        }
        for outcome in heads {
            let manifest = try outcome.get()
            if manifest.isHook {
                // Helm drops documents whose hook list names an event it does not know.
                if manifest.hookEvents.allSatisfy(knownHookEvents.contains) { hooks.append(manifest) }
            } else {
                manifests.append(manifest)
            }
        }
        return (stableSorted(hooks), stableSorted(manifests))
    }

    /// Helm's SplitManifests: documents separated by lines starting with `---` (and the
    /// spaces or tabs after it), leading white space trimmed, blank documents dropped.
    public static func split(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        var pieces: [Range<Int>] = []
        // Go trims leading white space before splitting, so `  ---` at the very start separates too.
        var pieceStart = 0
        while pieceStart < bytes.count, [0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C].contains(bytes[pieceStart]) { pieceStart += 1 }
        var lineStart = pieceStart
        while lineStart < bytes.count {
            if lineStart + 3 <= bytes.count, bytes[lineStart] == 0x2D, bytes[lineStart + 1] == 0x2D, bytes[lineStart + 2] == 0x2D {
                pieces.append(pieceStart..<lineStart)
                var end = lineStart + 3
                while end < bytes.count, bytes[end] == 0x20 || bytes[end] == 0x09 { end += 1 }
                pieceStart = end
            }
            // Next line.
            var next = lineStart
            while next < bytes.count, bytes[next] != 0x0A { next += 1 }
            lineStart = next + 1
        }
        pieces.append(pieceStart..<bytes.count)
        var documents: [String] = []
        for piece in pieces {
            // Leading white space goes, trailing stays (as in Helm); nothing left means blank.
            let text = String(decoding: bytes[piece], as: UTF8.self)
            let scalars = text.unicodeScalars
            guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { continue }
            // Usually nothing to trim: keep the decoded text rather than copying it again.
            documents.append(first == scalars.startIndex ? text : String(scalars[first...]))
        }
        return documents
    }

    /// The top-level fields Helm's SimpleHead reads.
    static let headKeys: Set<String> = ["kind", "apiVersion", "metadata"]

    static func head(of document: String, path: String) throws -> RenderedManifest {
        // Plain documents with string fields: read straight from the text.
        if let quick = ManifestHead.read(document) {
            let hooks = quick.annotations?.last(where: { $0.key == "helm.sh/hook" })?.value
            return RenderedManifest(
                path: path, content: document, kind: quick.kind, apiVersion: quick.apiVersion,
                name: quick.name, hookEvents: hooks.map(hookEvents) ?? [])
        }
        let node: YAMLValue
        do {
            node = try YAML.parse(document, file: path, options: .helm, keepingOnly: headKeys)
        } catch let error as YAMLError {
            throw RenderError(
                message: "YAML parse error on \(path): error converting YAML to JSON: yaml: \(error.goYAMLText ?? error.message)")
        }
        func typeError(_ field: String, _ value: YAMLValue) -> RenderError {
            RenderError(
                message:
                    "YAML parse error on \(path): error unmarshaling JSON: while decoding JSON: json: cannot unmarshal \(jsonKind(value)) into Go struct field \(field) of type string"
            )
        }
        guard case .mapping(let map) = node else {
            if case .null = node {
                return RenderedManifest(path: path, content: document, kind: "", apiVersion: "", name: "", hookEvents: [])
            }
            throw RenderError(
                message:
                    "YAML parse error on \(path): error unmarshaling JSON: while decoding JSON: json: cannot unmarshal \(jsonKind(node)) into Go value of type util.SimpleHead"
            )
        }
        func string(_ value: YAMLValue?, _ field: String) throws -> String {
            switch value {
            case nil, .null?: return ""
            case .string(let s)?: return s
            case let other?: throw typeError(field, other)
            }
        }
        let kind = try string(map["kind"], "SimpleHead.kind")
        let apiVersion = try string(map["apiVersion"], "SimpleHead.apiVersion")
        var name = ""
        var events: [String] = []
        if case .mapping(let metadata)? = map["metadata"] {
            name = try string(metadata["name"], "SimpleHead.metadata.name")
            if case .mapping(let annotations)? = metadata["annotations"] {
                for (_, value) in annotations.entries { _ = try string(value, "SimpleHead.metadata.annotations") }
                if case .string(let hooks)? = annotations["helm.sh/hook"] { events = hookEvents(hooks) }
            }
        }
        return RenderedManifest(path: path, content: document, kind: kind, apiVersion: apiVersion, name: name, hookEvents: events)
    }

    /// The events of a `helm.sh/hook` annotation, as Helm reads them.
    static func hookEvents(_ hooks: String) -> [String] {
        hooks.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingWhitespaceSubstring().lowercased() }
    }

    private static func jsonKind(_ value: YAMLValue) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "bool"
        case .int, .float: return "number"
        case .string: return "string"
        case .sequence: return "array"
        case .mapping: return "object"
        }
    }

    /// Go's sort.SliceStable with Helm's lessByKind.
    static func stableSorted(_ items: [RenderedManifest]) -> [RenderedManifest] {
        var rank: [String: Int] = [:]
        for (index, kind) in installOrder.enumerated() { rank[kind] = index }
        let indexed = items.enumerated().map { ($0.offset, $0.element) }
        return indexed.sorted { lhs, rhs in
            let (a, b) = (lhs.1.kind, rhs.1.kind)
            let less: Bool
            switch (rank[a], rank[b]) {
            case let (x?, y?): less = x < y
            case (nil, nil): less = a != b && a.utf8.lexicographicallyPrecedes(b.utf8)
            case (nil, _?): less = false
            case (_?, nil): less = true
            }
            if less { return true }
            let greater: Bool
            switch (rank[b], rank[a]) {
            case let (x?, y?): greater = x < y
            case (nil, nil): greater = a != b && b.utf8.lexicographicallyPrecedes(a.utf8)
            case (nil, _?): greater = false
            case (_?, nil): greater = true
            }
            return greater ? false : lhs.0 < rhs.0
        }.map(\.1)
    }

    static func baseName(_ path: String) -> String { TemplateEngine.baseName(path) }
}

extension Substring {
    /// The text without leading and trailing whitespace.
    /// Go's strings.TrimSpace: Unicode white space off both ends, scanned by scalar so long
    /// texts cost only the white space removed.
    func trimmingWhitespaceSubstring() -> Substring {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].properties.isWhitespace { start = scalars.index(after: start) }
        while end > start, scalars[scalars.index(before: end)].properties.isWhitespace { end = scalars.index(before: end) }
        return Substring(scalars[start..<end])
    }
}
