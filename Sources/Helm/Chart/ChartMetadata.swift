import GoTemplate
import YAML

/// The fields of Chart.yaml that rendering and dependency handling use.
public struct ChartMetadata: Sendable {
    /// One entry of `dependencies:`.
    public struct Dependency: Sendable {
        /// Chart name.
        public var name: String
        /// Version constraint.
        public var version: String
        /// Repository URL.
        public var repository: String
        /// `condition:` value paths, comma separated.
        public var condition: String
        /// `tags:`.
        public var tags: [String]
        /// `alias:`.
        public var alias: String
        /// `import-values:` (strings or child/parent maps), kept as values.
        public var importValues: [Value]
        /// Whether conditions and tags left the dependency on (set while processing dependencies).
        public var enabled: Bool = false
    }

    /// `apiVersion` (v1 or v2).
    public var apiVersion: String
    /// `name`.
    public var name: String
    /// `version`.
    public var version: String
    /// `appVersion`.
    public var appVersion: String
    /// `description`.
    public var description: String
    /// `type` (application or library; empty means application).
    public var type: String
    /// `kubeVersion` constraint.
    public var kubeVersion: String
    /// `dependencies`.
    public var dependencies: [Dependency]
    /// The whole Chart.yaml, for `.Chart`.
    public var raw: YAMLMapping

    /// Whether this is a library chart (templates not rendered, only helpers).
    public var isLibrary: Bool { type.lowercased() == "library" }

    /// Reads Chart.yaml text; `source` names it in errors. Validates like Helm.
    public init(yaml text: String, source: String) throws {
        let value = try YAML.parse(text, file: source, options: .helm)
        // Helm reads an empty (or non-mapping) Chart.yaml as empty metadata, then asks for a name.
        var map = YAMLMapping()
        if case .mapping(let found) = value { map = found }
        try Self.checkFieldTypes(map, source: source)
        func string(_ key: String) -> String { Self.text(map[key]) }
        raw = map
        // Helm 2 charts could leave apiVersion out; Helm reads them as v1.
        apiVersion = string("apiVersion").isEmpty ? "v1" : string("apiVersion")
        name = Self.sanitized(string("name"))
        version = string("version")
        appVersion = string("appVersion")
        description = Self.sanitized(string("description"))
        type = string("type")
        kubeVersion = string("kubeVersion")
        dependencies = Self.dependencies(from: map["dependencies"])
        try validate(source: source)
    }

    /// Reads a `dependencies:` list (from Chart.yaml, or requirements.yaml for apiVersion v1).
    static func dependencies(from node: YAMLValue?) -> [Dependency] {
        guard case .sequence(let items)? = node else { return [] }
        var result: [Dependency] = []
        for item in items {
            guard case .mapping(let d) = item else { continue }
            func s(_ key: String) -> String { sanitized(text(d[key])) }
            var tags: [String] = []
            if case .sequence(let t)? = d["tags"] { tags = t.map { sanitized(text($0)) } }
            var imports: [Value] = []
            if case .sequence(let list)? = d["import-values"] { imports = list.map(ValueConversion.value) }
            result.append(Dependency(name: s("name"), version: s("version"), repository: s("repository"),
                                     condition: s("condition"), tags: tags, alias: s("alias"), importValues: imports))
        }
        return result
    }

    /// The string fields of Helm's chart Metadata, by their Chart.yaml keys.
    static let stringFields = ["name", "home", "version", "description", "icon", "apiVersion", "condition", "tags",
                               "appVersion", "kubeVersion", "type"]

    /// A list or mapping where Helm's Metadata has a string fails to decode, as in Helm.
    static func checkFieldTypes(_ map: YAMLMapping, source: String) throws {
        for key in stringFields {
            let kind: String
            switch map[key] {
            case .sequence?: kind = "array"
            case .mapping?: kind = "object"
            default: continue
            }
            throw ChartLoadError(source: source, message: "cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: "
                                 + "json: cannot unmarshal \(kind) into Go struct field .\(key) of type string")
        }
    }

    /// A scalar of Chart.yaml read into a Go string field the way sigs.k8s.io/yaml does: YAML 1.1
    /// booleans (`yes`, `off`) become "true"/"false", numbers their shortest text; other nodes "".
    static func text(_ node: YAMLValue?) -> String {
        switch node {
        case .string(let s)?: return s
        case .int(let i)?: return String(i)
        case .float(let d)?: return YAML.emit(.float(d)).trimmingWhitespace()
        case .bool(let b)?: return b ? "true" : "false"
        default: return ""
        }
    }

    /// Helm's sanitizeString: whitespace becomes a space, unprintable characters are dropped.
    static func sanitized(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                out.append(" ")
            } else if scalar.properties.generalCategory != .control && scalar.properties.generalCategory != .format
                        && scalar.properties.generalCategory != .unassigned && scalar.properties.generalCategory != .surrogate
                        && scalar.properties.generalCategory != .privateUse {
                out.append(scalar)
            }
        }
        return String(out)
    }

    private func validate(source: String) throws {
        func fail(_ message: String) -> ChartLoadError { ChartLoadError(source: source, message: "validation: " + message) }
        if apiVersion.isEmpty { throw fail("chart.metadata.apiVersion is required") }
        if name.isEmpty { throw fail("chart.metadata.name is required") }
        if name == "." || name == ".." { throw fail("chart.metadata.name \"\(name)\" is not allowed") }
        if name.contains("/") || name.contains("\\") { throw fail("chart.metadata.name \"\(name)\" is invalid") }
        if version.isEmpty { throw fail("chart.metadata.version is required") }
        if !Self.isSemver(version) { throw fail("chart.metadata.version \"\(version)\" is invalid") }
        if !type.isEmpty && type != "application" && type != "library" {
            throw fail("chart.metadata.type must be application or library")
        }
        var seen: Set<String> = []
        for dependency in dependencies {
            let key = dependency.alias.isEmpty ? dependency.name : dependency.alias
            if !seen.insert(key).inserted { throw fail("more than one dependency with name or alias \"\(key)\"") }
        }
    }

    /// A loose semantic version as Masterminds/semver accepts it: `1`, `1.2`, `v1.2.3-rc.1+meta`.
    static func isSemver(_ text: String) -> Bool {
        var s = Substring(text)
        if s.hasPrefix("v") { s = s.dropFirst() }
        let core = s.prefix { $0 != "-" && $0 != "+" }
        let parts = core.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else { return false }
        let rest = s.dropFirst(core.count)
        return rest.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "+" || $0 == "." }
    }
}
