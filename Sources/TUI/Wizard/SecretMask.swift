/// Hides passwords and keys in text shown on screen: values of YAML keys whose names say
/// they are secret, and any occurrence of a secret the person typed.
public enum SecretMask {
    /// What a hidden value is replaced with.
    public static let placeholder = "********"

    /// `text` with secrets replaced by the placeholder.
    public static func mask(_ text: String, secrets: [String]) -> String {
        var lines = LineDiff.splitLines(text).map(maskLine)
        for secret in secrets where secret.count >= 3 {
            lines = lines.map { $0.replacing(secret, with: placeholder) }
        }
        return lines.joined(separator: "\n") + (text.hasSuffix("\n") ? "\n" : "")
    }

    /// One YAML line with the value masked when its key names a secret (`password: x`).
    static func maskLine(_ line: String) -> String {
        guard let colon = line.firstIndex(of: ":") else { return line }
        var key = line[..<colon].trimmingSpacesAndDash()
        if key.hasPrefix("\"") || key.hasPrefix("'") { key = key.dropFirst().dropLast() }
        let value = line[line.index(after: colon)...].trimmingSpacesAndDash()
        guard !value.isEmpty, value != "\"\"", value != "''", value != "|", value != "|-", value != ">" else { return line }
        let lower = key.lowercased()
        guard secretWords.contains(where: { lower.contains($0) }) else { return line }
        return line[...colon] + " " + placeholder
    }

    private static let secretWords = ["password", "secret", "token", "routing_key", "apikey", "api_key", "privatekey", "private_key"]
}

extension Substring {
    fileprivate func trimmingSpacesAndDash() -> Substring {
        var slice = self
        while let first = slice.first, first == " " || first == "-" || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return slice
    }
}
