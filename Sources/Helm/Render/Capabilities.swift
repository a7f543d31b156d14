import GoTemplate

/// `.Capabilities`: the Kubernetes and Helm versions a chart is rendered for.
public final class Capabilities: TemplateObject, Sendable {
    /// `.Capabilities.KubeVersion`.
    public let kubeVersion: KubeVersion
    /// `.Capabilities.APIVersions`.
    public let apiVersions: APIVersions
    /// `.Capabilities.HelmVersion`.
    public let helmVersion: HelmVersion

    /// Capabilities for `kubeVersion` with Helm's default API versions plus `extraAPIVersions`.
    public init(kubeVersion: KubeVersion = .helmDefault, extraAPIVersions: [String] = []) {
        self.kubeVersion = kubeVersion
        self.apiVersions = APIVersions(APIVersions.helmDefaults + extraAPIVersions)
        self.helmVersion = HelmVersion()
    }

    /// Go's type name.
    public var goTypeName: String { "*common.Capabilities" }

    /// Exported fields.
    public func field(_ name: String) -> Value? {
        switch name {
        case "KubeVersion": return .object(kubeVersion)
        case "APIVersions": return .object(apiVersions)
        case "HelmVersion": return .object(helmVersion)
        default: return nil
        }
    }

    /// Capabilities has no methods of its own.
    public func callMethod(_ name: String, _ arguments: [Value]) throws -> Value? { nil }

    /// No methods.
    public func hasMethod(_ name: String) -> Bool { false }

    /// `%v` of a pointer to the struct, as Go prints it.
    public var goFormatted: String { "&{\(kubeVersion.goFormatted) \(apiVersions.goFormatted) \(helmVersion.goFormatted)}" }

    /// JSON of the struct.
    public var jsonValue: Value {
        .map(ValueMap(["KubeVersion": kubeVersion.jsonValue, "APIVersions": apiVersions.jsonValue, "HelmVersion": helmVersion.jsonValue]))
    }
}

/// `.Capabilities.KubeVersion`: `Version`, `Major`, `Minor`, and the `String`/`GitVersion` methods.
public final class KubeVersion: TemplateObject, Sendable {
    /// As given, with a leading `v` (`v1.33.4-gke.1245000`).
    public let version: String
    /// Normalized `vMAJOR.MINOR.PATCH`, used for constraint checks.
    public let normalized: String
    /// Major version number as text.
    public let major: String
    /// Minor version number as text.
    public let minor: String

    /// What `helm template` assumes without `--kube-version`.
    public static let helmDefault = KubeVersion(version: "v1.37.0", normalized: "v1.37.0", major: "1", minor: "37")

    init(version: String, normalized: String, major: String, minor: String) {
        self.version = version
        self.normalized = normalized
        self.major = major
        self.minor = minor
    }

    /// Parses `--kube-version` like Helm (`1.30`, `v1.30.2`, `1.33.4-gke.1245000`).
    public static func parse(_ text: String) throws -> KubeVersion {
        let withoutV = text.hasPrefix("v") ? String(text.dropFirst()) : text
        // k8s.io/apimachinery ParseGeneric: at least major.minor, numeric, optional patch, optional suffix.
        var numbers: [Int] = []
        var rest = Substring(withoutV)
        while numbers.count < 3 {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, let number = Int(digits) else { break }
            if digits.count > 1 && digits.first == "0" { break }
            numbers.append(number)
            rest = rest.dropFirst(digits.count)
            if rest.first == "." && numbers.count < 3 { rest = rest.dropFirst() } else { break }
        }
        guard numbers.count >= 2, rest.isEmpty || rest.first == "-" || rest.first == "+" else {
            throw HelmError.invalidKubeVersion(text)
        }
        let patch = numbers.count > 2 ? numbers[2] : 0
        return KubeVersion(version: "v" + withoutV, normalized: "v\(numbers[0]).\(numbers[1]).\(patch)",
                           major: String(numbers[0]), minor: String(numbers[1]))
    }

    /// Go's type name.
    public var goTypeName: String { "common.KubeVersion" }

    /// Exported fields.
    public func field(_ name: String) -> Value? {
        switch name {
        case "Version": return .string(version)
        case "Major": return .string(major)
        case "Minor": return .string(minor)
        default: return nil
        }
    }

    /// `String` and `GitVersion`.
    public func callMethod(_ name: String, _ arguments: [Value]) throws -> Value? {
        switch name {
        case "String": return .string(normalized)
        case "GitVersion": return .string(version)
        default: return nil
        }
    }

    /// Whether `name` is a method.
    public func hasMethod(_ name: String) -> Bool { name == "String" || name == "GitVersion" }

    /// Go prints the struct including its unexported field.
    public var goFormatted: String { "{\(version) \(normalized) \(major) \(minor)}" }

    /// JSON shows the exported fields only.
    public var jsonValue: Value {
        .map(ValueMap(["Version": .string(version), "Major": .string(major), "Minor": .string(minor)]))
    }
}

