/// Masks the values inside Secret `data:`/`stringData:` blocks of JSON or YAML output, line by
/// line, plus the `last-applied-configuration` annotation that repeats them. One per stream.
public struct SecretDataRedactor: Sendable {
    private enum Block: Sendable {
        case none
        case json(depth: Int)
        case yaml(indent: Int)
    }

    private var block: Block = .none

    /// Creates a redactor in its initial state.
    public init() {}

    /// True when a command's output may show Secret data: `kubectl ... secret(s)` and any helm
    /// command (its manifests include Secrets).
    public static func applies(to argv: [String]) -> Bool {
        if let program = argv.first, program == "helm" || program.hasSuffix("/helm") { return true }
        for argument in argv.dropFirst() {
            for part in argument.lowercased().split(separator: ",") {
                let kind = part.split(separator: "/").first.map(String.init) ?? ""
                if kind == "secret" || kind == "secrets" || kind.hasPrefix("secrets.") || kind.hasPrefix("secret.") { return true }
            }
        }
        return false
    }

    /// Masks one line, updating the block state.
    public mutating func redact(_ line: String) -> String {
        var copy = line
        guard let masked = copy.withUTF8({ redact(bytes: $0) }) else { return line }
        return masked
    }

    private static let lastApplied = Array("last-applied-configuration".utf8)
    private static let jsonData = Array("\"data\": {".utf8)
    private static let jsonStringData = Array("\"stringData\": {".utf8)
    private static let yamlData = Array("data:".utf8)
    private static let yamlStringData = Array("stringData:".utf8)

    /// The masked line, or nil when the line stays as it is.
    private mutating func redact(bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var indent = 0
        while indent < bytes.count, bytes[indent] == 0x20 || bytes[indent] == 0x09 { indent += 1 }
        var end = bytes.count
        while end > indent, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        let body = UnsafeBufferPointer(rebasing: bytes[indent..<end])
        let colon = body.firstIndex(of: UInt8(ascii: ":")).map { $0 + indent }

        if let colon, Self.contains(body, Self.lastApplied) {
            return Self.text(bytes[..<(colon + 1)]) + " " + Redactor.mask
        }
        switch block {
        case .none:
            if Self.hasPrefix(body, Self.jsonData) || Self.hasPrefix(body, Self.jsonStringData) {
                if body.last != UInt8(ascii: "}") && !(body.count >= 2 && body[body.count - 2] == UInt8(ascii: "}")) {
                    block = .json(depth: 1)
                }
            } else if Self.equals(body, Self.yamlData) || Self.equals(body, Self.yamlStringData) {
                block = .yaml(indent: indent)
            }
            return nil
        case .json(let depth):
            if body.first == UInt8(ascii: "}") {
                block = depth <= 1 ? .none : .json(depth: depth - 1)
                return nil
            }
            guard let colon else { return nil }
            let comma = body.last == UInt8(ascii: ",") ? "," : ""
            return Self.text(bytes[..<(colon + 1)]) + " \"" + Redactor.mask + "\"" + comma
        case .yaml(let blockIndent):
            if body.isEmpty { return nil }
            if indent <= blockIndent {
                block = .none
                return redact(bytes: bytes)
            }
            guard let colon else { return Self.text(bytes[..<indent]) + Redactor.mask }
            return Self.text(bytes[..<(colon + 1)]) + " " + Redactor.mask
        }
    }

    private static func text(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes), as: UTF8.self)
    }

    private static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ prefix: [UInt8]) -> Bool {
        guard bytes.count >= prefix.count else { return false }
        for index in prefix.indices where bytes[index] != prefix[index] { return false }
        return true
    }

    private static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ other: [UInt8]) -> Bool {
        bytes.count == other.count && hasPrefix(bytes, other)
    }

    private static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, bytes.count >= needle.count else { return false }
        var index = 0
        while index <= bytes.count - needle.count {
            if bytes[index] == first {
                var matched = true
                for offset in 1..<needle.count where bytes[index + offset] != needle[offset] {
                    matched = false
                    break
                }
                if matched { return true }
            }
            index += 1
        }
        return false
    }
}
