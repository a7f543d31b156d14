/// A value seen by a template: Go's dynamic `interface{}` values, without reflection.
///
/// Maps are reference types (`ValueMap`) because Go maps are: Sprig's `set` on a map
/// reached through `.Values` or a `dict` is visible to every holder of that map.
/// Lists are Swift arrays (copy on write), matching Go's `append` returning a new slice.
///
/// Sendable unchecked, as `ValueMap` is: a value graph belongs to one render, which runs on
/// one thread; it is handed to another thread only whole (a render's result after the
/// render has finished), never shared while either side can still change a map in it.
public enum Value: @unchecked Sendable {
    /// Go's untyped nil (a missing value, `nil` constant, null from YAML/JSON).
    case null
    /// Go `bool`.
    case bool(Bool)
    /// Go `int` (what `len`, `int`, `until` and range indices produce).
    case int(Int64)
    /// Go `int64` (what `--set` numbers, `add`, `int64` produce).
    case int64(Int64)
    /// Go `float64` (every number read from a values file or JSON).
    case float(Double)
    /// Go `string`.
    case string(String)
    /// Go `[]byte` (`.Files.GetBytes`).
    case bytes([UInt8])
    /// Go `[]interface{}`.
    case list([Value])
    /// Go `map[string]interface{}`.
    case map(ValueMap)
    /// A host object with fields and methods (`.Files`, `.Capabilities`, `.Release`).
    case object(any TemplateObject)
    /// A function value, callable with `call`.
    case function(TemplateFunction)
}

/// Go's `map[string]interface{}`: a shared, mutable dictionary.
///
/// Sendable unchecked: templates change maps in place (Sprig's `set`, `unset`), so a map is
/// confined to the render that made or copied it (see `Value`). Renders never share maps
/// with their caller: `HelmTemplate.run` copies the chart's values before coalescing.
public final class ValueMap: @unchecked Sendable {
    /// The entries; iteration order is unspecified, use `sortedKeys` for Go's order.
    public var storage: [String: Value]

    /// Creates a map holding `storage`.
    public init(_ storage: [String: Value] = [:]) { self.storage = storage }

    /// Reads or writes one entry.
    public subscript(key: String) -> Value? {
        get { storage[key] }
        set { storage[key] = newValue }
    }

    /// The number of entries.
    public var count: Int { storage.count }

    /// Keys in Go's sorted order (byte-wise), as `range` and printing use them.
    public var sortedKeys: [String] { storage.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) } }
}

/// An object provided by the host (Helm's `.Files`, `.Capabilities`, `.Chart`, `.Release`).
public protocol TemplateObject: AnyObject {
    /// Go's type name as `%T` prints it, e.g. `chartutil.Capabilities`.
    var goTypeName: String { get }
    /// The value of an exported field, or nil when there is no such field or method.
    func field(_ name: String) -> Value?
    /// Calls a method; nil when there is no such method.
    func callMethod(_ name: String, _ arguments: [Value]) throws -> Value?
    /// Whether `name` is a method (so `.Files.Get` without arguments can be reported as Go does).
    func hasMethod(_ name: String) -> Bool
    /// How `%v` prints the object.
    var goFormatted: String { get }
    /// The object as Go's encoding/json sees it (exported fields), for `toJson`/`toYaml`.
    var jsonValue: Value { get }
    /// Key/value pairs when the object is a Go map or slice `range` can walk (Helm's `.Files.Glob`).
    var rangeEntries: [(key: Value, value: Value)]? { get }
}

extension TemplateObject {
    /// By default an object serializes as an empty map.
    public var jsonValue: Value { .map(ValueMap()) }
    /// By default an object cannot be ranged over.
    public var rangeEntries: [(key: Value, value: Value)]? { nil }
}
