import YAML

/// A value read from a profile file together with where it came from, so every accessor
/// can fail with a `ProfileError` naming the file and key.
struct ProfileNode {
    /// The value at this place.
    let value: YAMLValue
    /// The file, relative to `profiles/`.
    let file: String
    /// The key path of this value inside the file.
    let key: String

    /// Parses `text` strictly (duplicate keys rejected); YAML errors keep their line and column.
    static func parse(_ text: String, file: String) throws -> ProfileNode {
        let value: YAMLValue
        do {
            value = try YAML.parse(text, file: "profiles/" + file, options: .strict)
        } catch let error as YAMLError {
            throw ProfileError(file: file, key: "", message: "not valid YAML: \(error.description)")
        }
        return ProfileNode(value: value, file: file, key: "")
    }

    /// An error about this value.
    func error(_ message: String) -> ProfileError {
        ProfileError(file: file, key: key, message: message)
    }

    private func childKey(_ name: String) -> String { key.isEmpty ? name : key + "." + name }

    /// The mapping this value must be.
    func mapping() throws -> YAMLMapping {
        if case .mapping(let mapping) = value { return mapping }
        throw error("expected a mapping, found \(Self.describe(value))")
    }

    /// The entry `name`, which must be present and not null.
    func child(_ name: String) throws -> ProfileNode {
        guard let node = try optionalChild(name) else {
            throw ProfileError(file: file, key: childKey(name), message: "missing; this key is required")
        }
        return node
    }

    /// The entry `name`, or nil when absent or null.
    func optionalChild(_ name: String) throws -> ProfileNode? {
        let mapping = try mapping()
        guard let value = mapping[name], value != .null else { return nil }
        return ProfileNode(value: value, file: file, key: childKey(name))
    }

    /// Fails on keys outside `allowed`, naming the nearest known one as the likely intent.
    func rejectUnknownKeys(_ allowed: [String]) throws {
        for name in try mapping().keys where !allowed.contains(name) {
            throw ProfileError(file: file, key: childKey(name),
                               message: "unknown key; expected one of \(allowed.joined(separator: ", "))")
        }
    }

    /// The string this value must be.
    func string() throws -> String {
        if case .string(let text) = value { return text }
        throw error("expected a string, found \(Self.describe(value))")
    }

    /// A scalar written as text: strings as they are, numbers in their plain form (for
    /// versions such as `3.0.3` that stay strings, and `30` that YAML reads as a number).
    func scalarText() throws -> String {
        switch value {
        case .string(let text): return text
        case .int(let number): return String(number)
        default: throw error("expected a string, found \(Self.describe(value))")
        }
    }

    /// The integer this value must be.
    func int() throws -> Int {
        if case .int(let number) = value { return Int(number) }
        throw error("expected a whole number, found \(Self.describe(value))")
    }

    /// The number (whole or not) this value must be.
    func number() throws -> Double {
        switch value {
        case .int(let number): return Double(number)
        case .float(let number) where number.isFinite: return number
        default: throw error("expected a number, found \(Self.describe(value))")
        }
    }

    /// The boolean this value must be.
    func bool() throws -> Bool {
        if case .bool(let flag) = value { return flag }
        throw error("expected true or false, found \(Self.describe(value))")
    }

    /// The elements of the sequence this value must be.
    func list() throws -> [ProfileNode] {
        guard case .sequence(let items) = value else {
            throw error("expected a list, found \(Self.describe(value))")
        }
        return items.enumerated().map { ProfileNode(value: $1, file: file, key: "\(key)[\($0)]") }
    }

    /// The strings of the sequence this value must be.
    func stringList() throws -> [String] {
        try list().map { try $0.string() }
    }

    /// One of `allowed`, by its raw string.
    func oneOf<T: RawRepresentable>(_ type: T.Type, _ allowed: [T]) throws -> T where T.RawValue == String {
        let text = try string()
        guard let result = T(rawValue: text) else {
            throw error("unknown value \"\(text)\"; expected one of \(allowed.map(\.rawValue).joined(separator: ", "))")
        }
        return result
    }

    /// A short description of a value's kind, for messages.
    static func describe(_ value: YAMLValue) -> String {
        switch value {
        case .null: return "nothing"
        case .bool(let flag): return "the boolean \(flag)"
        case .int(let number): return "the number \(number)"
        case .float(let number): return "the number \(number)"
        case .string(let text): return "the string \"\(text)\""
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }
}
