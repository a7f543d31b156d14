import Effects
import Installer

/// Where things go on the review screen and what its pane holds; shared by the view and by
/// `update` (scroll limits).
enum ReviewLayout {
    /// The commands, wrapped to the screen, one `$ …` entry per command.
    static func commandLines(_ state: WizardState) -> [String] {
        guard let preview = state.review.preview else { return [] }
        let width = state.size.columns - 6
        return preview.commands.flatMap { argv -> [String] in
            let wrapped = TextLayout.wrap(ShellQuote.join(argv), width: width)
            return wrapped.enumerated().map { index, line in (index == 0 ? "$ " : "    ") + line }
        }
    }

    /// The scrolling pane below the header and the commands.
    static func paneRect(_ state: WizardState) -> Rect {
        let top = 6 + min(commandLines(state).count, 8) + 1
        return Rect(x: 1, y: top, width: state.size.columns - 2, height: state.size.rows - 1 - top)
    }

    /// The pane's lines: the diff against the existing file, or the whole new file; secrets masked.
    static func paneLines(_ state: WizardState) -> [StyledLine] {
        guard let preview = state.review.preview else { return [] }
        let secrets = state.profile.questions.filter { $0.kind == .secret }.compactMap { state.answers[$0.id] }
        let values = SecretMask.mask(preview.values, secrets: secrets)
        if let existing = preview.existing, !state.review.showWholeFile {
            let diff = LineDiff.lines(old: SecretMask.mask(existing, secrets: secrets), new: values)
            return diff.isEmpty ? [StyledLine("No changes: the new values.yaml is the same as the existing file.", style: .muted)] : diff
        }
        return LineDiff.splitLines(values).map { StyledLine($0) }
    }

    /// The pane title.
    static func paneTitle(_ state: WizardState) -> String {
        guard let preview = state.review.preview else { return "values.yaml" }
        if preview.existing != nil && !state.review.showWholeFile { return "Changes to \(preview.valuesPath) (Tab: whole file)" }
        if preview.existing != nil { return "\(preview.valuesPath) (Tab: changes only)" }
        return "\(preview.valuesPath) (new file)"
    }

    /// The largest scroll offset.
    static func maxScroll(_ state: WizardState) -> Int {
        TextPane.maxScroll(lineCount: paneLines(state).count, height: paneRect(state).height)
    }
}
