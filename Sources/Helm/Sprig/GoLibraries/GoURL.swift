import GoTemplate

/// The parts of Go's `net/url` that Sprig's `urlParse` and `urlJoin` use: `url.Parse`
/// (non-request form) and `URL.String`, with Go's escaping rules and error texts.
struct GoURL {
    var scheme = "", opaque = "", host = "", path = "", rawPath = "", rawQuery = "", fragment = "", rawFragment = ""
    var forceQuery = false, omitHost = false
    /// Username and optional password.
    var user: (name: String, password: String?)?

    enum Mode { case path, host, zone, userPassword, queryComponent, fragment }

    struct ParseError: Error { let message: String }

    // MARK: Parsing

    /// `url.Parse`: errors read `parse "URL": reason`.
    static func parse(_ raw: String) throws -> GoURL {
        let (u, frag, hasFragment) = cut(Array(raw.utf8), UInt8(ascii: "#"))
        var url: GoURL
        do { url = try parseWithoutFragment(u) } catch let e as ParseError {
            throw ParseError(message: "parse \(GoFormat.sprintf("%q", [.string(text(u))])): \(e.message)")
        }
        if !hasFragment || frag.isEmpty { return url }
        do {
            url.fragment = try unescape(frag, .fragment)
            url.rawFragment = escape(url.fragment, .fragment) == text(frag) ? "" : text(frag)
        } catch let e as ParseError {
            throw ParseError(message: "parse \(GoFormat.sprintf("%q", [.string(raw)])): \(e.message)")
        }
        return url
    }

    private static func parseWithoutFragment(_ raw: [UInt8]) throws -> GoURL {
        if raw.contains(where: { $0 < 0x20 || $0 == 0x7F }) { throw ParseError(message: "net/url: invalid control character in URL") }
        var url = GoURL()
        if raw == Array("*".utf8) { url.path = "*"; return url }
        let (scheme, afterScheme) = try getScheme(raw)
        url.scheme = text(scheme).lowercased()
        var rest = afterScheme
        if rest.last == UInt8(ascii: "?") && rest.filter({ $0 == UInt8(ascii: "?") }).count == 1 {
            url.forceQuery = true
            rest.removeLast()
        } else {
            let (before, query, _) = cut(rest, UInt8(ascii: "?"))
            rest = before
            url.rawQuery = text(query)
        }
        let slash = UInt8(ascii: "/")
        if rest.first != slash {
            if !url.scheme.isEmpty { url.opaque = text(rest); return url }
            let (segment, _, _) = cut(rest, slash)
            if segment.contains(UInt8(ascii: ":")) { throw ParseError(message: "first path segment in URL cannot contain colon") }
        }
        if rest.starts(with: [slash, slash]) && (!url.scheme.isEmpty || !rest.starts(with: [slash, slash, slash])) {
            var authority = Array(rest.dropFirst(2))
            rest = []
            if let i = authority.firstIndex(of: slash) {
                rest = Array(authority[i...])
                authority = Array(authority[..<i])
            }
            try parseAuthority(authority, into: &url)
        } else if !url.scheme.isEmpty && rest.first == slash {
            url.omitHost = true
        }
        url.path = try unescape(rest, .path)
        url.rawPath = escape(url.path, .path) == text(rest) ? "" : text(rest)
        return url
    }

