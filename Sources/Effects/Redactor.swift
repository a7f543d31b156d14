/// Masks secrets in text meant for logs: registered secret values (and their base64 form),
/// values of password/token-like keys in `key: value` and `key=value` forms, Authorization
/// headers and passwords in URLs. Pure: the same input always gives the same output.
public struct Redactor: Sendable, Hashable {
    /// What a masked value is replaced with.
    public static let mask = "***"
    /// Registered secrets shorter than this are ignored (masking them would garble text).
    public static let minimumSecretLength = 4

    /// Literal values masked wherever they appear.
    public private(set) var secrets: [String] = []
    private var secretBytes: [[UInt8]] = []

    /// Creates a redactor with the given secret values.
    public init(secrets: [String] = []) {
        for secret in secrets { register(secret) }
    }

    /// Adds a secret value (ignored when shorter than `minimumSecretLength`).
    public mutating func register(_ secret: String) {
        guard secret.utf8.count >= Self.minimumSecretLength, !secrets.contains(secret) else { return }
        secrets.append(secret)
        let encoded = Base64.encode(Array(secret.utf8))
        if !secrets.contains(encoded) { secrets.append(encoded) }
        // Longest first, so a secret containing another is masked whole.
        secrets.sort { $0.utf8.count > $1.utf8.count }
        secretBytes = secrets.map { Array($0.utf8) }
    }

    /// Masks secrets in one line of text.
    public func redact(_ line: String) -> String {
        var text = line
        let ranges = text.withUTF8 { maskRanges($0) }
        guard !ranges.isEmpty else { return line }
        var output: [UInt8] = []
        output.reserveCapacity(line.utf8.count)
        var position = 0
        let bytes = Array(line.utf8)
        for range in ranges {
            output.append(contentsOf: bytes[position..<range.lowerBound])
            output.append(contentsOf: Self.maskBytes)
            position = range.upperBound
        }
        output.append(contentsOf: bytes[position...])
        return String(decoding: output, as: UTF8.self)
    }

    private static let maskBytes = Array(mask.utf8)

    /// Sorted, non-overlapping byte ranges to mask.
    private func maskRanges(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        for secret in secretBytes { Self.occurrences(of: secret, in: bytes, into: &ranges) }
        KeyValueMasker.collect(bytes, into: &ranges)
        guard ranges.count > 1 else { return ranges }
        ranges.sort { $0.lowerBound < $1.lowerBound }
        var merged: [Range<Int>] = []
        for range in ranges {
            if let last = merged.last, range.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return merged
    }

    private static func occurrences(of needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, into ranges: inout [Range<Int>]) {
        guard let first = needle.first, needle.count <= haystack.count else { return }
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first {
                var matched = true
                for offset in 1..<needle.count where haystack[index + offset] != needle[offset] {
                    matched = false
                    break
                }
                if matched {
                    ranges.append(index..<(index + needle.count))
                    index += needle.count
                    continue
                }
            }
            index += 1
        }
    }

    /// Masks an argv for display: the value after `--password`-like flags, `--set k.password=v`
    /// values, every `--from-literal` value (they are Secret contents) and registered secrets.
    public func redactArguments(_ argv: [String]) -> [String] {
        var result: [String] = []
        var maskNext = false
        var maskNextLiteral = false
        for argument in argv {
            if maskNext {
                result.append(Self.mask)
                maskNext = false
                continue
            }
            if maskNextLiteral {
                result.append(Self.maskLiteral(argument))
                maskNextLiteral = false
                continue
            }
            if argument == "--from-literal" {
                maskNextLiteral = true
                result.append(argument)
                continue
            }
            if argument.hasPrefix("--from-literal=") {
                result.append("--from-literal=" + Self.maskLiteral(String(argument.dropFirst("--from-literal=".count))))
                continue
            }
            if argument.hasPrefix("-"), !argument.contains("="), Self.isSensitiveKey(argument) {
                maskNext = true
                result.append(argument)
                continue
            }
            result.append(redact(argument))
        }
        return result
    }

    // "KEY=value" → "KEY=***".
    private static func maskLiteral(_ literal: String) -> String {
        guard let equals = literal.firstIndex(of: "=") else { return mask }
        return String(literal[...equals]) + mask
    }

    /// True when a key (any case, `--flag` or dotted path) names a secret value.
    public static func isSensitiveKey(_ key: String) -> Bool {
        let bytes = Array(key.utf8)
        return bytes.withUnsafeBufferPointer { KeyValueMasker.isSensitive($0) }
    }
}

/// Standard base64 (RFC 4648) encoding, as Kubernetes stores Secret data.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let b0 = bytes[index]
            let b1: UInt8 = index + 1 < bytes.count ? bytes[index + 1] : 0
            let b2: UInt8 = index + 2 < bytes.count ? bytes[index + 2] : 0
            out.append(alphabet[Int(b0 >> 2)])
            out.append(alphabet[Int((b0 & 0x03) << 4 | b1 >> 4)])
            out.append(index + 1 < bytes.count ? alphabet[Int((b1 & 0x0F) << 2 | b2 >> 6)] : UInt8(ascii: "="))
            out.append(index + 2 < bytes.count ? alphabet[Int(b2 & 0x3F)] : UInt8(ascii: "="))
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}
