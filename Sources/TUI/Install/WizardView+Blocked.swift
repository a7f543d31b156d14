import Installer

/// The preflight's blocked screen: the key for each offer, the fix shown for a check the
/// wizard can fix itself, and the confirmation box of an offer.
extension WizardView {
    /// The key and the line saying what it does, per offer.
    static func offerLine(_ offer: PreflightOffer) -> (key: String, label: String, line: String) {
        switch offer {
        case .installOnGrowingNodePool:
            return ("a", "install anyway", "Press a to install anyway — my node pool adds nodes by itself.")
        case .reserveStaticIP(let command):
            return ("c", "create static IP", "Press c to create the static IP \(staticIPName(command)) with gcloud.")
        }
    }

    /// The offers the screen shows keys for (once the blocked run has ended).
    static func shownOffers(_ install: InstallState) -> [PreflightOffer] {
        install.ended ? install.offers : []
    }

    /// The fix line of a check: for one the wizard can fix with a key, what the key runs.
    static func fixText(_ check: PreflightCheck, offers: [PreflightOffer]) -> String {
        if let command = check.remedy, offers.contains(.reserveStaticIP(command: command)) {
            return "Press c to have posthog-install run `\(command.joined(separator: " "))`, or run it yourself."
        }
        return check.fix
    }

    /// Detail lines worth showing under a check's fix on the preflight screen: the Cloud Console
    /// steps of the static IP (the fix refers to them), the first line of each; the screen runs
    /// them together to leave room for the other checks.
    static func shownDetails(_ check: PreflightCheck) -> [String] {
        guard check.kind == .staticIP, check.status != .pass else { return [] }
        return check.details.compactMap { $0.split(separator: "\n").first.map(String.init) }
    }

    /// Draws the confirmation box of the offer being confirmed.
    static func drawOfferConfirmation(_ canvas: inout Canvas, _ offer: PreflightOffer, glyphs: Glyphs) {
        switch offer {
        case .installOnGrowingNodePool:
            Overlay.confirm(&canvas, title: "Install anyway?", message: """
                Only say yes if your node pool adds nodes by itself (a cluster autoscaler, as on GKE, EKS or DigitalOcean).

                The cluster-size problems become warnings and the install starts. Pods wait as Pending until new nodes join, usually within a few minutes. Without an autoscaler they stay Pending and the install stops.
                """, yes: "Install anyway", no: "Go back", glyphs: glyphs)
        case .reserveStaticIP(let command):
            Overlay.confirm(&canvas, title: "Create the static IP?", message: """
                posthog-install will run:

                  \(command.joined(separator: " "))

                This reserves a global static IP address named \(staticIPName(command)) in your Google Cloud project for PostHog's load balancer (Google charges a small fee for reserved addresses). Then the cluster is checked again and the install goes on.
                """, yes: "Create it", no: "Go back", glyphs: glyphs)
        }
    }

    /// The hints of the blocked screen.
    static func blockedHints(_ install: InstallState) -> [KeyHint] {
        if install.confirming != nil { return [KeyHint("y", "yes"), KeyHint("n", "go back")] }
        let offers = shownOffers(install).map { offer in
            let line = offerLine(offer)
            return KeyHint(line.key, line.label)
        }
        return [KeyHint("Esc", "back to change answers")] + offers + [KeyHint("?", "help"), KeyHint("q", "quit")]
    }

    /// What the blocked screen's help adds about the offers shown.
    static func offersHelp(_ install: InstallState?) -> String {
        guard let install else { return "" }
        return shownOffers(install).map { offer in
            switch offer {
            case .installOnGrowingNodePool:
                return "\n\na installs anyway when your node pool adds nodes by itself (a cluster autoscaler): the cluster only looks too small before the install. You are asked to confirm first."
            case .reserveStaticIP(let command):
                return "\n\nc reserves the missing static IP with `\(command.joined(separator: " "))`, then checks the cluster again. You are asked to confirm first."
            }
        }.joined()
    }

    private static func staticIPName(_ command: [String]) -> String {
        // `gcloud compute addresses create NAME --global`
        command.count > 4 ? command[4] : StaticIPStep.addressName
    }
}
