/// Measuring, truncating and wrapping text by display width.
public enum TextLayout {
    /// Text cut to at most `width` columns, ending in `ellipsis` when something was cut.
    public static func truncate(_ text: String, width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        let room = width - DisplayWidth.of(ellipsis)
        guard room > 0 else { return prefix(text, width: width) }
        return prefix(text, width: room) + ellipsis
    }

    /// The longest start of `text` that fits in `width` columns.
    public static func prefix(_ text: String, width: Int) -> String {
        var used = 0
        var result = ""
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > width { break }
            used += w
            result.append(character)
        }
        return result
    }

    /// Text padded with spaces (or cut) to exactly `width` columns.
    public static func pad(_ text: String, width: Int, alignRight: Bool = false) -> String {
        let cut = truncate(text, width: width)
        let padding = String(repeating: " ", count: max(0, width - DisplayWidth.of(cut)))
        return alignRight ? padding + cut : cut + padding
    }

    /// Text whose paragraphs were broken into lines for a file (YAML block text) joined back:
    /// single line breaks become spaces, blank lines stay paragraph breaks.
    public static func unfold(_ text: String) -> String {
        let paragraphs = text.split(separator: "\n\n", omittingEmptySubsequences: true)
        return paragraphs.map { paragraph in
            paragraph.split(separator: "\n").map { String($0.drop { $0 == " " }) }.joined(separator: " ")
        }.joined(separator: "\n\n")
    }

    /// Text broken into lines of at most `width` columns: at spaces where possible, inside
    /// a word only when the word alone is too long. Line breaks in the text are kept, and so
    /// is the indentation at the start of each paragraph.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let indentWidth = min(paragraph.prefix { $0 == " " }.count, width - 1)
            var line = String(repeating: " ", count: indentWidth)
            var lineWidth = indentWidth
            var hasWord = false
            for word in paragraph.split(separator: " ") {
                var rest = String(word)
                var restWidth = DisplayWidth.of(rest)
                let gap = hasWord ? 1 : 0
                if lineWidth + gap + restWidth <= width {
                    line += (hasWord ? " " : "") + rest
                    lineWidth += gap + restWidth
                    hasWord = true
                    continue
                }
                if hasWord {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                // The word starts a line; a word longer than a whole line is broken.
                while lineWidth + restWidth > width {
                    let head = prefix(rest, width: width - lineWidth)
                    let cut = head.isEmpty ? String(rest.prefix(1)) : head
                    lines.append(line + cut)
                    line = ""
                    lineWidth = 0
                    rest = String(rest.dropFirst(cut.count))
                    restWidth = DisplayWidth.of(rest)
                }
                line += rest
                lineWidth += restWidth
                hasWord = true
            }
            lines.append(line)
        }
        return lines
    }
}
