/// Checks the host name a person types for PostHog and turns it into the exact name DNS
/// and certificates will use, explaining in plain words what to change when it is not one.
public enum HostnameCheck {
    /// Why a typed host name cannot be used, with the fix.
    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        case empty
        case hasScheme(String)
        case hasPath(suggestion: String)
        case hasPort(suggestion: String)
        case hasCredentials
        case ipAddress
        case singleLabel(String)
        case emptyLabel
        case labelTooLong(String)
        case nameTooLong(Int)
        case badCharacter(Character, label: String)
        case hyphenAtEdge(String)
        case numericTopLevel(String)
        case wildcard

        /// What to tell the person.
        public var description: String {
            switch self {
            case .empty: return "Enter the address people will type to reach PostHog, for example posthog.example.com."
            case .hasScheme(let scheme): return "Leave out \"\(scheme)://\": enter just the host name, for example posthog.example.com."
            case .hasPath(let suggestion): return "Leave out the path: enter just the host name (\(suggestion))."
            case .hasPort(let suggestion): return "Leave out the port: PostHog is served on the standard ports 80 and 443 (\(suggestion))."
            case .hasCredentials: return "Leave out the user name and password: enter just the host name."
            case .ipAddress: return "Enter a host name, not an IP address: certificates and the ingress need a name you control in DNS."
            case .singleLabel(let name): return "\"\(name)\" is not a full domain name; use a name like posthog.\(name).com that you can add a DNS record for."
            case .emptyLabel: return "The name has an empty part (two dots in a row, or a dot at the start)."
            case .labelTooLong(let label): return "The part \"\(label)\" is longer than 63 characters, the limit for one part of a DNS name."
            case .nameTooLong(let length): return "The name is \(length) characters long; DNS names can be at most 253."
            case .badCharacter(let c, let label): return "\"\(c)\" is not allowed in a host name (in \"\(label)\"): use letters, digits and hyphens."
            case .hyphenAtEdge(let label): return "\"\(label)\" starts or ends with a hyphen, which DNS does not allow."
            case .numericTopLevel(let label): return "The last part \"\(label)\" is all digits; a top-level domain must contain a letter."
            case .wildcard: return "A wildcard name cannot be used; enter the one name PostHog will be served on."
            }
        }
    }

    /// The host name in lower-case ASCII (international names in their `xn--` form), or the problem.
    public static func normalize(_ typed: String) -> Result<String, Problem> {
        var text = Substring(typed.trimmingASCIIWhitespace())
        if text.isEmpty { return .failure(.empty) }
        if let schemeEnd = text.firstRange(of: "://") {
            return .failure(.hasScheme(String(text[..<schemeEnd.lowerBound]).lowercased()))
        }
        if text.contains("@") { return .failure(.hasCredentials) }
        if let slash = text.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) {
            let host = text[..<slash]
            // "posthog.example.com/" is fine: a trailing slash only.
            if text[slash...] == "/" { text = host } else { return .failure(.hasPath(suggestion: String(host))) }
        }
        if let colon = text.lastIndex(of: ":"), !text.contains("["), text[text.index(after: colon)...].allSatisfy(\.isNumber) {
            return .failure(.hasPort(suggestion: String(text[..<colon])))
        }
        if text.hasSuffix(".") { text = text.dropLast() }  // the DNS root dot
        if text.hasPrefix("*.") { return .failure(.wildcard) }
        if isIPv4(text) || text.contains(":") || text.hasPrefix("[") { return .failure(.ipAddress) }
        var labels: [String] = []
        for part in text.split(separator: ".", omittingEmptySubsequences: false) {
            if part.isEmpty { return .failure(.emptyLabel) }
            let lower = part.lowercased()
            let label: String
            if lower.unicodeScalars.allSatisfy(\.isASCII) {
                label = lower
            } else {
                guard let encoded = Punycode.encode(lower) else { return .failure(.badCharacter(part.first ?? "?", label: String(part))) }
                label = "xn--" + encoded
                if let bad = lower.first(where: { !($0.isLetter || $0.isNumber || $0 == "-") }) {
                    return .failure(.badCharacter(bad, label: String(part)))
                }
            }
            if let bad = label.first(where: { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-")) }) {
                return .failure(.badCharacter(bad, label: String(part)))
            }
            if label.utf8.count > 63 { return .failure(.labelTooLong(String(part))) }
            if label.hasPrefix("-") || label.hasSuffix("-") { return .failure(.hyphenAtEdge(String(part))) }
            labels.append(label)
        }
        if labels.count < 2 { return .failure(.singleLabel(labels.first ?? "")) }
        if let last = labels.last, last.allSatisfy(\.isNumber) { return .failure(.numericTopLevel(last)) }
        let name = labels.joined(separator: ".")
        if name.utf8.count > 253 { return .failure(.nameTooLong(name.utf8.count)) }
        return .success(name)
    }

    private static func isIPv4(_ text: Substring) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isNumber) && (Int($0) ?? 256) <= 255 }
    }
}

extension String {
    /// The text without ASCII spaces, tabs and line breaks at either end.
    func trimmingASCIIWhitespace() -> String {
        let bytes = Array(utf8)
        var start = 0, end = bytes.count
        while start < end, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
        while end > start, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[end - 1]) { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
