import GoTemplate

/// What `helm template` is asked to do.
public struct HelmTemplateOptions: Sendable {
    /// Release name (`helm template` uses `release-name` when none is given).
    public var releaseName = "release-name"
    /// Namespace (`-n`).
    public var namespace = "default"
    /// Values files, merged in order (`-f`), as (name for messages, text).
    public var valueFiles: [(name: String, text: String)] = []
    /// `--set` assignments, in order.
    public var set: [String] = []
    /// `--set-string` assignments, in order.
    public var setString: [String] = []
    /// `--kube-version`.
    public var kubeVersion: String?
    /// `--api-versions`.
    public var apiVersions: [String] = []
    /// `--include-crds`.
    public var includeCRDs = false
    /// `--skip-tests`.
    public var skipTests = false
    /// `--is-upgrade`.
    public var isUpgrade = false
    /// `--show-only` patterns.
    public var showOnly: [String] = []
    /// `--debug`: errors without the "Use --debug flag" hint, and invalid manifests printed as rendered.
    public var debug = false
    /// Receives what the render builds (the chart's copy, parsed templates, values), for a
    /// process that prints the result and exits without freeing them one by one.
    public var keepAlive: KeptAlive?

    /// Helm's defaults.
    public init() {}
}

/// What a render produced: the text `helm template` prints, the chart's notes, warnings.
public struct HelmTemplateResult: Sendable {
    /// stdout of `helm template`.
    public let output: String
    /// The rendered NOTES.txt of the top chart.
    public let notes: String
    /// The manifests and hooks, for preflight checks.
    public let manifests: [RenderedManifest]
    /// Warnings Helm would log.
    public let warnings: [String]
}

/// `helm template`, in process: values, dependencies, render, sort, print.
public enum HelmTemplate {
    /// What `helm template` adds to errors raised once the release exists (rendering onwards).
    static let debugHint = "\n\nUse --debug flag to render out invalid YAML"

    /// Renders `chart` as `helm template NAME CHART` with `options` would.
    /// The caller's chart is left as it was: the render works on its own copy.
    public static func run(chart loaded: Chart, options: HelmTemplateOptions, engine: TemplateEngine = TemplateEngine()) throws
        -> HelmTemplateResult
    {
        let chart = loaded.copyForRender()
        options.keepAlive?.keep(chart)
        let debugHint = options.debug ? "" : Self.debugHint
        var warnings: [String] = []
        let userValues = try userSuppliedValues(options)
        options.keepAlive?.keep(userValues)

        if !chart.metadata.type.isEmpty && chart.metadata.type != "application" {
            throw RenderError(message: "\(chart.metadata.type) charts are not installable")
        }
        let missing = DependencyProcessing.missingDependencies(chart)
        if !missing.isEmpty {
            throw RenderError(
                message:
                    "an error occurred while checking for chart dependencies. You may need to run 'helm dependency build' to fetch missing dependencies: found in Chart.yaml, but missing in charts/ directory: \(missing.joined(separator: ", "))"
            )
        }
        DependencyProcessing.process(chart, values: userValues, isCompatible: SemverCompatibility.isCompatible, warnings: &warnings)

        var kubeVersion = KubeVersion.helmDefault
        if let requested = options.kubeVersion {
            do { kubeVersion = try KubeVersion.parse(requested) } catch {
                throw RenderError(message: "\(error)")
            }
        }
        let capabilities = Capabilities(kubeVersion: kubeVersion, extraAPIVersions: options.apiVersions)
        let values = ValuesCoalescing.coalesce(chart: chart, values: userValues, warnings: &warnings)
        if let problems = SchemaValidation.validate(chart: chart, values: values) {
            throw RenderError(message: "values don't meet the specifications of the schema(s) in the following chart(s):\n" + problems)
        }
        if !chart.metadata.kubeVersion.isEmpty,
            !SemverCompatibility.isCompatible(chart.metadata.kubeVersion, kubeVersion.version)
        {
            throw RenderError(
                message:
                    "chart requires kubeVersion: \(chart.metadata.kubeVersion) which is incompatible with Kubernetes \(kubeVersion.version)"
                    + debugHint)
        }
        let top = ValueMap([
            "Values": .map(values),
            "Release": .map(
                ValueMap([
                    "Name": .string(options.releaseName), "Namespace": .string(options.namespace),
                    "IsUpgrade": .bool(options.isUpgrade), "IsInstall": .bool(!options.isUpgrade),
                    "Revision": .int(1), "Service": .string("Helm"),
                ])),
            "Capabilities": .object(capabilities),
            "Chart": .map(chart.metadata.templateMap(isRoot: true)),
        ])
        var files: [String: String]
        do {
            options.keepAlive?.keep(top)
            files = try LargeStack.run { try engine.render(chart: chart, values: top, keepAlive: options.keepAlive) }
        } catch let error as RenderError {
            throw RenderError(message: error.message + debugHint)
        }

        var notes = ""
        let notesPath = chart.name + "/templates/NOTES.txt"
        for path in files.keys.sorted() where path.hasSuffix("NOTES.txt") {
            if path == notesPath { notes = files[path] ?? "" }
            files[path] = nil
        }
        let (hooks, manifests): ([RenderedManifest], [RenderedManifest])
        do {
            (hooks, manifests) = try ManifestSorter.sort(files)
        } catch let error as RenderError {
            // As Helm's install action: the files as rendered, so --debug shows the invalid YAML.
            let rendered = files.keys.sorted().compactMap { path -> String? in
                guard let content = files[path], !content.trimmingWhitespace().isEmpty else { return nil }
                return "---\n# Source: \(path)\n\(content)\n"
            }.joined()
            throw RenderError(message: error.message + debugHint, renderedOutput: options.debug ? rendered : nil)
        }

        options.keepAlive?.keep(files)
        // One buffer of the right size, trimmed in place: the output is the largest thing held.
        var output = ""
        output.reserveCapacity((manifests + hooks).reduce(64) { $0 + $1.path.utf8.count + $1.content.utf8.count + 16 })
        if options.includeCRDs {
            for crd in chart.crdObjects { output += "---\n# Source: \(crd.path)\n\(crd.file.text)\n" }
        }
        for manifest in manifests { output += "---\n# Source: \(manifest.path)\n\(manifest.content)\n" }
        // Go's strings.TrimSpace: the text starts with `---` when there is any, so only its end needs trimming.
        while let last = output.unicodeScalars.last, last.properties.isWhitespace { output.unicodeScalars.removeLast() }
        output += "\n"
        for hook in hooks where !(options.skipTests && hook.isTestHook) {
            output += "---\n# Source: \(hook.path)\n\(hook.content)\n"
        }
        if !options.showOnly.isEmpty { output = try showOnly(output, patterns: options.showOnly) }
        return HelmTemplateResult(output: output, notes: notes, manifests: manifests + hooks, warnings: warnings + engine.warnings)
    }

