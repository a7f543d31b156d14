/// Keys on the install screens: moving through the pods table, a pod's details, the preflight's
/// blocked screen (`Wizard+Blocked`), checking DNS again, quitting (with a confirmation while the
/// install is under way).
extension Wizard {
    /// From the Installed screen to the jobs for an installed PostHog (the menu): the checks stop,
    /// values.yaml is now saved, and the cluster is looked at again to find the release.
    static func jobsAfterInstall(_ state: WizardState) -> (WizardState, [WizardEffect]) {
        var state = state
        state.launch.hasSavedValues = true
        state.install = nil
        state.step = .welcome
        return (state, [.stopTask(.install), .refreshCluster])
    }

    static func installKey(_ key: Key, _ state: WizardState) -> (WizardState, [WizardEffect]) {
        var state = state
        guard var install = state.install else { return (state, []) }
        if install.podDetail != nil {
            switch key {
            case .ctrlC: state.overlay = .confirmQuit
            case .resize: break
            default: install.podDetail = nil
            }
            state.install = install
            return (state, [])
        }
        if install.task != .install {
            // A job from the menu: once it ended, Esc goes back to the menu; while blocked, to its screen.
            switch (install.phase, key) {
            case (.blocked, .escape):
                return openTask(install.task, state, options: state.task?.options ?? [])
            case (_, .escape) where install.ended:
                return backToMenu(state)
            default:
                break
            }
        }
        switch install.phase {
        case .done:
            switch key {
            case .character("r"), .character("R"):
                install.post?.rechecking = true
                state.install = install
                return (state, [.recheck])
            case .character("m"),
                .character("M") where install.task == .install && install.post != nil:
                return jobsAfterInstall(state)
            case .character("q"), .character("Q"), .enter, .ctrlC: return (state, [.quit])
            case .character("?"), .function(1):
                state.overlay = WizardHelp.overlay(state)
                return (state, [])
            default: return (state, [])  // Esc: nothing is before this screen to go back to; it never quits
            }
        case .blocked:
            return blockedKey(key, state)
        case .checked:
            return checkedKey(key, state)
        case .checking, .running, .waitingForAddress, .failed:
            let count = install.progress.pods.count
            switch key {
            case .up, .backTab: install.selectedPod = max(0, install.selectedPod - 1)
            case .down, .tab: install.selectedPod = max(0, min(count - 1, install.selectedPod + 1))
            case .home, .pageUp: install.selectedPod = 0
            case .end, .pageDown: install.selectedPod = max(0, count - 1)
            case .enter, .character("l"), .character("e"):
                guard install.selectedPod < count else { break }
                let pod = install.progress.pods[install.selectedPod].name
                install.podDetail = PodDetail(pod: pod, events: install.podEvents[pod] ?? [])
                state.install = install
                return (state, [.loadPodLogs(pod)])
            case .character("q"), .ctrlC:
                if install.ended { return (state, [.quit]) }
                state.overlay = .confirmQuit
            case .character("?"), .function(1): state.overlay = WizardHelp.overlay(state)
            default: break
            }
            state.install = install
            return (state, [])
        }
    }
}
