import Installer

/// The help shown by `?` (or F1) on each screen.
enum WizardHelp {
    /// Whether `?` opens help on a text field: only where `?` cannot be part of a valid answer.
    static func questionMarkOpensHelp(_ question: Question) -> Bool {
        switch question.kind {
        case .hostname, .host, .email, .port, .size, .choice: return true
        case .text, .secret: return false
        }
    }

    static func overlay(_ state: WizardState) -> WizardOverlay {
        switch state.step {
        case .welcome where !TaskMenu.entries(state).isEmpty:
            return .help(
                title: "Help",
                text: """
                    PostHog is already installed in this cluster, so the wizard offers the jobs that \
                    come after an install. Each one shows what it found and the exact commands it will \
                    run, and changes nothing until you press Enter on its button. Each has a command \
                    for scripts too: \(WizardTask.allCases.filter { $0 != .install }.map(\.headlessCommand).joined(separator: ", ")).

                    Keys: Up/Down or a number choose, Enter opens, Esc comes back here, q quits.
                    """)
        case .welcome:
            return .help(
                title: "Help",
                text: """
                    This wizard asks a few questions, shows the values.yaml it will write and the exact \
                    helm commands, and runs nothing until you press Enter on the review screen.

                    Keys: Up/Down choose, Enter accepts, Esc goes back one screen, ? or F1 shows help, \
                    q or Ctrl-C quits (you will be asked first).
                    """)
        case .question(let id):
            guard let question = state.profile.question(id) else { return .help(title: "Help", text: "") }
            var text = question.help.map { TextLayout.unfold($0.trimmingSpaces()) } ?? question.prompt
            if let rule = rule(question) { text += "\n\n" + rule }
            if question.optional { text += "\n\nYou can leave this empty." }
            text += "\n\n" + keys(question)
            return .help(title: question.prompt, text: text)
        case .extras:
            let sections = WizardFlow.optionalSections(state.profile)
            let text = sections.map { "\($0.title): " + TextLayout.unfold($0.help?.trimmingSpaces() ?? "") }.joined(separator: "\n\n")
            return .help(
                title: "Optional sections", text: text + "\n\nSpace or Enter opens or closes a section; Enter on Continue goes on.")
        case .review:
            return .help(
                title: "Review",
                text: """
                    Nothing has been written or run yet. Enter writes values.yaml (keeping a backup of \
                    the old one) and runs the commands shown, against the kube context shown. \
                    Esc goes back to change answers. Up/Down and PageUp/PageDown scroll; Tab switches \
                    between the changes and the whole file when a values.yaml exists already. \
                    Passwords are shown as \(SecretMask.placeholder).
                    """)
        case .task(let task):
            return .help(title: task.title, text: TaskHelp.text(task))
        case .install:
            if state.install?.phase == .done {
                return .help(
                    title: state.install?.task == .install ? "Installed" : "Done",
                    text: """
                        PostHog answers once the DNS record shown points at the load balancer's address: \
                        create it at your DNS provider. The checks below it run every few seconds; r \
                        runs them again at once. The certificate follows DNS, usually within minutes. \
                        q (or Enter) leaves; the record and the address are printed again in your \
                        terminal, and posthog-install status checks DNS and HTTPS at any time. \
                        Running posthog-install again in this folder offers the jobs for an installed \
                        PostHog (change settings, upgrade, grow storage, connection details, uninstall).
                        """)
            }
            if state.install?.phase == .checked {
                return .help(
                    title: "Preflight",
                    text: """
                        The preflight checked the cluster and found nothing that would make the install \
                        fail. Warnings (!) do not stop it, but read them: each has its fix. Enter \
                        installs (the cluster is checked once more just before); Esc goes back to the \
                        review, and from there to any answer.
                        """)
            }
            if state.install?.phase == .blocked {
                return .help(
                    title: "Preflight",
                    text: """
                        The preflight checked the cluster before anything was installed and found \
                        something that would make the install fail (the checks marked as failed). \
                        Follow the fix shown, or press Esc to go back and change your answers\
                        \(WizardFlow.isSmallestTier(state) ? "" : " (for example a smaller tier)"), then \
                        confirm the review again. Warnings do not stop the install.
                        """ + WizardView.offersHelp(state.install))
            }
            return .help(
                title: "Install",
                text: """
                    The steps run one after the other; the pods table shows each pod with a symbol \
                    and its status word (ready, waiting or failing). Up/Down choose a pod, Enter \
                    shows its recent events and last log lines. A problem that waiting will not fix \
                    is explained in the box below the table, with the fix.

                    q or Ctrl-C stops watching (you are asked first). helm may keep running in the \
                    cluster; posthog-install status shows how it is going at any time.
                    """)
        }
    }

    private static func rule(_ question: Question) -> String? {
        switch question.kind {
        case .hostname: return "A valid answer is a full host name such as posthog.example.com: letters, digits, hyphens and dots."
        case .host: return "A valid answer is the server's host name or IP address, without a scheme or port."
        case .email: return "A valid answer is one email address such as ops@example.com."
        case .port: return "A valid answer is a number from 1 to 65535."
        case .size: return "A valid answer is a size with a unit, such as 60Gi or 1Ti."
        case .secret: return "What you type is hidden on screen and never written to logs."
        case .choice, .text: return nil
        }
    }

    private static func keys(_ question: Question) -> String {
        switch question.kind {
        case .choice: return "Keys: Up/Down or a number chooses, Enter accepts, Esc goes back, q quits."
        case .text, .secret: return "Keys: type, Enter accepts, Esc goes back, F1 help, Ctrl-U clears, Ctrl-C quits."
        default: return "Keys: type, Enter accepts, Esc goes back, Ctrl-U clears, Ctrl-C quits."
        }
    }
}
