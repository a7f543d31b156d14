import GoTemplate

/// A loaded chart: metadata, default values, templates, CRDs, other files and subcharts.
///
/// Sendable unchecked: only dependency processing changes a chart (aliases, conditions,
/// import-values), and it works on the copy each render makes (`copyForRender`). A loaded
/// chart therefore stays as it was loaded and may be rendered from several tasks at once.
public final class Chart: CoalescibleChart, @unchecked Sendable {
    /// Chart.yaml (an alias replaces `name` once dependencies are processed, as in Helm).
    public internal(set) var metadata: ChartMetadata
    /// values.yaml (numbers as float64, as Helm reads them); import-values may extend it.
    public internal(set) var values: ValueMap
    /// values.schema.json text, when present.
    public let schema: String?
    /// Files under templates/ (partials included; `_` files are not rendered).
    public let templates: [ChartFile]
    /// Files under crds/.
    public let crds: [ChartFile]
    /// Every other file, for `.Files` (crds/ included, as Helm does).
    public let files: [ChartFile]
    /// Subcharts found under charts/ (directories and .tgz archives).
    public private(set) var dependencies: [Chart]
    /// The chart that holds this one under charts/; nil for the chart being installed.
    public private(set) weak var parent: Chart?

    init(metadata: ChartMetadata, values: ValueMap, schema: String?, templates: [ChartFile], crds: [ChartFile],
         files: [ChartFile], dependencies: [Chart]) {
        self.metadata = metadata
        self.values = values
        self.schema = schema
        self.templates = templates
        self.crds = crds
        self.files = files
        self.dependencies = dependencies
        for dependency in dependencies { dependency.parent = self }
    }

    /// The chart's name (the alias when the parent gives one).
    public var name: String { metadata.name }

    /// Whether this is the chart being installed rather than a subchart.
    public var isRoot: Bool { parent == nil }

    /// Helm's ChartFullPath: `posthog/charts/redis` for a subchart.
    public var fullPath: String {
        guard let parent else { return name }
        return parent.fullPath + "/charts/" + name
    }

    /// Coalescing name.
    public var coalesceName: String { name }
    /// Coalescing defaults.
    public var defaultValues: ValueMap { values }
    /// Coalescing subcharts.
    public var subcharts: [any CoalescibleChart] { dependencies }

    /// Replaces the subcharts (after conditions, tags and aliases are applied). Internal:
    /// only dependency processing calls it, on the copy a render makes (`copyForRender`).
    func setDependencies(_ charts: [Chart]) {
        dependencies = charts
        for chart in charts { chart.parent = self }
    }

    /// A copy of the whole tree for one render to change: its own metadata, values (copied all
    /// the way down, since templates may `set` into them) and subcharts; files are shared, being
    /// immutable. Dependency processing and coalescing then never touch the caller's chart.
    func copyForRender() -> Chart {
        Chart(metadata: metadata, values: ValuesCoalescing.deepCopy(values), schema: schema, templates: templates,
              crds: crds, files: files, dependencies: dependencies.map { $0.copyForRender() })
    }

    /// A shallow copy with its own metadata and a copy of each subchart (Helm's alias handling).
    func copyForAlias() -> Chart {
        let copy = Chart(metadata: metadata, values: values, schema: schema, templates: templates, crds: crds,
                         files: files, dependencies: dependencies.map { $0.shallowCopy() })
        return copy
    }

    private func shallowCopy() -> Chart {
        Chart(metadata: metadata, values: values, schema: schema, templates: templates, crds: crds,
              files: files, dependencies: dependencies)
    }

    /// CRD files of this chart and its subcharts, named by their path in the release.
    public var crdObjects: [(path: String, file: ChartFile)] {
        var result = crds.filter { $0.path.hasSuffix(".yaml") || $0.path.hasSuffix(".yml") || $0.path.hasSuffix(".json") }
            .map { (path: fullPath + "/" + $0.path, file: $0) }
        for dependency in dependencies { result += dependency.crdObjects }
        return result
    }
}
