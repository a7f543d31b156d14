import Testing
@testable import Installer

@Suite struct GCPStaticIPStepTests {
    @Test func aReservedAddressIsPresent() {
        let address = GCPStaticAddress(name: "posthog", address: "34.120.10.20", status: .reserved, addressType: "EXTERNAL")
        let decision = StaticIPStep.decide(.found(address))
        #expect(decision == .present(address))
        #expect(decision.finding.status == .ok)
        #expect(decision.finding.message == "The static IP posthog is 34.120.10.20 (reserved; the load balancer will use it once PostHog is installed).")
        let inUse = GCPStaticAddress(name: "posthog", address: "34.120.10.20", status: .inUse)
        #expect(StaticIPStep.decide(.found(inUse)).finding.message == "The static IP posthog is 34.120.10.20 (in use by the load balancer).")
    }

    @Test func anInternalAddressMustBeReplaced() {
        let privateAddress = GCPStaticAddress(name: "posthog", address: "10.0.0.5", status: .reserved, addressType: "INTERNAL")
        guard case .fixFirst(let finding) = StaticIPStep.decide(.found(privateAddress)) else { Issue.record("expected fixFirst"); return }
        #expect(finding.message.contains("internal address"))
        #expect(finding.fix.contains("gcloud compute addresses delete posthog --global"))
    }

    @Test func aMissingAddressIsOfferedWithTheExactCommand() {
        #expect(StaticIPStep.decide(.missing) == .offerCreate(
            question: "There is no global static IP address named posthog in this project. Reserve one now?",
            command: ["gcloud", "compute", "addresses", "create", "posthog", "--global"]))
        guard case .offerCreate(_, let command) = StaticIPStep.decide(.missing, project: "my-project") else {
            Issue.record("expected offerCreate"); return
        }
        #expect(command == ["gcloud", "compute", "addresses", "create", "posthog", "--global", "--project", "my-project"])
    }

    @Test func withoutGcloudThePersonGetsConsoleSteps() {
        let decision = StaticIPStep.decide(.gcloudMissing, project: "my-project")
        #expect(decision == .consoleSteps([
            "1. Open the Google Cloud Console, menu VPC network → IP addresses (https://console.cloud.google.com/networking/addresses/list?project=my-project).",
            "2. Click \"Reserve external static address\".",
            "3. Name: posthog",
            "4. Network Service Tier: Premium",
            "5. IP version: IPv4",
            "6. Type: Global",
            "7. Click \"Reserve\", then run posthog-install again.",
        ]))
        #expect(decision.finding.details.count == 7)
    }

    @Test func signInAndProjectProblemsComeFirstAndKeepGcloudsText() {
        let text = "ERROR: (gcloud.compute.addresses.describe) You do not currently have an active account selected."
        guard case .fixFirst(let signIn) = StaticIPStep.decide(.notSignedIn(text)) else { Issue.record("expected fixFirst"); return }
        #expect(signIn.fix.hasPrefix("Run `gcloud auth login`"))
        #expect(Array(signIn.details.prefix(2)) == ["gcloud said:", "  " + text])
        #expect(signIn.details.contains("3. Name: posthog"))
        #expect(signIn.fix.hasSuffix("as listed above."), "the console steps are printed before the fix")

        guard case .fixFirst(let project) = StaticIPStep.decide(.noProject("no project")) else { Issue.record("expected fixFirst"); return }
        #expect(project.fix.contains("gcloud config set project PROJECT_ID"))
        #expect(project.details == ["gcloud said:", "  no project"])

        // gcloud's messages span lines, blank ones included: every line is kept and indented.
        let multi = "ERROR: (gcloud) denied.\nPlease run:\n\n  $ gcloud auth login\n\n"
        guard case .fixFirst(let whole) = StaticIPStep.decide(.notSignedIn(multi)) else { Issue.record("expected fixFirst"); return }
        #expect(Array(whole.details.prefix(5)) == ["gcloud said:", "  ERROR: (gcloud) denied.", "  Please run:", "", "    $ gcloud auth login"])
        #expect(whole.details[5] == "Or, in the Cloud Console:")

        guard case .fixFirst(let other) = StaticIPStep.decide(.failed("Not allowed.", gcloudText: "Required 'compute.globalAddresses.get'")) else {
            Issue.record("expected fixFirst"); return
        }
        #expect(other.message == "Not allowed.")
        #expect(Array(other.details.prefix(2)) == ["gcloud said:", "  Required 'compute.globalAddresses.get'"])
    }

    @Test func decliningSaysWhatBreaksAndHowToDoItLater() {
        let finding = StaticIPStep.declined(project: "p")
        #expect(finding.status == .problem)
        #expect(finding.message.contains("managed certificate is never issued"))
        #expect(finding.fix.contains("gcloud compute addresses create posthog --global --project p"))
        #expect(finding.details.count == 7)
    }
}
