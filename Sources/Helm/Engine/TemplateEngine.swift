import GoTemplate

/// Helm's template engine: every template of a chart and its subcharts parsed into one
/// set, then each non-partial file executed with its own chart's scope.
public struct TemplateEngine {
    /// Fail on values that are not there (`helm template --strict`-like); Helm's default is off.
    public var strict = false
    /// Lint mode: `required` and `fail` only warn.
    public var lintMode = false
    /// Answers `lookup`; without one, `lookup` returns an empty map as `helm template` does.
    public var lookup: (@Sendable (_ apiVersion: String, _ kind: String, _ namespace: String, _ name: String) throws -> ValueMap)?
    /// Messages Helm would log (lint-mode `required`/`fail`).
    public private(set) var warnings: [String] = []

    /// Creates an engine with Helm's defaults.
    public init() {}

    /// Renders `chart` with the top-level render values (`Values`, `Release`, `Capabilities`).
    /// Returns the output of every non-partial template by its full path.
    /// `keepAlive` receives the parsed templates, for a process that exits without freeing them.
    public func render(chart: Chart, values top: ValueMap, keepAlive: KeptAlive? = nil) throws -> [String: String] {
        var renderables: [String: Renderable] = [:]
        _ = Self.collect(chart, parentScope: top, into: &renderables)
        let names = Self.parseOrder(Array(renderables.keys))

        let set = TemplateSet(functions: [:], missingKey: strict ? .error : .zero, maxDepth: 100_000)
        set.rootName = "gotpl"
        let state = EngineState(lintMode: lintMode)
        set.addFunctions(EngineFunctions.table(engineState: state, strict: strict, lookup: lookup))

        keepAlive?.keep(set)
        // Files parse independently; they join the set in Helm's order, and the first failure
        // in that order is the one reported, as when parsing one after another.
        let functionNames = set.functionNames
        let parsed = ParallelWork.map(names.count) { index -> Parser.Result? in
            guard let item = renderables[names[index]] else { return nil }
            var parser = Parser(name: names[index], source: item.source, functions: functionNames)
            return try parser.parse()
        }
        for (name, outcome) in zip(names, parsed) {
            guard let item = renderables[name] else { continue }
            do {
                guard let result = try outcome.get() else { continue }
                set.add(name: name, source: item.source, parsed: result)
            } catch let error as ParseError {
                throw RenderError(message: RenderErrorFormatter.parseError(error.description))
            }
        }
        var rendered: [String: String] = [:]
        for name in names where !Self.baseName(name).hasPrefix("_") {
            guard let item = renderables[name] else { continue }
            item.scope["Template"] = .map(ValueMap(["Name": .string(name), "BasePath": .string(item.basePath)]))
            do {
                let output = try set.execute(name, data: .map(item.scope))
                rendered[name] = output.replacingAll("<no value>", with: "")
            } catch let error as ExecError {
                throw RenderError(message: RenderErrorFormatter.execError(error))
            } catch let error as FunctionError {
                throw RenderError(message: "template: \(error.message)")
            }
        }
        return rendered
    }

    /// One template file to parse (and render, unless it is a partial), with its chart's scope.
    struct Renderable {
        let source: String
        let scope: ValueMap
        let basePath: String
    }

    /// Helm's recAllTpls: builds each chart's scope (`.Values` narrowed to the subchart) and
    /// gathers its templates; returns the scope so the parent can list it under `.Subcharts`.
    static func collect(_ chart: Chart, parentScope: ValueMap, into renderables: inout [String: Renderable]) -> ValueMap {
        let subcharts = ValueMap()
        let scope = ValueMap([
            "Chart": .map(chart.metadata.templateMap(isRoot: chart.isRoot)),
            "Files": .object(FilesObject(chartFiles: chart.files)),
            "Release": parentScope["Release"] ?? .null,
            "Capabilities": parentScope["Capabilities"] ?? .null,
            "Values": .map(ValueMap()),
            "Subcharts": .map(subcharts),
        ])
        if chart.isRoot {
            scope["Values"] = parentScope["Values"] ?? .map(ValueMap())
        } else if case .map(let parentValues)? = parentScope["Values"], case .map(let own)? = parentValues[chart.name] {
            scope["Values"] = .map(own)
        }
        for dependency in chart.dependencies {
            subcharts[dependency.name] = Value.map(collect(dependency, parentScope: scope, into: &renderables))
        }
        let prefix = chart.fullPath
        for template in chart.templates {
            if chart.metadata.isLibrary && !baseName(template.path).hasPrefix("_") { continue }
            renderables[prefix + "/" + template.path] = Renderable(
                source: template.text, scope: scope,
                basePath: prefix + "/templates")
        }
        return scope
    }

    /// Helm's parse order: deeper paths first, then reverse lexical order, so a parent
    /// chart's definitions (parsed last) win over its subcharts'.
    static func parseOrder(_ names: [String]) -> [String] {
        let depths = names.map { name in (name, name.utf8.count(where: { $0 == UInt8(ascii: "/") })) }
        return depths.sorted { a, b in
            if a.1 != b.1 { return a.1 > b.1 }
            return b.0.utf8.lexicographicallyPrecedes(a.0.utf8)
        }.map(\.0)
    }

    static func baseName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}

/// Counters shared by every `include`/`tpl` call of one render (Helm's includedNames).
/// Sendable unchecked: made by `render` for that render alone and used on its one thread.
final class EngineState: @unchecked Sendable {
    let lintMode: Bool
    var includeDepth: [String: Int] = [:]
    /// How many `tpl` calls are running inside each other.
    var tplDepth = 0
    var warnings: [String] = []
    init(lintMode: Bool) { self.lintMode = lintMode }
}

/// A rendering failure, worded as Helm words it.
public struct RenderError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Helm's message (what follows `Error: `).
    public let message: String
    /// With `--debug`: what was rendered before the manifests turned out invalid (Helm prints it).
    public var renderedOutput: String?
    /// Creates the error.
    public init(message: String, renderedOutput: String? = nil) {
        self.message = message
        self.renderedOutput = renderedOutput
    }
    /// The message.
    public var description: String { message }
}
