/// Masks the value of a Kubernetes env entry whose name looks secret, in JSON or YAML output:
/// `"name": "POSTHOG_DB_PASSWORD",` followed by `"value": "x"` (keys are printed sorted, so the
/// value line comes right after the name line). One per stream: it remembers the previous line.
public struct EnvironmentValueMasker: Sendable {
    private var previousNameWasSensitive = false

    /// Creates a masker in its initial state.
    public init() {}

    /// Masks one line, updating the state.
    public mutating func mask(_ line: String) -> String {
        let wasSensitive = previousNameWasSensitive
        previousNameWasSensitive = false
        guard line.utf8.count < 4096, Self.mayBeNameOrValue(line) else { return line }
        var body = line.drop { $0 == " " || $0 == "\t" }
        if body.hasPrefix("- ") { body = body.dropFirst(2) }
        if let name = Self.value(of: "name", in: body) {
            previousNameWasSensitive = Redactor.isSensitiveKey(name) || name.uppercased().hasSuffix("_SECRET")
            return line
        }
        if wasSensitive, let value = Self.value(of: "value", in: body), !value.isEmpty {
            let prefix = String(line[..<body.startIndex])
            let keyPart = body.hasPrefix("\"") ? "\"value\": " : "value: "
            let quoted = body.dropFirst(keyPart.count).hasPrefix("\"")
            let comma = body.hasSuffix(",") ? "," : ""
            let masked = quoted ? "\"" + Redactor.mask + "\"" : Redactor.mask
            return prefix + keyPart + masked + comma
        }
        return line
    }

    /// A cheap byte test: after the indentation and an optional "- ", the line starts with
    /// `name`, `value`, `"name"` or `"value"`.
    private static func mayBeNameOrValue(_ line: String) -> Bool {
        var iterator = line.utf8.makeIterator()
        var byte = iterator.next()
        while byte == 0x20 || byte == 0x09 { byte = iterator.next() }
        if byte == UInt8(ascii: "-") {
            byte = iterator.next()
            while byte == 0x20 { byte = iterator.next() }
        }
        if byte == UInt8(ascii: "\"") { byte = iterator.next() }
        return byte == UInt8(ascii: "n") || byte == UInt8(ascii: "v")
    }

    /// The scalar after `key: ` or `"key": ` (quotes and a trailing comma removed), if the line is that key.
    private static func value(of key: String, in body: Substring) -> String? {
        var rest: Substring
        if body.hasPrefix("\"\(key)\": ") {
            rest = body.dropFirst(key.count + 4)
        } else if body.hasPrefix("\(key): ") {
            rest = body.dropFirst(key.count + 2)
        } else {
            return nil
        }
        if rest.hasSuffix(",") { rest = rest.dropLast() }
        if rest.count >= 2, let first = rest.first, first == "\"" || first == "'", rest.last == first {
            rest = rest.dropFirst().dropLast()
        }
        return String(rest)
    }
}
