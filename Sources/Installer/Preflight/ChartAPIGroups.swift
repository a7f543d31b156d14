import Helm
import YAML

/// The API groups a chart brings with it: its CustomResourceDefinitions (crds/ files of the
/// chart and its subcharts, and CRD objects among its rendered templates).
public enum ChartAPIGroups {
    /// The groups defined by `chart` and `manifests`.
    public static func defined(by chart: Chart, manifests: [RenderedManifest]) -> Set<String> {
        var groups: Set<String> = []
        for (path, file) in chart.crdObjects {
            collect(String(decoding: file.data, as: UTF8.self), file: path, into: &groups)
        }
        for manifest in manifests where manifest.kind == "CustomResourceDefinition" {
            collect(manifest.content, file: manifest.path, into: &groups)
        }
        return groups
    }

    /// The objects of a render, by API version, kind and name (hooks included: they are created too).
    public static func objects(in manifests: [RenderedManifest]) -> [RenderedObjectRef] {
        manifests.filter { !$0.kind.isEmpty && !$0.isTestHook }
            .map { RenderedObjectRef(apiVersion: $0.apiVersion, kind: $0.kind, name: $0.name) }
    }

    private static func collect(_ text: String, file: String, into groups: inout Set<String>) {
        guard let docs = try? YAML.parseDocuments(text, file: file, options: .helm) else { return }
        for doc in docs where doc["kind"]?.stringValue == "CustomResourceDefinition" {
            if let group = doc["spec"]?["group"]?.stringValue { groups.insert(group) }
        }
    }
}
