/// Editing keys on a text field's draft, shared by the questions and the jobs' fields.
extension TextDraft {
    /// Inserts a character at the cursor.
    mutating func insert(_ c: Character) {
        var chars = Array(text)
        cursor = min(max(0, cursor), chars.count)
        chars.insert(c, at: cursor)
        cursor += 1
        text = String(chars)
    }

    /// Applies an editing key (Backspace, Delete, arrows, Home/End, Ctrl-A/E/U); returns false
    /// for any other key, leaving the draft as it was.
    @discardableResult
    mutating func apply(_ key: Key) -> Bool {
        var chars = Array(text)
        cursor = min(max(0, cursor), chars.count)
        switch key {
        case .backspace: if cursor > 0 { chars.remove(at: cursor - 1); cursor -= 1 }
        case .delete: if cursor < chars.count { chars.remove(at: cursor) }
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(chars.count, cursor + 1)
        case .home, .control("a"): cursor = 0
        case .end, .control("e"): cursor = chars.count
        case .control("u"): chars.removeSubrange(0..<cursor); cursor = 0
        default: return false
        }
        text = String(chars)
        return true
    }
}
