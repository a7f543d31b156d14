#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GoTemplate
import Helm
import JSON
import YAML

/// helm v3 as the simulation answers it: repositories, releases and their status text.
extension SimState {
    static let helmValueFlags: [String: String] = [
        "-f": "values", "--values": "values", "--timeout": "timeout", "--namespace": "namespace", "-n": "namespace",
        "--version": "version", "--kube-context": "kube-context", "--kubeconfig": "kubeconfig", "--set": "set",
        "--set-string": "set-string", "-o": "output", "--output": "output", "--revision": "revision", "--max": "max",
    ]
    static let helmSwitches: [String: String] = [
        "--create-namespace": "create-namespace", "--wait": "wait", "--wait-for-jobs": "wait", "--atomic": "atomic",
        "--install": "install", "-i": "install", "--reuse-values": "reuse-values", "--short": "short", "--debug": "debug",
        "--force-update": "force-update", "--all-namespaces": "all", "-A": "all", "--keep-history": "keep-history",
    ]

    static let helmVersion = "v3.16.3+gcfd0749"

    /// The quick helm commands (everything except install and upgrade, which wait).
    mutating func helmQuick(_ a: SimulatedArguments) -> SimOutput {
        let words = a.positionals
        let namespace = a.value("namespace") ?? "default"
        switch words.first {
        case "version":
            return SimOutput(
                stdout: a.has("short")
                    ? Self.helmVersion + "\n"
                    : "version.BuildInfo{Version:\"v3.16.3\", GitCommit:\"cfd07493f46efc9debd9cc1b02a0961186df7fdf\", GitTreeState:\"clean\", GoVersion:\"go1.22.7\"}\n"
            )
        case "repo":
            switch words.dropFirst().first {
            case "add":
                guard words.count == 4 else {
                    return .fail("Error: \"helm repo add\" requires 2 arguments\n\nUsage:  helm repo add [NAME] [URL] [flags]")
                }
                if let existing = repositories[words[2]] {
                    if existing == words[3] {
                        return SimOutput(stdout: "\"\(words[2])\" already exists with the same configuration, skipping\n")
                    }
                    return .fail("Error: repository name (\(words[2])) already exists, please specify a different name")
                }
                repositories[words[2]] = words[3]
                return SimOutput(stdout: "\"\(words[2])\" has been added to your repositories\n")
            case "update":
                if repositories.isEmpty { return .fail("Error: no repositories found. You must add one before updating") }
                var out = "Hang tight while we grab the latest from your chart repositories...\n"
                for name in repositories.keys.sorted() { out += "...Successfully got an update from the \"\(name)\" chart repository\n" }
                return SimOutput(stdout: out + "Update Complete. ⎈Happy Helming!⎈\n")
            default:
                return .fail("Error: unknown command \"\(words.dropFirst().first ?? "")\" for \"helm repo\"")
            }
        case "list", "ls":
            let shown = releases.filter { a.has("all") || $0.namespace == namespace }.sorted { $0.name < $1.name }
            guard a.value("output") == "json" else {
                var out = "NAME\tNAMESPACE\tREVISION\tUPDATED\tSTATUS\tCHART\tAPP VERSION\n"
                for r in shown {
                    out +=
                        "\(r.name)\t\(r.namespace)\t\(r.revision)\t\(KubeTimeText.goDefault(r.updated))\t\(r.status)\t\(r.chartName)-\(r.chartVersion)\t\(r.appVersion)\n"
                }
                return SimOutput(stdout: out)
            }
            // helm prints its structs' fields in declaration order, on one line.
            let items = shown.map { r -> JSONValue in
                .object([
                    "name": .string(r.name), "namespace": .string(r.namespace), "revision": .string(String(r.revision)),
                    "updated": .string(KubeTimeText.goDefault(r.updated)), "status": .string(r.status),
                    "chart": .string("\(r.chartName)-\(r.chartVersion)"), "app_version": .string(r.appVersion),
                ])
            }
            return SimOutput(stdout: JSONValue.array(items).text(JSONWriter.Style(sortKeys: false)) + "\n")
        case "status":
            guard words.count >= 2 else {
                return .fail("Error: \"helm status\" requires 1 argument\n\nUsage:  helm status RELEASE_NAME [flags]")
            }
            guard let r = releases.first(where: { $0.name == words[1] && $0.namespace == namespace }) else {
                return .fail("Error: release: not found")
            }
            return SimOutput(stdout: statusText(r))
        case "get":
            return helmGet(a)
        case "history", "hist":
            return helmHistory(a)
        case "rollback":
            return helmRollback(a)
        case "uninstall", "delete", "un", "del":
            guard words.count >= 2 else {
                return .fail("Error: \"helm uninstall\" requires at least 1 argument\n\nUsage:  helm uninstall RELEASE_NAME [...] [flags]")
            }
            guard let i = releases.firstIndex(where: { $0.name == words[1] && $0.namespace == namespace }) else {
                return .fail("Error: uninstall: Release not loaded: \(words[1]): release: not found")
            }
            let r = releases.remove(at: i)
            for key in r.objects.reversed() { delete(key) }
            return SimOutput(stdout: "release \"\(r.name)\" uninstalled\n")
        case nil:
            return .fail("Error: the simulated helm needs a command")
        case let other?:
            return .fail("Error: unknown command \"\(other)\" for \"helm\"\nRun 'helm --help' for usage.")
        }
    }

