/// An external service given as a URL (`postgres://user:pass@host:5432/posthog`), split into
/// the answers the wizard would ask for one by one.
public struct ServiceURL: Equatable, Sendable {
    /// The scheme, lowercased.
    public var scheme: String
    /// User name, percent-decoded.
    public var user: String?
    /// Password, percent-decoded.
    public var password: String?
    /// Host name or address.
    public var host: String
    /// Port, when given.
    public var port: Int?
    /// The path without its leading slash (the database), when given.
    public var database: String?

    /// Parses `text`; `schemes` are the accepted schemes, the first named in messages.
    public static func parse(_ text: String, schemes: [String]) -> Result<ServiceURL, AnswerProblem> {
        let example = "\(schemes[0])://user:password@host:port/database"
        guard let schemeEnd = text.firstRange(of: "://") else {
            return .failure(AnswerProblem("\"\(text)\" is not a URL: write it as \(example)."))
        }
        let scheme = text[..<schemeEnd.lowerBound].lowercased()
        guard schemes.contains(scheme) else {
            return .failure(AnswerProblem("\"\(scheme)://\" is not a scheme for this service: use \(schemes.map { $0 + "://" }.joined(separator: " or "))."))
        }
        var rest = Substring(text[schemeEnd.upperBound...])
        var url = ServiceURL(scheme: scheme, host: "")
        if let query = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<query] }
        var authority = rest
        if let slash = rest.firstIndex(of: "/") {
            authority = rest[..<slash]
            let path = rest[rest.index(after: slash)...]
            if !path.isEmpty { url.database = percentDecoded(path) }
        }
        if let at = authority.lastIndex(of: "@") {
            let credentials = authority[..<at]
            authority = authority[authority.index(after: at)...]
            if let colon = credentials.firstIndex(of: ":") {
                let user = credentials[..<colon]
                if !user.isEmpty { url.user = percentDecoded(user) }
                url.password = percentDecoded(credentials[credentials.index(after: colon)...])
            } else if !credentials.isEmpty {
                url.user = percentDecoded(credentials)
            }
        }
        var host = authority
        if let colon = authority.lastIndex(of: ":"), !authority.hasSuffix("]") {
            host = authority[..<colon]
            let portText = String(authority[authority.index(after: colon)...])
            switch AnswerChecks.port(portText) {
            case .success(let port): url.port = port
            case .failure: return .failure(AnswerProblem("The port in \"\(redacted(text))\" is not a number from 1 to 65535."))
            }
        }
        guard !host.isEmpty else { return .failure(AnswerProblem("\"\(redacted(text))\" names no host: write it as \(example).")) }
        url.host = String(host)
        return .success(url)
    }

    /// `text` with the password part replaced, for messages.
    public static func redacted(_ text: String) -> String {
        guard let schemeEnd = text.firstRange(of: "://"), let at = text[schemeEnd.upperBound...].lastIndex(of: "@") else { return text }
        let credentials = text[schemeEnd.upperBound..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return text }
        return String(text[..<text.index(after: colon)]) + "****" + String(text[at...])
    }

    private static func percentDecoded(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next() else {
                bytes.append(byte)
                continue
            }
            if let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) {
                bytes.append(value)
            } else {
                bytes += [byte, high, low]  // not an escape: keep it as typed
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
