import YAML

/// What the chart will use for outgoing email, and the mistakes that make mail fail quietly
/// later (no password, a port that does not match the encryption), found before installing.
public enum EmailSettingsCheck {
    /// The settings in words, then one finding per problem.
    public static func review(_ values: YAMLValue) -> (summary: [String], findings: [ValuesLint.Finding]) {
        guard case .mapping(let email)? = values["email"], let host = text(email["host"]), !host.isEmpty else {
            return (["Email: not configured. Invitations and password resets will not be sent."], [])
        }
        let port = int(email["port"])
        let useTLS = bool(email["use_tls"]) ?? false
        let useSSL = bool(email["use_ssl"]) ?? false
        let user = text(email["user"]) ?? ""
        let hasPassword = !(text(email["password"]) ?? "").isEmpty || !(text(email["existingSecret"]) ?? "").isEmpty
        let from = text(email["from_email"]) ?? ""
        let security = useSSL ? "SSL" : useTLS ? "STARTTLS" : "no encryption"
        var summary = ["Email: via \(host):\(port.map(String.init) ?? "(default port)") with \(security)"
            + (user.isEmpty ? ", without logging in" : " as \(user)") + (from.isEmpty ? "" : ", from \(from)") + "."]
        var findings: [ValuesLint.Finding] = []
        func warn(_ path: String, _ message: String) { findings.append(.init(severity: .warning, path: path, message: message)) }
        if !user.isEmpty && !hasPassword {
            warn("email.password", "a user name is set but no password; most mail servers will refuse to send.")
        }
        if useTLS && useSSL {
            warn("email.use_ssl", "both STARTTLS and SSL are on; a connection uses one or the other (587: STARTTLS, 465: SSL).")
        }
        if port == 465 && !useSSL {
            warn("email.port", "port 465 expects SSL from the first byte; turn on SSL (--smtp-security ssl) or use port 587 with STARTTLS.")
        }
        if port == 587 && useSSL {
            warn("email.port", "port 587 expects STARTTLS, not SSL; use --smtp-security tls, or port 465 for SSL.")
        }
        if port == 25 && !user.isEmpty {
            warn("email.port", "port 25 is usually blocked by cloud providers for outgoing mail; use 587 with STARTTLS.")
        }
        if !useTLS && !useSSL && !user.isEmpty {
            warn("email.use_tls", "the password would cross the network unencrypted; use STARTTLS (587) or SSL (465).")
        }
        if from.isEmpty {
            warn("email.from_email", "no sender address; many servers reject mail without one matching your domain.")
        }
        if findings.isEmpty { summary.append("Email settings look consistent.") }
        return (summary, findings)
    }

    private static func text(_ value: YAMLValue?) -> String? {
        switch value {
        case .string(let s)?: return s
        case .int(let n)?: return String(n)
        default: return nil
        }
    }

    private static func int(_ value: YAMLValue?) -> Int? {
        switch value {
        case .int(let n)?: return Int(n)
        case .string(let s)?: return Int(s)
        default: return nil
        }
    }

    private static func bool(_ value: YAMLValue?) -> Bool? {
        if case .bool(let b)? = value { return b }
        return nil
    }
}
