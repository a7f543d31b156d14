import GoTemplate

/// A loaded chart: metadata, default values, templates, CRDs, other files and subcharts.
public final class Chart: CoalescibleChart, @unchecked Sendable {
    /// Chart.yaml.
    public let metadata: ChartMetadata
    /// values.yaml (numbers as float64, as Helm reads them).
    public let values: ValueMap
    /// values.schema.json text, when present.
    public let schema: String?
    /// Files under templates/ (partials included; `_` files are not rendered).
    public let templates: [ChartFile]
    /// Files under crds/.
    public let crds: [ChartFile]
    /// Every other file, for `.Files`.
    public let files: [ChartFile]
    /// Subcharts found under charts/ (directories and .tgz archives).
    public private(set) var dependencies: [Chart]
    /// The name the parent uses for this chart (an alias, or the chart name).
    public var aliasName: String?

    init(metadata: ChartMetadata, values: ValueMap, schema: String?, templates: [ChartFile], crds: [ChartFile],
         files: [ChartFile], dependencies: [Chart]) {
        self.metadata = metadata
        self.values = values
        self.schema = schema
        self.templates = templates
        self.crds = crds
        self.files = files
        self.dependencies = dependencies
    }

    /// The chart's name as seen by its parent.
    public var name: String { aliasName ?? metadata.name }

    /// Coalescing name.
    public var coalesceName: String { name }
    /// Coalescing defaults.
    public var defaultValues: ValueMap { values }
    /// Coalescing subcharts.
    public var subcharts: [any CoalescibleChart] { dependencies }

    /// Replaces the subcharts (after conditions, tags and aliases are applied).
    public func setDependencies(_ charts: [Chart]) { dependencies = charts }
}