    /// The user's values: `-f` files merged in order, then `--set`, then `--set-string`.
    public static func userSuppliedValues(_ options: HelmTemplateOptions) throws -> ValueMap {
        var base = ValueMap()
        for file in options.valueFiles {
            let map: ValueMap
            do { map = try ValueConversion.valuesMap(file.text, file: file.name) } catch {
                throw RenderError(message: "failed to parse \(file.name): \(error)")
            }
            base = ValuesCoalescing.merge(base, map)
        }
        for assignment in options.set {
            do { try SetValues.parse(assignment, into: base) } catch {
                throw RenderError(message: "failed parsing --set data: \(error)")
            }
        }
        for assignment in options.setString {
            do { try SetValues.parse(assignment, into: base, stringsOnly: true) } catch {
                throw RenderError(message: "failed parsing --set-string data: \(error)")
            }
        }
        return base
    }

    /// `--show-only`: the documents whose template path (after the chart name) matches a pattern.
    static func showOnly(_ output: String, patterns: [String]) throws -> String {
        let documents = ManifestSorter.split(output)
        var selected: [String] = []
        for pattern in patterns {
            let glob = try? GoGlob(pattern)
            var found = false
            for document in documents {
                guard let path = sourcePath(document), glob?.matches(path) == true else { continue }
                selected.append(document)
                found = true
            }
            if !found { throw RenderError(message: "could not find template \(pattern) in chart") }
        }
        return selected.map { "---\n\($0)\n" }.joined()
    }

    /// The path after `# Source: CHART/` in a document, as Helm's `--show-only` reads it.
    static func sourcePath(_ document: String) -> String? {
        guard let marker = document.firstRange(of: "# Source: ") else { return nil }
        let rest = document[marker.upperBound...]
        guard let slash = rest.firstIndex(of: "/"), slash > rest.startIndex else { return nil }
        let afterChart = rest[rest.index(after: slash)...]
        let path = afterChart.prefix { $0 != "\n" }
        return path.isEmpty ? nil : String(path)
    }
}
