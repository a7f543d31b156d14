#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import JSON
import YAML

/// One revision of a simulated release, as helm's release store keeps it: its status and
/// description, the manifest it applied (hooks left out) and the values it was given.
struct SimRevision: Codable, Sendable {
    var revision: Int
    var status: String
    var chartName: String
    var chartVersion: String
    var appVersion: String
    var updated: Date
    var description: String
    var manifest: String
    var valuesText: String
}

extension SimRelease {
    /// The revisions, oldest first (a release saved before revisions were kept has its current one only).
    var history: [SimRevision] {
        if let revisions, !revisions.isEmpty { return revisions }
        return [
            SimRevision(
                revision: revision, status: status, chartName: chartName, chartVersion: chartVersion,
                appVersion: appVersion, updated: updated, description: "Install complete", manifest: "",
                valuesText: valuesText)
        ]
    }

    /// Adds the release's current revision (its number, chart and values as they are now) to the history.
    mutating func recordRevision(status: String, description: String, manifest: String) {
        var list = history.filter { $0.revision != revision }
        list.append(
            SimRevision(
                revision: revision, status: status, chartName: chartName, chartVersion: chartVersion,
                appVersion: appVersion, updated: updated, description: description, manifest: manifest,
                valuesText: valuesText))
        revisions = list
        self.status = status
    }

    /// Settles the newest revision: `deployed` supersedes every revision deployed before it, as helm does.
    mutating func settle(status: String, description: String) {
        var list = history
        guard let last = list.indices.last else { return }
        list[last].status = status
        list[last].description = description
        if status == "deployed" {
            for i in list.indices.dropLast() where list[i].status == "deployed" { list[i].status = "superseded" }
        }
        revisions = list
        self.status = status
    }
}

/// `helm history`, `helm get manifest|values [--revision N]` and `helm rollback` as the simulation answers them.
extension SimState {
    func release(_ a: SimulatedArguments, at index: Int) -> SimRelease? {
        let namespace = a.value("namespace") ?? "default"
        guard a.positionals.count > index else { return nil }
        return releases.first { $0.name == a.positionals[index] && $0.namespace == namespace }
    }

    /// `helm get manifest NAME` and `helm get values NAME`, optionally `--revision N`.
    func helmGet(_ a: SimulatedArguments) -> SimOutput {
        let words = a.positionals
        guard words.count >= 3, words[1] == "values" || words[1] == "manifest" else {
            return .fail("Error: the simulated helm answers \"helm get values|manifest RELEASE\" only")
        }
        guard let r = release(a, at: 2) else { return .fail("Error: release: not found") }
        var revision = r.history.last
        if let wanted = a.value("revision") {
            guard let number = Int(wanted) else {
                return .fail(
                    "Error: invalid argument \"\(wanted)\" for \"--revision\" flag: strconv.ParseInt: parsing \"\(wanted)\": invalid syntax"
                )
            }
            revision = r.history.first { $0.revision == number }
        }
        guard let revision else { return .fail("Error: release: not found") }
        if words[1] == "manifest" { return SimOutput(stdout: revision.manifest) }
        let values = revision.valuesText
        let text = values.isEmpty ? "{}\n" : (values.hasSuffix("\n") ? values : values + "\n")
        return SimOutput(stdout: a.value("output") == "yaml" ? text : "USER-SUPPLIED VALUES:\n" + text)
    }

    /// `helm history NAME [-o json]`.
    func helmHistory(_ a: SimulatedArguments) -> SimOutput {
        guard a.positionals.count >= 2 else {
            return .fail("Error: \"helm history\" requires 1 argument\n\nUsage:  helm history RELEASE_NAME [flags]")
        }
        guard let r = release(a, at: 1) else { return .fail("Error: release: not found") }
        var shown = r.history
        if let max = a.value("max").flatMap(Int.init), max > 0, shown.count > max { shown = Array(shown.suffix(max)) }
        guard a.value("output") == "json" else {
            var out = "REVISION\tUPDATED                 \tSTATUS    \tCHART        \tAPP VERSION\tDESCRIPTION     \n"
            for v in shown {
                out +=
                    "\(v.revision)       \t\(KubeTimeText.ansic(v.updated))\t\(v.status)\t\(v.chartName)-\(v.chartVersion)\t\(v.appVersion)\t\(v.description)\n"
            }
            return SimOutput(stdout: out)
        }
        // helm prints its structs' fields in declaration order, on one line.
        let items = shown.map { v -> JSONValue in
            .object([
                "revision": .int(Int64(v.revision)), "updated": .string(KubeTimeText.seconds(v.updated)), "status": .string(v.status),
                "chart": .string("\(v.chartName)-\(v.chartVersion)"), "app_version": .string(v.appVersion),
                "description": .string(v.description),
            ])
        }
        return SimOutput(stdout: JSONValue.array(items).text(JSONWriter.Style(sortKeys: false)) + "\n")
    }

    /// `helm rollback NAME [REVISION]`: the revision's manifest applied again as a new revision
    /// (objects it does not have are deleted); changes the API server refuses fail it as they fail an upgrade.
    mutating func helmRollback(_ a: SimulatedArguments) -> SimOutput {
        let words = a.positionals
        guard words.count >= 2 else {
            return .fail("Error: \"helm rollback\" requires at least 1 argument\n\nUsage:  helm rollback <RELEASE> [REVISION] [flags]")
        }
        let namespace = a.value("namespace") ?? "default"
        guard let index = releases.firstIndex(where: { $0.name == words[1] && $0.namespace == namespace }) else {
            return .fail("Error: release: not found")
        }
        let history = releases[index].history
        var wanted = history.count >= 2 ? history[history.count - 2].revision : 0
        if words.count >= 3 {
            guard let number = Int(words[2]) else {
                return .fail("Error: invalid revision number \"\(words[2])\": strconv.Atoi: parsing \"\(words[2])\": invalid syntax")
            }
            if number > 0 { wanted = number }
        }
        guard let target = history.first(where: { $0.revision == wanted }) else { return .fail("Error: release: not found") }
        let manifests: [JSONValue]
        do {
            manifests = try YAML.parseDocuments(target.manifest, file: "release manifest", options: .helm)
                .filter { $0 != .null }.map(JSONValue.init)
        } catch {
            return .fail("Error: \(error)")
        }
        let t = now
        releases[index].revision += 1
        releases[index].updated = t
        releases[index].chartName = target.chartName
        releases[index].chartVersion = target.chartVersion
        releases[index].appVersion = target.appVersion
        releases[index].valuesText = target.valuesText
        let current = self
        if let refusal = manifests.lazy.compactMap({ current.forbiddenChange($0, namespace: namespace) }).first {
            releases[index].recordRevision(
                status: "failed", description: "Rollback \"\(words[1])\" failed: \(refusal)",
                manifest: target.manifest)
            return .fail("Error: \(refusal)")
        }
        var keys: [ObjectKey] = []
        for m in manifests { if let k = apply(m, namespace: namespace, release: words[1], at: t) { keys.append(k) } }
        for old in releases[index].objects where !keys.contains(old) { delete(old) }
        releases[index].objects = keys
        releases[index].recordRevision(status: "pending-rollback", description: "Rollback to \(wanted)", manifest: target.manifest)
        releases[index].settle(status: "deployed", description: "Rollback to \(wanted)")
        return SimOutput(stdout: "Rollback was a success! Happy Helming!\n")
    }
}
