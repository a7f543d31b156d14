import GoTemplate
import YAML

/// `.Files`: the chart's non-template files, with Helm's methods
/// (Get, GetBytes, Glob, Lines, AsConfig, AsSecrets); ranging gives path → bytes.
public final class FilesObject: TemplateObject, Sendable {
    private let files: [String: [UInt8]]

    /// Wraps `files` (path → contents).
    public init(_ files: [String: [UInt8]]) { self.files = files }

    /// Builds the object from chart files.
    public convenience init(chartFiles: [ChartFile]) {
        var map: [String: [UInt8]] = [:]
        for file in chartFiles { map[file.path] = file.data }
        self.init(map)
    }

    /// Go's type name.
    public var goTypeName: String { "engine.files" }

    /// No fields.
    public func field(_ name: String) -> Value? { nil }

    /// Helm's methods.
    public func hasMethod(_ name: String) -> Bool {
        ["Get", "GetBytes", "Glob", "Lines", "AsConfig", "AsSecrets"].contains(name)
    }

    /// Calls a method with Go's argument checks.
    public func callMethod(_ name: String, _ arguments: [Value]) throws -> Value? {
        func path() throws -> String {
            guard arguments.count == 1 else { throw FunctionError.arguments("wrong number of args for \(name): want 1 got \(arguments.count)") }
            guard case .string(let p) = arguments[0] else {
                throw FunctionError.arguments("wrong type for value; expected string; got \(GoFormat.typeName(arguments[0]))")
            }
            return p
        }
        switch name {
        case "Get": return .string(String(decoding: files[try path()] ?? [], as: UTF8.self))
        case "GetBytes": return .bytes(files[try path()] ?? [])
        case "Glob":
            let matcher = FilesGlob(try path())
            return .object(FilesObject(files.filter { matcher.matches($0.key) }))
        case "Lines":
            guard let data = files[try path()], !data.isEmpty else { return .list([]) }
            var text = String(decoding: data, as: UTF8.self)
            if text.hasSuffix("\n") { text.removeLast() }
            return .list(text.split(separator: "\n", omittingEmptySubsequences: false).map { .string(String($0)) })
        case "AsConfig": return .string(asYAML { String(decoding: $0, as: UTF8.self) })
        case "AsSecrets": return .string(asYAML { Base64.encode($0) })
        default: return nil
        }
    }

    /// Helm's toYAML of base name → text, without the final newline.
    private func asYAML(_ transform: ([UInt8]) -> String) -> String {
        var mapping = YAMLMapping()
        for path in files.keys.sorted() {
            let base = path.split(separator: "/").last.map(String.init) ?? path
            mapping[base] = .string(transform(files[path] ?? []))
        }
        var text = YAML.emit(YAMLValue.mapping(mapping).jsonNormalized())
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// `%v` of the underlying Go map of byte slices.
    public var goFormatted: String {
        "map[" + files.keys.sorted().map { key in
            key + ":[" + (files[key] ?? []).map { String($0) }.joined(separator: " ") + "]"
        }.joined(separator: " ") + "]"
    }

    /// Ranging walks paths in sorted order with their bytes.
    public var rangeEntries: [(key: Value, value: Value)]? {
        files.keys.sorted().map { (.string($0), .bytes(files[$0] ?? [])) }
    }
}

/// Standard base64 with padding (Go's base64.StdEncoding).
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i + 2 < bytes.count {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)], alphabet[Int(n >> 6 & 63)], alphabet[Int(n & 63)]]
            i += 3
        }
        let rest = bytes.count - i
        if rest == 1 {
            let n = UInt32(bytes[i]) << 16
            out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)], UInt8(ascii: "="), UInt8(ascii: "=")]
        } else if rest == 2 {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8
            out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)], alphabet[Int(n >> 6 & 63)], UInt8(ascii: "=")]
        }
        return String(decoding: out, as: UTF8.self)
    }
}
