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

    /// Key endings (lowercased, after the last ".") whose values are masked.
    static let sensitiveKeySuffixes = [
        "password", "passwd", "token", "apikey", "api_key", "api-key", "privatekey", "private_key",
        "private-key", "secretkey", "secret_key", "secret-key", "clientsecret", "client_secret",
        "client-secret", "authorization", "credentials",
    ]

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
    }

    /// Masks secrets in one line of text.
    public func redact(_ line: String) -> String {
        var text = line
        for secret in secrets where text.contains(secret) {
            text = text.replacing(secret, with: Self.mask)
        }
        guard Self.mayHoldSecret(text) else { return text }
        return KeyValueMasker.mask(text, sensitive: Self.isSensitiveKey)
    }

    /// Masks an argv for display: the value after `--password`-like flags, `--set k.password=v`
    /// values and registered secrets.
    public func redactArguments(_ argv: [String]) -> [String] {
        var result: [String] = []
        var maskNext = false
        for argument in argv {
            if maskNext {
                result.append(Self.mask)
                maskNext = false
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

    /// True when a key (any case, `--flag` or dotted path) names a secret value.
    public static func isSensitiveKey(_ key: some StringProtocol) -> Bool {
        var name = key.lowercased()
        if let dot = name.lastIndex(of: ".") { name = String(name[name.index(after: dot)...]) }
        return sensitiveKeySuffixes.contains { name.hasSuffix($0) }
    }

    // A fast filter so most log lines skip the detailed scan.
    static func mayHoldSecret(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.contains("pass") || lower.contains("token") || lower.contains("key")
            || lower.contains("secret") || lower.contains("authorization") || lower.contains("credentials")
            || lower.contains("://")
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
