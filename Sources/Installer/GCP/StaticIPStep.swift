/// What to do about the global static IP the GKE load balancer needs (pure).
public enum StaticIPDecision: Hashable, Sendable {
    /// The address exists; nothing to do.
    case present(GCPStaticAddress)
    /// The address is missing: ask, then run `command` (an argv) to reserve it.
    case offerCreate(question: String, command: [String])
    /// gcloud cannot be used: the person reserves the address in the Cloud Console.
    case consoleSteps([String])
    /// Something must be fixed first (sign in, set a project, permissions).
    case fixFirst(PostInstallFinding)

    /// The decision as a finding, for printers and the status screen.
    public var finding: PostInstallFinding {
        switch self {
        case .present(let a):
            let state: String
            switch a.status {
            case .inUse?: state = "in use by the load balancer"
            case .reserved?: state = "reserved; the load balancer will use it once PostHog is installed"
            case .reserving?: state = "being reserved"
            case nil: state = "reserved"
            }
            return PostInstallFinding(.ok, "The static IP \(a.name) is \(a.address) (\(state)).")
        case .offerCreate(let question, let command):
            return PostInstallFinding(.problem, question, fix: "Run `\(command.joined(separator: " "))`.")
        case .consoleSteps(let steps):
            return PostInstallFinding(.problem, "PostHog on GKE needs a global static IP address named posthog.",
                                      fix: "Reserve it in the Google Cloud Console:", details: steps)
        case .fixFirst(let finding):
            return finding
        }
    }
}

/// Decides the static IP step of a GKE install from what gcloud showed.
public enum StaticIPStep {
    /// The name the chart's GCP ingress refers to (`kubernetes.io/ingress.global-static-ip-name`).
    public static let addressName = "posthog"

    /// The argv that reserves the address.
    public static func createCommand(name: String = addressName, project: String? = nil) -> [String] {
        ["gcloud", "compute", "addresses", "create", name, "--global"] + (project.map { ["--project", $0] } ?? [])
    }

    /// The Cloud Console steps for reserving the address by hand.
    public static func consoleSteps(name: String = addressName, project: String? = nil) -> [String] {
        let page = "https://console.cloud.google.com/networking/addresses/list" + (project.map { "?project=\($0)" } ?? "")
        return [
            "1. Open the Google Cloud Console, menu VPC network → IP addresses (\(page)).",
            "2. Click \"Reserve external static address\".",
            "3. Name: \(name)",
            "4. Network Service Tier: Premium",
            "5. IP version: IPv4",
            "6. Type: Global",
            "7. Click \"Reserve\", then run posthog-install again.",
        ]
    }

    /// The decision for `observation`.
    public static func decide(_ observation: StaticIPObservation, name: String = addressName, project: String? = nil) -> StaticIPDecision {
        switch observation {
        case .found(let address):
            if address.addressType == "INTERNAL" {
                return .fixFirst(PostInstallFinding(.problem, "The address \(name) (\(address.address)) is an internal address; the load balancer needs an external one.",
                                                    fix: "Delete it (`gcloud compute addresses delete \(name) --global`) and reserve an external one.",
                                                    details: consoleSteps(name: name, project: project)))
            }
            return .present(address)
        case .missing:
            return .offerCreate(question: "There is no global static IP address named \(name) in this project. Reserve one now?",
                                command: createCommand(name: name, project: project))
        case .gcloudMissing:
            return .consoleSteps(consoleSteps(name: name, project: project))
        case .notSignedIn(let text):
            return .fixFirst(PostInstallFinding(.problem, "gcloud is installed but not signed in, so the static IP cannot be checked.",
                                                fix: "Run `gcloud auth login` (and `gcloud config set project PROJECT_ID`), then run posthog-install again. Or reserve the address in the Cloud Console, as listed above.",
                                                details: gcloudSaid(text) + ["Or, in the Cloud Console:"] + consoleSteps(name: name, project: project)))
        case .noProject(let text):
            return .fixFirst(PostInstallFinding(.problem, "gcloud has no project selected, so it cannot tell which project's addresses to look at.",
                                                fix: "Run `gcloud config set project PROJECT_ID` with the project of your GKE cluster, then run posthog-install again.",
                                                details: gcloudSaid(text)))
        case let .failed(message, text):
            return .fixFirst(PostInstallFinding(.problem, message,
                                                fix: "Fix the problem gcloud reports, or reserve the address in the Cloud Console, as listed above.",
                                                details: gcloudSaid(text) + ["Or, in the Cloud Console:"] + consoleSteps(name: name, project: project)))
        }
    }

    /// gcloud's own text, whole, under a heading and indented (its messages often span many lines).
    static func gcloudSaid(_ text: String) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let trimmed = lines.reversed().drop { $0.trimming(" \t\r").isEmpty }.reversed()
        return ["gcloud said:"] + trimmed.map { $0.isEmpty ? "" : "  " + $0 }
    }

    /// What to say when the person declined reserving the address.
    public static func declined(name: String = addressName, project: String? = nil) -> PostInstallFinding {
        PostInstallFinding(.problem, "The install needs the static IP \(name); without it the load balancer gets no address and the managed certificate is never issued.",
                           fix: "Reserve it with `\(createCommand(name: name, project: project).joined(separator: " "))` or in the Cloud Console:",
                           details: consoleSteps(name: name, project: project))
    }
}
