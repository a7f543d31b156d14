/// Masterminds/goutils v1.1.1 string helpers behind Sprig's `abbrev`, `abbrevboth`,
/// `nospace`, `initials`, `untitle`, `swapcase`, `wrap` and `wrapWith`. Several of them work
/// on bytes, not runes, exactly like the Go code (non-ASCII text is read as Latin-1 there).
enum GoWordUtils {
    /// `AbbreviateFull` on bytes; nil where goutils returns an error (Sprig then prints "").
    static func abbreviate(_ s: String, offset requested: Int, maxWidth: Int) -> String? {
        let str = Array(s.utf8)
        if str.isEmpty { return "" }
        if maxWidth < 4 { return nil }
        if str.count <= maxWidth { return s }
        var offset = min(requested, str.count)
        if str.count - offset < maxWidth - 3 { offset = str.count - (maxWidth - 3) }
        let marker = "..."
        if offset <= 4 { return bytes(str[0..<(maxWidth - 3)]) + marker }
        if maxWidth < 7 { return nil }
        if offset + maxWidth - 3 < str.count {
            return marker + (abbreviate(bytes(str[offset...]), offset: 0, maxWidth: maxWidth - 3) ?? "")
        }
        return marker + bytes(str[(str.count - (maxWidth - 3))...])
    }

    static func bytes(_ b: ArraySlice<UInt8>) -> String { String(decoding: b, as: UTF8.self) }

    /// `DeleteWhiteSpace`: drops bytes that are spaces when read as Latin-1 runes.
    static func deleteWhiteSpace(_ s: String) -> String {
        let str = Array(s.utf8)
        let kept = str.filter { !GoUnicode.isSpace(byte: $0) }
        return kept.count == str.count ? s : GoUnicode.latin1(kept)
    }

    /// `Initials` with whitespace delimiters, byte by byte.
    static func initials(_ s: String) -> String {
        var out: [UInt8] = []
        var lastWasGap = true
        for b in s.utf8 {
            if GoUnicode.isSpace(byte: b) {
                lastWasGap = true
            } else if lastWasGap {
                out.append(b)
                lastWasGap = false
            }
        }
        return GoUnicode.latin1(out)
    }

    /// `Uncapitalize`: lower-cases the first rune of each whitespace-separated word.
    static func uncapitalize(_ s: String) -> String {
        var next = true
        return GoUnicode.string(GoUnicode.runes(s).map { r in
            if GoUnicode.isSpace(r) { next = true; return r }
            if next { next = false; return GoUnicode.toLower(r) }
            return r
        })
    }

    /// `SwapCase`: upper/title to lower, lower to title after whitespace and to upper elsewhere.
    static func swapCase(_ s: String) -> String {
        var whitespace = true
        return GoUnicode.string(GoUnicode.runes(s).map { r in
            if GoUnicode.isUpper(r) || GoUnicode.isTitle(r) { whitespace = false; return GoUnicode.toLower(r) }
            if GoUnicode.isLower(r) {
                if whitespace { whitespace = false; return GoUnicode.toTitle(r) }
                return GoUnicode.toUpper(r)
            }
            whitespace = GoUnicode.isSpace(r)
            return r
        })
    }

    /// `WrapCustom` on bytes: breaks at the last space within `wrapLength`, optionally
    /// splitting words longer than a line.
    static func wrap(_ s: String, _ wrapLength: Int, newLine: String, wrapLongWords: Bool) -> String {
        let str = Array(s.utf8)
        if str.isEmpty { return "" }
        let newLine = Array((newLine.isEmpty ? "\n" : newLine).utf8)
        let width = max(wrapLength, 1)
        let space = UInt8(ascii: " ")
        var offset = 0
        var out: [UInt8] = []
        while str.count - offset > width {
            if str[offset] == space { offset += 1; continue }
            let end = width + offset + 1
            if let at = str[offset..<end].lastIndex(of: space) {
                out += str[offset..<at] + newLine
                offset = at + 1
            } else if wrapLongWords {
                out += str[offset..<(offset + width)] + newLine
                offset += width
            } else if let at = str[(width + offset)...].firstIndex(of: space) {
                out += str[offset..<at] + newLine
                offset = at + 1
            } else {
                out += str[offset...]
                offset = str.count
            }
        }
        out += str[offset...]
        return String(decoding: out, as: UTF8.self)
    }
}