    private static func getScheme(_ raw: [UInt8]) throws -> ([UInt8], [UInt8]) {
        for (i, c) in raw.enumerated() {
            switch c {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): continue
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                if i == 0 { return ([], raw) }
            case UInt8(ascii: ":"):
                if i == 0 { throw ParseError(message: "missing protocol scheme") }
                return (Array(raw[..<i]), Array(raw[(i + 1)...]))
            default:
                return ([], raw)
            }
        }
        return ([], raw)
    }

    private static func parseAuthority(_ authority: [UInt8], into url: inout GoURL) throws {
        let at = authority.lastIndex(of: UInt8(ascii: "@"))
        url.host = try parseHost(at.map { Array(authority[($0 + 1)...]) } ?? authority)
        guard let at else { return }
        let info = Array(authority[..<at])
        let allowed = Array("-._:~!$&'()*+,;=%@".utf8)
        for c in info where !(isAlphaNumeric(c) || allowed.contains(c)) {
            throw ParseError(message: "net/url: invalid userinfo")
        }
        let (name, password, hasPassword) = cut(info, UInt8(ascii: ":"))
        url.user = (try unescape(name, .userPassword), hasPassword ? try unescape(password, .userPassword) : nil)
    }

    private static func parseHost(_ host: [UInt8]) throws -> String {
        if host.first == UInt8(ascii: "[") {
            guard let close = host.lastIndex(of: UInt8(ascii: "]")) else { throw ParseError(message: "missing ']' in host") }
            let colonPort = Array(host[(close + 1)...])
            guard validOptionalPort(colonPort) else { throw ParseError(message: "invalid port \(GoFormat.sprintf("%q", [.string(text(colonPort))])) after host") }
            if let zone = find(Array(host[..<close]), Array("%25".utf8)) {
                return try unescape(Array(host[..<zone]), .host) + unescape(Array(host[zone..<close]), .zone) + unescape(Array(host[close...]), .host)
            }
        } else if let colon = host.lastIndex(of: UInt8(ascii: ":")) {
            let colonPort = Array(host[colon...])
            guard validOptionalPort(colonPort) else { throw ParseError(message: "invalid port \(GoFormat.sprintf("%q", [.string(text(colonPort))])) after host") }
        }
        return try unescape(host, .host)
    }

    static func validOptionalPort(_ port: [UInt8]) -> Bool {
        if port.isEmpty { return true }
        guard port[0] == UInt8(ascii: ":") else { return false }
        return port.dropFirst().allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// `URL.Hostname`: the host without port and IPv6 brackets.
    var hostname: String {
        var h = Array(host.utf8)
        if let colon = h.lastIndex(of: UInt8(ascii: ":")), GoURL.validOptionalPort(Array(h[colon...])) { h = Array(h[..<colon]) }
        if h.first == UInt8(ascii: "["), h.last == UInt8(ascii: "]") { h = Array(h.dropFirst().dropLast()) }
        return GoURL.text(h)
    }

    // MARK: Formatting

    /// `Userinfo.String`.
    var userString: String? {
        guard let user else { return nil }
        return GoURL.escape(user.name, .userPassword) + (user.password.map { ":" + GoURL.escape($0, .userPassword) } ?? "")
    }

    /// `URL.String`.
    var string: String {
        var out = ""
        if !scheme.isEmpty { out += scheme + ":" }
        if !opaque.isEmpty {
            out += opaque
        } else {
            if !scheme.isEmpty || !host.isEmpty || user != nil {
                if !(omitHost && host.isEmpty && user == nil) {
                    if !host.isEmpty || !path.isEmpty || user != nil { out += "//" }
                    if let u = userString { out += u + "@" }
                    if !host.isEmpty { out += GoURL.escape(host, .host) }
                }
            }
            let escapedPath = escapedPath
            if !escapedPath.isEmpty && !escapedPath.hasPrefix("/") && !host.isEmpty { out += "/" }
            if out.isEmpty, GoURL.cut(Array(escapedPath.utf8), UInt8(ascii: "/")).0.contains(UInt8(ascii: ":")) { out += "./" }
            out += escapedPath
        }
        if forceQuery || !rawQuery.isEmpty { out += "?" + rawQuery }
        if !fragment.isEmpty { out += "#" + (rawFragment.isEmpty ? GoURL.escape(fragment, .fragment) : rawFragment) }
        return out
    }

    private var escapedPath: String {
        if !rawPath.isEmpty, (try? GoURL.unescape(Array(rawPath.utf8), .path)) == path { return rawPath }
        if path == "*" { return "*" }
        return GoURL.escape(path, .path)
    }

    // MARK: Escaping

    static func isAlphaNumeric(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z")) || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"))
    }

    /// `shouldEscape`: whether byte `c` must be percent-encoded in a part of the URL.
    static func shouldEscape(_ c: UInt8, _ mode: Mode) -> Bool {
        if isAlphaNumeric(c) { return false }
        let ch = Character(Unicode.Scalar(c))
        if mode == .host || mode == .zone, "!$&'()*+,;=:[]<>\"".contains(ch) { return false }
        if "-_.~".contains(ch) { return false }
        if "$&+,/:;=?@".contains(ch) {
            switch mode {
            case .path: return ch == "?"
            case .userPassword: return "@/?:".contains(ch)
            case .queryComponent: return true
            case .fragment: return false
            case .host, .zone: return true
            }
        }
        if mode == .fragment, "!()*".contains(ch) { return false }
        return true
    }

    static func escape(_ s: String, _ mode: Mode) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for c in s.utf8 {
            if c == UInt8(ascii: " ") && mode == .queryComponent { out.append(UInt8(ascii: "+")) } else if shouldEscape(c, mode) {
                out += [UInt8(ascii: "%"), hex[Int(c >> 4)], hex[Int(c & 15)]]
            } else { out.append(c) }
        }
        return text(out)
    }

    static func unescape(_ s: [UInt8], _ mode: Mode) throws -> String {
        func unhex(_ c: UInt8) -> UInt8? {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
            default: return nil
            }
        }
        func escapeError(_ b: ArraySlice<UInt8>) -> ParseError {
            ParseError(message: "invalid URL escape \(GoFormat.sprintf("%q", [.string(text(Array(b)))]))")
        }
        var out: [UInt8] = []
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == UInt8(ascii: "%") {
                guard i + 2 < s.count, let h = unhex(s[i + 1]), let l = unhex(s[i + 2]) else { throw escapeError(s[i..<min(i + 3, s.count)]) }
                let isPct25 = h == 2 && l == 5
                if mode == .host && h < 8 && !isPct25 { throw escapeError(s[i..<(i + 3)]) }
                if mode == .zone {
                    let v = h << 4 | l
                    if !isPct25 && v != UInt8(ascii: " ") && shouldEscape(v, .host) { throw escapeError(s[i..<(i + 3)]) }
                }
                out.append(h << 4 | l)
                i += 3
                continue
            }
            if (mode == .host || mode == .zone) && c < 0x80 && shouldEscape(c, mode) {
                throw ParseError(message: "invalid character \(GoFormat.sprintf("%q", [.string(text([c]))])) in host name")
            }
            out.append(c == UInt8(ascii: "+") && mode == .queryComponent ? UInt8(ascii: " ") : c)
            i += 1
        }
        return text(out)
    }

    // MARK: Bytes

    static func text(_ b: [UInt8]) -> String { String(decoding: b, as: UTF8.self) }

    /// `strings.Cut` on bytes.
    static func cut(_ s: [UInt8], _ sep: UInt8) -> ([UInt8], [UInt8], Bool) {
        guard let i = s.firstIndex(of: sep) else { return (s, [], false) }
        return (Array(s[..<i]), Array(s[(i + 1)...]), true)
    }

    static func find(_ s: [UInt8], _ needle: [UInt8]) -> Int? {
        guard s.count >= needle.count else { return nil }
        return (0...(s.count - needle.count)).first { Array(s[$0..<($0 + needle.count)]) == needle }
    }
}
