extension StaticIPStep {
    /// The preflight check for a static IP decision: present passes; missing fails (the load
    /// balancer would get no address); gcloud missing or not signed in warns with the Cloud
    /// Console steps, since the address may well exist and only cannot be checked from here.
    public static func preflightCheck(_ observation: StaticIPObservation, name: String = addressName, project: String? = nil) -> PreflightCheck {
        let decision = decide(observation, name: name, project: project)
        let finding = decision.finding
        switch decision {
        case .present:
            return PreflightCheck(.staticIP, .pass, finding.message)
        case .offerCreate(_, let command):
            return PreflightCheck(.staticIP, .fail,
                                  "There is no global static IP address named \(name) in this Google Cloud project; without it the load balancer gets no address and Google never issues the certificate.",
                                  fix: "Run `\(command.joined(separator: " "))`, or run posthog-install again with --yes to have it reserved for you.",
                                  remedy: command)
        case .consoleSteps(let steps):
            return PreflightCheck(.staticIP, .warn,
                                  "gcloud is not installed here, so posthog-install cannot check the global static IP named \(name) that GKE needs.",
                                  fix: "If you have not reserved it yet, do so in the Google Cloud Console:", details: steps)
        case .fixFirst(let problem):
            // An internal address is a definite problem; sign-in and project trouble only
            // stop the check, not necessarily the install.
            var definite = false
            if case .found = observation { definite = true }
            return PreflightCheck(.staticIP, definite ? .fail : .warn, problem.message, fix: problem.fix, details: problem.details)
        }
    }
}
