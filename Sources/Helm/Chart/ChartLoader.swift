import GoTemplate
import YAML

/// Builds a `Chart` from a directory or a `.tgz`, with its subcharts under charts/.
public enum ChartLoader {
    /// Loads the chart at `path` (a directory or a gzipped tar archive).
    public static func load(path: String) throws -> Chart {
        let isDirectory = FileInfo(path: path)?.isDirectory ?? false
        if isDirectory {
            return try load(files: try ChartDirectoryReader.read(directory: path), source: path)
        }
        guard FileInfo(path: path) != nil else {
            throw ChartLoadError(source: path, message: "path \"\(path)\" not found")
        }
        let bytes = try ChartDirectoryReader.readBytes(path, source: path)
        return try load(files: try ChartArchiveReader.read(bytes, source: path), source: path)
    }

    /// Assembles a chart from its files (paths relative to the chart root).
    public static func load(files: [ChartFile], source: String) throws -> Chart {
        try load(files: files, source: source, parallel: true)
    }

    /// What one piece of a chart's loading gives: its values or one of its subcharts.
    private enum Piece {
        case values(ValueMap)
        case chart(Chart)
    }

    /// `parallel`: read values.yaml and load the subcharts side by side (the chart being
    /// loaded does; its subcharts load theirs in the same thread). Errors come in the order
    /// of loading one piece after another: values.yaml, then subcharts in order.
    private static func load(files: [ChartFile], source: String, parallel: Bool) throws -> Chart {
        guard let chartFile = files.first(where: { $0.path == "Chart.yaml" }) else {
            throw ChartLoadError(source: source, message: "Chart.yaml file is missing")
        }
        var metadata = try ChartMetadata(yaml: chartFile.text, source: source + "/Chart.yaml")
        if let requirements = files.first(where: { $0.path == "requirements.yaml" }) {
            // apiVersion v1 charts list their dependencies in requirements.yaml; Helm reads it for v2 too.
            let node = try YAML.parse(requirements.text, file: source + "/requirements.yaml", options: .helm)
            if case .mapping(let map) = node { metadata.dependencies = ChartMetadata.dependencies(from: map["dependencies"]) }
        }
        let valuesFile = files.first(where: { $0.path == "values.yaml" })
        let schema = files.first(where: { $0.path == "values.schema.json" })?.text
        var templates: [ChartFile] = []
        var crds: [ChartFile] = []
        var others: [ChartFile] = []
        var subchartFiles: [String: [ChartFile]] = [:]
        var subchartArchives: [ChartFile] = []
        for file in files {
            if file.path.hasPrefix("templates/") {
                templates.append(file)
            } else if file.path.hasPrefix("crds/") {
                crds.append(file)
                others.append(file)
            } else if file.path.hasPrefix("charts/") {
                let rest = file.path.dropFirst("charts/".count)
                if rest.hasSuffix(".prov") {
                    others.append(file)
                } else if rest.hasPrefix("_") || rest.hasPrefix(".") {
                    continue  // Helm ignores charts/_x and charts/.x
                } else if let slash = rest.firstIndex(of: "/") {
                    let name = String(rest[..<slash])
                    subchartFiles[name, default: []].append(ChartFile(path: String(rest[rest.index(after: slash)...]), data: file.data))
                } else if rest.hasSuffix(".tgz") || rest.hasSuffix(".tar.gz") {
                    subchartArchives.append(file)
                } else {
                    others.append(file)
                }
            } else if !["Chart.yaml", "values.yaml", "values.schema.json", "Chart.lock"].contains(file.path)
                && !(["requirements.yaml", "requirements.lock"].contains(file.path) && metadata.apiVersion != "v1")
            {
                others.append(file)
            }
        }
        var pieces: [() throws -> Piece] = [
            {
                guard let valuesFile else { return .values(ValueMap()) }
                return .values(try ValueConversion.valuesMap(valuesFile.text, file: source + "/values.yaml"))
            }
        ]
        for name in subchartFiles.keys.sorted() {
            guard let group = subchartFiles[name], group.contains(where: { $0.path == "Chart.yaml" }) else { continue }
            pieces.append { .chart(try load(files: group, source: source + "/charts/" + name, parallel: false)) }
        }
        for archive in subchartArchives {
            let archiveSource = source + "/" + archive.path
            pieces.append {
                .chart(
                    try load(
                        files: try ChartArchiveReader.read(archive.data, source: archiveSource), source: archiveSource, parallel: false))
            }
        }
        let loaded = parallel ? ParallelWork.map(pieces.count) { try pieces[$0]() } : pieces.map { piece in Result { try piece() } }
        var values = ValueMap()
        var dependencies: [Chart] = []
        for outcome in loaded {
            switch try outcome.get() {
            case .values(let map): values = map
            case .chart(let chart): dependencies.append(chart)
            }
        }
        return Chart(
            metadata: metadata, values: values, schema: schema, templates: templates, crds: crds,
            files: others, dependencies: dependencies)
    }
}
