extension StringProtocol {
    /// The text without white space, newlines included, at either end.
    public func trimmingWhitespaceAndNewlines() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }

    /// The text without spaces and tabs at either end (newlines stay).
    public func trimmingSpacesAndTabs() -> String {
        let blank: (Character) -> Bool = { $0.isWhitespace && !$0.isNewline }
        return String(drop(while: blank).reversed().drop(while: blank).reversed())
    }

    /// The text cut or padded with spaces to `width` characters, for columns.
    public func padded(to width: Int) -> String {
        count >= width ? String(prefix(width)) : String(self) + String(repeating: " ", count: width - count)
    }
}
