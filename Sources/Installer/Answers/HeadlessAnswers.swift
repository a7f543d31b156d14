/// Turns command-line flags into answers: each flag checked like the wizard checks the typed
/// answer, URLs split into their parts, and flags that contradict each other refused.
public enum HeadlessAnswers {
    /// A flag that cannot be used as given.
    public struct Problem: Error, Equatable, Sendable, CustomStringConvertible {
        /// The flag, with its dashes (`--cloud`).
        public let flag: String
        /// What is wrong and what to do.
        public let message: String
        /// `--flag: message`.
        public var description: String { "\(flag): \(message)" }
    }

    /// `sheet` (e.g. read from answers.yaml) with the flags laid over it; flags win.
    public static func apply(_ flags: AnswerFlags, to sheet: AnswerSheet, profile: ProfileSet) throws -> AnswerSheet {
        var sheet = sheet
        var given: [(flag: String, question: String)] = []

        func set(_ flag: String, _ id: String, _ text: String?) throws {
            guard let text else { return }
            guard let question = profile.question(id) else {
                throw Problem(flag: flag, message: "chart \(profile.chart.versions) has no such setting, so it cannot be used with this chart version")
            }
            switch AnswerValidation.check(text, question: question) {
            case .success(let clean): sheet.answers[id] = clean
            case .failure(let problem): throw Problem(flag: flag, message: problem.description + hint(flag, text))
            }
            if let section = profile.sections.first(where: { $0.id == question.section }), section.optional {
                sheet.enabledSections.insert(section.id)
            }
            given.append((flag, id))
        }

        try set("--cloud", "cloud", flags.cloud)
        try set("--tier", "tier", flags.tier)
        try set("--tls", "tls", flags.tls.map { $0 ? "on" : "off" })
        try set("--hostname", "hostname", flags.hostname)
        try set("--email", "email", flags.email)
        try set("--smtp-host", "smtp-host", flags.smtpHost)
        try set("--smtp-port", "smtp-port", flags.smtpPort)
        try set("--smtp-user", "smtp-user", flags.smtpUser)
        try set("--smtp-password", "smtp-password", flags.smtpPassword)
        try set("--smtp-security", "smtp-security", flags.smtpSecurity)
        try set("--smtp-from", "smtp-from", flags.smtpFrom)
        try set("--prometheus", "prometheus", flags.prometheus || flags.pagerdutyKey != nil ? "on" : nil)
        try set("--pagerduty-key", "pagerduty-key", flags.pagerdutyKey)
        if let version = flags.chartVersion {
            guard profile.chart.supports(version: version) else {
                throw Problem(flag: "--chart-version", message: "\(version) is outside \(profile.chart.versions), the chart versions this profile set is written for")
            }
            try set("--chart-version", "chart-version", version)
        }
        try external(flags, profile: profile, set: set)

        if sheet.answers["smtp-host"] == nil {
            for (flag, value) in [("--smtp-port", flags.smtpPort), ("--smtp-user", flags.smtpUser), ("--smtp-password", flags.smtpPassword),
                                  ("--smtp-security", flags.smtpSecurity), ("--smtp-from", flags.smtpFrom)] where value != nil {
                throw Problem(flag: flag, message: "needs --smtp-host too: say which mail server to use")
            }
        }
        for (flag, id) in given {
            guard let question = profile.question(id), !sheet.isAsked(question, in: profile) else { continue }
            throw Problem(flag: flag, message: reasonNotAsked(question, sheet: sheet, profile: profile))
        }
        return sheet
    }

    private static func external(_ flags: AnswerFlags, profile: ProfileSet,
                                 set: (String, String, String?) throws -> Void) throws {
        let services: [(flag: String, url: String?, prefix: String, schemes: [String])] = [
            ("--external-clickhouse", flags.externalClickhouse, "external-clickhouse", ["clickhouse", "tcp", "http", "https"]),
            ("--external-postgres", flags.externalPostgres, "external-postgresql", ["postgres", "postgresql"]),
            ("--external-redis", flags.externalRedis, "external-redis", ["redis", "rediss"]),
        ]
        for service in services {
            guard let text = service.url else { continue }
            let url: ServiceURL
            switch ServiceURL.parse(text, schemes: service.schemes) {
            case .success(let parsed): url = parsed
            case .failure(let problem): throw Problem(flag: service.flag, message: problem.description)
            }
            func part(_ name: String, _ value: String?) throws {
                guard let value else { return }
                guard profile.question("\(service.prefix)-\(name)") != nil else {
                    throw Problem(flag: service.flag, message: "chart \(profile.chart.versions) has no \(name) setting for this service; remove the \(name) from the URL (\(ServiceURL.redacted(text)))")
                }
                try set(service.flag, "\(service.prefix)-\(name)", value)
            }
            try part("host", url.host)
            try part("port", url.port.map(String.init))
            // Redis URLs name the user `default` when they give a password; that is no setting.
            try part("user", service.prefix == "external-redis" && url.user == "default" ? nil : url.user)
            try part("password", url.password)
            try part("database", url.database)
        }
    }

    private static func reasonNotAsked(_ question: Question, sheet: AnswerSheet, profile: ProfileSet) -> String {
        if let cloud = sheet.cloud, !question.applies(to: cloud) {
            let clouds = (question.clouds ?? []).map(\.rawValue).joined(separator: ", ")
            let why = question.id == "email" && cloud == .gcp
                ? " (on gcp the certificate is managed by Google, which needs no email)" : ""
            return "is only used on \(clouds), not on \(cloud.rawValue)\(why); leave it out"
        }
        for (other, accepted) in question.askWhen where !accepted.contains(sheet.answers[other] ?? "") {
            if other == "tls" { return "is only used with --tls (it is for the Let's Encrypt certificate); leave it out with --no-tls" }
            return "is only used when \(other) is \(accepted.joined(separator: " or ")); leave it out"
        }
        return "is not used with the other answers given; leave it out"
    }

    private static func hint(_ flag: String, _ text: String) -> String {
        if flag == "--cloud", ["azure", "aks", "k3s", "kind", "minikube", "openshift", "linode", "hetzner"].contains(text.lowercased()) {
            return " For \(text) choose other."
        }
        return ""
    }
}
