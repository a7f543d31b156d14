/// What a job's screen writes under each field and beside each box, and how many rows that
/// takes wrapped: a hint or a problem is a whole sentence, wrapped, never cut at the field.
extension TaskScreen {
    /// The line under field `index`: its problem once shown (after Enter, or while typing a
    /// change), else its hint while it has the focus.
    public func note(forField index: Int) -> TextField.Note? {
        guard let form, form.fields.indices.contains(index) else { return nil }
        let field = form.fields[index]
        let focused = focus == firstFieldRow + index
        let draft = drafts[field.id] ?? TextDraft(field.initial)
        switch TaskFieldCheck.check(draft.text, field) {
        case .failure(let problem) where showFieldErrors || (focused && draft.text != field.initial && !draft.text.isEmpty):
            return .error(problem.message)
        case .success where focused:
            return field.hint.map(TextField.Note.hint)
        default:
            return nil
        }
    }

    /// A note's lines at `width`; a problem's continuation lines start under its text, not its mark.
    public static func noteLines(_ note: TextField.Note?, width: Int, glyphs: Glyphs = .unicode) -> [String] {
        switch note {
        case .error(let message): return hanging("\(glyphs.failure) \(message)", width: width, indent: DisplayWidth.of(glyphs.failure) + 1)
        case .hint(let message), .ok(let message): return hanging(message, width: width, indent: 0)
        case nil: return []
        }
    }

    /// `text` wrapped to `width`, lines after the first indented by `indent` (each line fits).
    static func hanging(_ text: String, width: Int, indent: Int) -> [String] {
        let width = max(10, width)
        let first = TextLayout.wrap(text, width: width)
        guard first.count > 1, indent > 0 else { return first }
        let rest = TextLayout.wrap(first.dropFirst().joined(separator: " "), width: width - indent)
        return [first[0]] + rest.map { String(repeating: " ", count: indent) + $0 }
    }

    /// A box's label as drawn (the mark, the label, "(optional)").
    func checkLabel(_ check: TaskCheck, glyphs: Glyphs) -> String {
        "\(checked.contains(check.id) ? glyphs.checkOn : glyphs.checkOff) \(check.label)\(check.required ? "" : " (optional)")"
    }
}