    /// helm's status block (also printed after install and upgrade).
    func statusText(_ r: SimRelease) -> String {
        var out =
            "NAME: \(r.name)\nLAST DEPLOYED: \(KubeTimeText.ansic(r.updated))\nNAMESPACE: \(r.namespace)\nSTATUS: \(r.status)\nREVISION: \(r.revision)\nTEST SUITE: None\n"
        if !r.notes.isEmpty { out += "NOTES:\n" + r.notes + (r.notes.hasSuffix("\n") ? "" : "\n") }
        return out
    }

    /// What helm waits for after creating the objects: Jobs (as the chart's hooks), and with `--wait`
    /// every workload and LoadBalancer Service. Returns nil while waiting, else the failure (empty: done).
    func waitVerdict(namespace: String, allWorkloads: Bool) -> String? {
        let mine = workloads.filter { $0.meta.namespace == namespace }
        if mine.contains(where: { $0.kind == .job && $0.failedAt != nil }) { return "job failed: BackoffLimitExceeded" }
        guard mine.filter({ $0.kind == .job }).allSatisfy({ $0.completionTime != nil }) else { return nil }
        if allWorkloads {
            for w in mine where w.kind != .job {
                let ready = pods.filter { $0.meta.owner?.uid == ownerUID(w) && $0.isReady }.count
                if ready < w.replicas { return nil }
            }
            if services.contains(where: { $0.meta.namespace == namespace && $0.type == "LoadBalancer" && $0.address == nil }) { return nil }
        }
        return ""
    }
}

/// The chart helm installs in the simulation: the stand-in chart embedded from `profiles/`.
enum SimulatedChart {
    /// Loads the embedded stand-in chart (`profiles/standin-chart/posthog`).
    static func standIn() throws -> Chart {
        try ChartLoader.load(files: ResolvedChart.standinFiles(), source: "posthog")
    }

    /// Renders the chart's manifests for a release, as helm's install/upgrade would.
    static func render(
        chart: Chart, release: String, namespace: String, valueFiles: [(String, String)],
        set: [String], setString: [String], kubeVersion: String, isUpgrade: Bool,
        cluster: SimState? = nil
    ) throws -> (manifests: [JSONValue], notes: String, manifestText: String) {
        var options = HelmTemplateOptions()
        options.releaseName = release
        options.namespace = namespace
        options.valueFiles = valueFiles.map { (name: $0.0, text: $0.1) }
        options.set = set
        options.setString = setString
        options.kubeVersion = kubeVersion
        options.isUpgrade = isUpgrade
        var engine = TemplateEngine()
        if let cluster {
            // helm install/upgrade answer `lookup` from the cluster (the chart keeps its generated secrets that way).
            engine.lookup = { apiVersion, kind, namespace, name in
                cluster.lookup(apiVersion: apiVersion, kind: kind, namespace: namespace, name: name)
            }
        }
        let result = try HelmTemplate.run(chart: chart, options: options, engine: engine)
        var manifests: [JSONValue] = []
        // What `helm get manifest` prints later: the release's documents without its hooks.
        var text = ""
        for m in result.manifests {
            for doc in try YAML.parseDocuments(m.content, file: m.path, options: .helm) where doc != .null {
                manifests.append(JSONValue(doc))
            }
            if !m.isHook { text += "---\n# Source: \(m.path)\n" + m.content + (m.content.hasSuffix("\n") ? "" : "\n") }
        }
        return (manifests, result.notes, text)
    }
}

/// Helm's `lookup` answered from the simulation's objects.
extension SimState {
    /// The object (or, with an empty name, the typed list) as the API server has it; `{}` when there is none.
    func lookup(apiVersion: String, kind: String, namespace: String, name: String) -> ValueMap {
        guard let type = Self.resourceTypes.values.first(where: { $0.kind == kind }) else { return ValueMap() }
        let items = objects(of: kind, namespace: type.namespaced && !namespace.isEmpty ? namespace : nil)
        if name.isEmpty {
            let list: JSONValue = .object([
                "apiVersion": .string(apiVersion), "kind": .string(kind + "List"), "items": .array(items),
                "metadata": .object(["resourceVersion": .string("")]),
            ])
            return list.templateMap
        }
        return items.first { $0["metadata"]?["name"]?.stringValue == name }?.templateMap ?? ValueMap()
    }
}

extension JSONValue {
    /// As a template sees an unstructured object: whole numbers as int64.
    var templateValue: Value {
        switch self {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .number(let n): return n.int64Value.map(Value.int64) ?? .float(n.value)
        case .string(let s): return .string(s)
        case .array(let items): return .list(items.map(\.templateValue))
        case .object(let members):
            return .map(ValueMap(Dictionary(uniqueKeysWithValues: members.entries.map { ($0.key, $0.value.templateValue) })))
        }
    }

    /// An object as a template map (empty for anything else).
    var templateMap: ValueMap {
        if case .map(let map) = templateValue { return map }
        return ValueMap()
    }
}
