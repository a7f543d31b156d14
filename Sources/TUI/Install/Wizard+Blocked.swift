import Installer

/// Keys on the preflight's blocked screen: back to the answers, and the offers the preflight
/// allows (install anyway on a node pool that grows by itself; reserve the GKE static IP), each
/// confirmed in a box before the install runs again with that consent.
extension Wizard {
    static func blockedKey(_ key: Key, _ state: WizardState) -> (WizardState, [WizardEffect]) {
        var state = state
        guard var install = state.install else { return (state, []) }
        if let offer = install.confirming {
            switch key {
            case .character("y"), .character("Y"): return accept(offer, state)
            case .character("n"), .character("N"), .escape: install.confirming = nil
            case .ctrlC:
                install.confirming = nil
                state.overlay = .confirmQuit
            default: break
            }
            state.install = install
            return (state, [])
        }
        // The offers open once the blocked run has ended, so nothing of it reaches the next run.
        let offers = install.ended ? install.offers : []
        switch key {
        case .escape:
            // Nothing was installed: back to the review, and from there to any answer.
            state.install = nil
            return enter(.review, state)
        case .character("a"), .character("A"):
            if offers.contains(.installOnGrowingNodePool) { install.confirming = .installOnGrowingNodePool }
        case .character("c"), .character("C"):
            if let reserve = offers.first(where: { if case .reserveStaticIP = $0 { true } else { false } }) {
                install.confirming = reserve
            }
        case .character("q"), .ctrlC: state.overlay = .confirmQuit
        case .character("?"), .function(1): state.overlay = WizardHelp.overlay(state)
        default: break
        }
        state.install = install
        return (state, [])
    }

    /// Keys on the preflight's result when nothing blocks: Enter installs (the preflight runs
    /// again just before), Esc goes back to the review, q asks before quitting.
    static func checkedKey(_ key: Key, _ state: WizardState) -> (WizardState, [WizardEffect]) {
        var state = state
        switch key {
        case .enter:
            var consent = state.install?.consent ?? PreflightConsent()
            consent.preflightSeen = true
            state.install = InstallState(consent: consent)
            return (state, [.startInstall(WizardFlow.finalSheet(state), context: state.review.preview?.kubeContext, consent: consent)])
        case .escape:
            state.install = nil
            return enter(.review, state)
        case .character("q"), .ctrlC: state.overlay = .confirmQuit
        case .character("?"), .function(1): state.overlay = WizardHelp.overlay(state)
        default: break
        }
        return (state, [])
    }

    /// Runs the install again from the start (files, preflight, install) with the offer agreed to.
    private static func accept(_ offer: PreflightOffer, _ state: WizardState) -> (WizardState, [WizardEffect]) {
        var state = state
        var consent = state.install?.consent ?? PreflightConsent()
        consent.preflightSeen = true
        switch offer {
        case .installOnGrowingNodePool: consent.nodePoolAutoscales = true
        case .reserveStaticIP: consent.reserveStaticIP = true
        }
        state.install = InstallState(consent: consent)
        return (state, [.startInstall(WizardFlow.finalSheet(state), context: state.review.preview?.kubeContext, consent: consent)])
    }
}