/// `.Capabilities.APIVersions`: the API group/versions, with `Has`.
public final class APIVersions: TemplateObject, Sendable {
    /// Every known group/version (and `group/version/Kind` entries from `--api-versions`).
    public let versions: [String]
    private let lookup: Set<String>

    /// Creates the set.
    public init(_ versions: [String]) {
        self.versions = versions
        self.lookup = Set(versions)
    }

    /// Go's type name.
    public var goTypeName: String { "common.VersionSet" }

    /// A slice has no fields.
    public func field(_ name: String) -> Value? { nil }

    /// `Has "apps/v1"`.
    public func callMethod(_ name: String, _ arguments: [Value]) throws -> Value? {
        guard name == "Has" else { return nil }
        guard arguments.count == 1 else {
            throw FunctionError.arguments("wrong number of args for Has: want 1 got \(arguments.count)")
        }
        guard case .string(let wanted) = arguments[0] else {
            throw FunctionError.arguments("wrong type for value; expected string; got a non-string value")
        }
        return .bool(lookup.contains(wanted))
    }

    /// Whether `name` is a method.
    public func hasMethod(_ name: String) -> Bool { name == "Has" }

    /// `[v1 apps/v1 ...]`.
    public var goFormatted: String { "[" + versions.joined(separator: " ") + "]" }

    /// A JSON array of strings.
    public var jsonValue: Value { .list(versions.map { .string($0) }) }

    /// Helm v4.3's default set (client-go 0.37 scheme, in its priority order).
    public static let helmDefaults: [String] = [
        "v1", "admissionregistration.k8s.io/v1", "admissionregistration.k8s.io/v1alpha1",
        "admissionregistration.k8s.io/v1beta1", "internal.apiserver.k8s.io/v1alpha1", "apps/v1", "apps/v1beta1",
        "apps/v1beta2", "authentication.k8s.io/v1", "authentication.k8s.io/v1alpha1", "authentication.k8s.io/v1beta1",
        "authorization.k8s.io/v1", "authorization.k8s.io/v1beta1", "autoscaling/v1", "autoscaling/v2", "batch/v1",
        "batch/v1beta1", "certificates.k8s.io/v1", "certificates.k8s.io/v1beta1", "certificates.k8s.io/v1alpha1",
        "coordination.k8s.io/v1alpha2", "coordination.k8s.io/v1beta1", "coordination.k8s.io/v1", "discovery.k8s.io/v1",
        "discovery.k8s.io/v1beta1", "events.k8s.io/v1", "events.k8s.io/v1beta1", "extensions/v1beta1",
        "flowcontrol.apiserver.k8s.io/v1", "flowcontrol.apiserver.k8s.io/v1beta1", "flowcontrol.apiserver.k8s.io/v1beta2",
        "flowcontrol.apiserver.k8s.io/v1beta3", "lifecycle.k8s.io/v1alpha1", "networking.k8s.io/v1",
        "networking.k8s.io/v1beta1", "node.k8s.io/v1", "node.k8s.io/v1alpha1", "node.k8s.io/v1beta1", "policy/v1",
        "policy/v1beta1", "rbac.authorization.k8s.io/v1", "rbac.authorization.k8s.io/v1beta1",
        "rbac.authorization.k8s.io/v1alpha1", "resource.k8s.io/v1", "resource.k8s.io/v1beta2", "resource.k8s.io/v1beta1",
        "resource.k8s.io/v1alpha3", "scheduling.k8s.io/v1alpha3", "scheduling.k8s.io/v1beta1", "scheduling.k8s.io/v1",
        "storage.k8s.io/v1beta1", "storage.k8s.io/v1", "storage.k8s.io/v1alpha1", "storagemigration.k8s.io/v1",
        "storagemigration.k8s.io/v1beta1", "apiextensions.k8s.io/v1beta1", "apiextensions.k8s.io/v1",
    ]
}

/// `.Capabilities.HelmVersion`: the Helm build this engine matches.
public final class HelmVersion: TemplateObject, Sendable {
    /// Helm's version string.
    public let version = "v4.3"
    /// Go version Helm was built with.
    public let goVersion = "go1.27.2"
    /// client-go version.
    public let kubeClientVersion = "v1.37"

    /// Go's type name.
    public var goTypeName: String { "version.BuildInfo" }

    /// Exported fields.
    public func field(_ name: String) -> Value? {
        switch name {
        case "Version": return .string(version)
        case "GitCommit", "GitTreeState": return .string("")
        case "GoVersion": return .string(goVersion)
        case "KubeClientVersion": return .string(kubeClientVersion)
        default: return nil
        }
    }

    /// No methods.
    public func callMethod(_ name: String, _ arguments: [Value]) throws -> Value? { nil }

    /// No methods.
    public func hasMethod(_ name: String) -> Bool { false }

    /// `{v4.3   go1.27.2 v1.37}` (empty commit and tree state).
    public var goFormatted: String { "{\(version)   \(goVersion) \(kubeClientVersion)}" }

    /// JSON with Helm's field tags (empty ones omitted).
    public var jsonValue: Value {
        .map(ValueMap(["version": .string(version), "go_version": .string(goVersion), "kube_client_version": .string(kubeClientVersion)]))
    }
}
