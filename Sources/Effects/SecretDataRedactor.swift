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
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        let indent = line.count - trimmed.count
        if trimmed.contains("last-applied-configuration") {
            if let colon = line.firstIndex(of: ":"), trimmed.hasPrefix("\"") || trimmed.hasPrefix("kubectl.") {
                return String(line[...colon]) + " " + Redactor.mask
            }
        }
        switch block {
        case .none:
            if trimmed.hasPrefix("\"data\": {") || trimmed.hasPrefix("\"stringData\": {") {
                if !trimmed.hasSuffix("}") && !trimmed.hasSuffix("},") { block = .json(depth: 1) }
                return line
            }
            if trimmed == "data:" || trimmed == "stringData:" {
                block = .yaml(indent: indent)
            }
            return line
        case .json(let depth):
            if trimmed.hasPrefix("}") {
                block = depth <= 1 ? .none : .json(depth: depth - 1)
                return line
            }
            guard let colon = line.firstIndex(of: ":") else { return line }
            let value = line[line.index(after: colon)...].drop { $0 == " " }
            let comma = value.hasSuffix(",") ? "," : ""
            return String(line[...colon]) + " \"" + Redactor.mask + "\"" + comma
        case .yaml(let blockIndent):
            if trimmed.isEmpty { return line }
            if indent <= blockIndent {
                block = .none
                return redact(line)
            }
            guard let colon = line.firstIndex(of: ":") else { return String(line.prefix(indent)) + Redactor.mask }
            return String(line[...colon]) + " " + Redactor.mask
        }
    }
}
