import GoTemplate

/// What Sprig's `semver` returns: a `*semver.Version` whose methods templates call
/// (`.Major`, `.Prerelease`, `.Original`, `.Compare`, `.LessThan`, `.IncMinor`, ...).
///
/// `Inc*` and `Set*` return a `semver.Version` value, on which Go only finds the
/// value-receiver methods (no `.Original`, `.Compare`, `.LessThan`, ...).
final class SemverVersionObject: TemplateObject, Sendable {
    /// The version.
    let version: SemanticVersion
    /// Whether this is a pointer (`*semver.Version`) rather than a value (`semver.Version`).
    let isPointer: Bool

    /// Wraps `version`.
    init(_ version: SemanticVersion, isPointer: Bool = true) {
        self.version = version
        self.isPointer = isPointer
    }

    /// Methods Go declares on `Version` (reachable from a value and a pointer).
    static let valueMethods: Set<String> = [
        "String", "Major", "Minor", "Patch", "Prerelease", "Metadata",
        "IncPatch", "IncMinor", "IncMajor", "SetPrerelease", "SetMetadata", "MarshalJSON", "MarshalText",
    ]
    /// Methods Go declares on `*Version`.
    static let pointerMethods: Set<String> = [
        "Original", "LessThan", "LessThanEqual", "GreaterThan", "GreaterThanEqual", "Equal", "Compare",
    ]

    /// Go's type name.
    var goTypeName: String { isPointer ? "*semver.Version" : "semver.Version" }

    /// The struct has no exported fields.
    func field(_ name: String) -> Value? { nil }

    /// Whether `name` is a method of this (pointer or value) type.
    func hasMethod(_ name: String) -> Bool {
        Self.valueMethods.contains(name) || (isPointer && Self.pointerMethods.contains(name))
    }

    /// Calls a method with Go's argument checks.
    func callMethod(_ name: String, _ arguments: [Value]) throws -> Value? {
        guard hasMethod(name) else { return nil }
        let v = version
        switch name {
        case "String": try expect(name, arguments, 0); return .string(v.description)
        case "Original": try expect(name, arguments, 0); return .string(v.original)
        case "Major": try expect(name, arguments, 0); return Self.unsigned(v.major)
        case "Minor": try expect(name, arguments, 0); return Self.unsigned(v.minor)
        case "Patch": try expect(name, arguments, 0); return Self.unsigned(v.patch)
        case "Prerelease": try expect(name, arguments, 0); return .string(v.prerelease)
        case "Metadata": try expect(name, arguments, 0); return .string(v.metadata)
        case "MarshalJSON":
            try expect(name, arguments, 0); return .bytes(Array(GoFormat.sprintf("%q", [.string(v.description)]).utf8))
        case "MarshalText": try expect(name, arguments, 0); return .bytes(Array(v.description.utf8))
        case "IncPatch", "IncMinor", "IncMajor":
            try expect(name, arguments, 0)
            return .object(SemverVersionObject(try Self.increment(v, name), isPointer: false))
        case "SetPrerelease", "SetMetadata":
            try expect(name, arguments, 1)
            guard case .string(let text) = arguments[0] else { throw Self.wrongType(arguments[0], expected: "string") }
            var next = v
            do throws(SemverError) {
                if name == "SetPrerelease" {
                    if !text.isEmpty { try SemanticVersion.validatePrerelease(text) }
                    next.prerelease = text
                } else {
                    if !text.isEmpty { try SemanticVersion.validateMetadata(text) }
                    next.metadata = text
                }
            } catch { throw FunctionError(error.message) }
            next.original = v.originalVPrefix + next.description
            return .object(SemverVersionObject(next, isPointer: false))
        case "Equal":
            try expect(name, arguments, 1)
            guard let other = try Self.pointerArgument(arguments[0]) else { return .bool(false) }
            return .bool(other === self || v.compare(other.version) == 0)
        default:
            try expect(name, arguments, 1)
            guard let other = try Self.pointerArgument(arguments[0]) else {
                throw FunctionError("runtime error: invalid memory address or nil pointer dereference")
            }
            let order = v.compare(other.version)
            switch name {
            case "Compare": return .int(Int64(order))
            case "LessThan": return .bool(order < 0)
            case "LessThanEqual": return .bool(order <= 0)
            case "GreaterThan": return .bool(order > 0)
            default: return .bool(order >= 0)
            }
        }
    }

    /// `%v` uses the `String` method.
    var goFormatted: String { version.description }

    /// `MarshalJSON` gives the normalized text.
    var jsonValue: Value { .string(version.description) }

    /// Go's uint64 results; Value has no unsigned case, so very large parts wrap.
    private static func unsigned(_ n: UInt64) -> Value { .int64(Int64(truncatingIfNeeded: n)) }

    /// Checks the argument count as text/template does for methods.
    private func expect(_ name: String, _ arguments: [Value], _ count: Int) throws {
        guard arguments.count == count else {
            throw FunctionError("wrong number of args for \(name): want \(count) got \(arguments.count)")
        }
    }

    /// A `*semver.Version` argument; nil for Go's nil.
    private static func pointerArgument(_ value: Value) throws -> SemverVersionObject? {
        switch value {
        case .null: return nil
        case .object(let object as SemverVersionObject) where object.isPointer: return object
        default: throw wrongType(value, expected: "*semver.Version")
        }
    }

    /// text/template's message for an argument of the wrong type.
    private static func wrongType(_ value: Value, expected: String) -> FunctionError {
        FunctionError("wrong type for value; expected \(expected); got \(GoFormat.typeName(value))")
    }

    /// `IncPatch` drops a pre-release (and metadata) first; `IncMinor`/`IncMajor` reset lower parts.
    private static func increment(_ v: SemanticVersion, _ name: String) throws -> SemanticVersion {
        var next = v
        next.prerelease = ""
        next.metadata = ""
        switch name {
        case "IncPatch":
            if v.prerelease.isEmpty {
                guard v.patch < .max else { throw FunctionError("patch version increment would overflow uint64") }
                next.patch += 1
            }
        case "IncMinor":
            guard v.minor < .max else { throw FunctionError("minor version increment would overflow uint64") }
            next.minor += 1
            next.patch = 0
        default:
            guard v.major < .max else { throw FunctionError("major version increment would overflow uint64") }
            next.major += 1
            next.minor = 0
            next.patch = 0
        }
        next.original = v.originalVPrefix + next.description
        return next
    }
}
