/// The `posthog-install(1)` manual page in roff, made from the command definitions (pure).
enum ManualPage {
    /// The page for `tree`, dated `date` (`2026-12-06`) and versioned `version`.
    static func render(_ tree: CommandTree, version: String, date: String) -> String {
        var out: [String] = []
        out.append(#".TH POSTHOG-INSTALL 1 "\#(date)" "posthog-install \#(escape(version))" "User Commands""#)
        out.append(".SH NAME")
        out.append("posthog-install \\- \(escape(tree.abstract ?? ""))")
        out.append(".SH SYNOPSIS")
        out.append(".B posthog-install")
        out.append("[\\fIcommand\\fR] [\\fIoptions\\fR]")
        out.append(".SH DESCRIPTION")
        out += paragraphs(tree.discussion)
        out += options(tree.visibleArguments)
        out.append(".SH COMMANDS")
        for command in tree.visibleSubcommands {
            out.append(".SS \(escape(command.commandName))")
            out.append(escape(command.abstract ?? ""))
            out += paragraphs(command.discussion)
            out += options(command.visibleArguments)
        }
        out.append(".SH EXIT STATUS")
        for (code, meaning) in [("0", "done"), ("1", "failed; the message says why and what to do"),
                                ("2", "bad usage or input (a flag, an answer, a values file)"),
                                ("3", "stopped by you (Ctrl-C, SIGTERM, SIGHUP, or you answered no)"),
                                ("4", "the preflight found a blocker; nothing was installed")] {
            out.append(".TP")
            out.append(".B \(code)")
            out.append(meaning)
        }
        out.append(".SH FILES")
        out.append(".TP")
        out.append(".I ~/.local/state/posthog-install/transcript-*.log")
        out.append("Every kubectl and helm command a run sent, with secrets masked ($XDG_STATE_HOME).")
        out.append(".SH SEE ALSO")
        out.append(".BR kubectl (1),")
        out.append(".BR helm (1)")
        return out.joined(separator: "\n") + "\n"
    }

    private static func options(_ arguments: [CommandTree.Argument]) -> [String] {
        arguments.flatMap { argument -> [String] in
            var lines = [".TP", "\\fB\(escape(argument.synopsis))\\fR"]
            var text = argument.abstract ?? ""
            if let value = argument.defaultValue, !value.isEmpty, argument.kind != "flag" { text += " (default: \(value))" }
            lines.append(escape(text))
            if let discussion = argument.discussion, !discussion.isEmpty { lines += paragraphs(discussion) }
            return lines
        }
    }

    private static func paragraphs(_ text: String?) -> [String] {
        guard let text, !text.isEmpty else { return [] }
        return text.components(separatedBy: "\n\n").flatMap { [".PP", escape($0)] }
    }

    /// Escapes roff: backslashes, and a leading dot or quote that would start a request.
    static func escape(_ text: String) -> String {
        text.replacing("\\", with: "\\e").split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let line = String(line)
            return line.hasPrefix(".") || line.hasPrefix("'") ? "\\&" + line : line
        }.joined(separator: "\n")
    }
}
