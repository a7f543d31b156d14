/// Escapes and character classes for `RegexParser`.
extension RegexParser {
    /// Handles a `\` outside a class: assertions, `\Q...\E`, classes, then single-rune escapes.
    mutating func parseBackslash() throws(GoRegexError) {
        if pos + 1 < chars.count {
            switch chars[pos + 1] {
            case "A": push(.assertion(.beginText)); pos += 2; return
            case "b": push(.assertion(.wordBoundary)); pos += 2; return
            case "B": push(.assertion(.noWordBoundary)); pos += 2; return
            case "z": push(.assertion(.endText)); pos += 2; return
            case "C": throw error(GoRegexError.invalidEscape, pos, pos + 2)
            case "Q":
                // Everything up to \E (or the end) is literal text.
                var i = pos + 2
                while i < chars.count && !(chars[i] == "\\" && i + 1 < chars.count && chars[i + 1] == "E") {
                    literal(chars[i].value)
                    i += 1
                }
                pos = min(i + 2, chars.count)
                return
            default: break
            }
        }
        var ranges: [UInt32] = []
        if try parseUnicodeClass(into: &ranges) || parsePerlClass(into: &ranges) {
            push(.charClass(RegexCharClass.clean(ranges)))
            return
        }
        literal(try parseEscape())
    }

    /// Reads a single-rune escape at `pos` (which is at the backslash).
    mutating func parseEscape() throws(GoRegexError) -> UInt32 {
        let start = pos
        pos += 1
        guard pos < chars.count else { throw GoRegexError(code: GoRegexError.trailingBackslash, expression: "") }
        let c = chars[pos]
        pos += 1
        switch c {
        case "1"..."7", "0":
            // A lone non-zero digit would be a backreference, which RE2 does not support.
            if c != "0" && !(pos < chars.count && isOctal(chars[pos])) { break }
            var r = c.value - 0x30
            for _ in 1..<3 {
                guard pos < chars.count, isOctal(chars[pos]) else { break }
                r = r * 8 + chars[pos].value - 0x30
                pos += 1
            }
            return r
        case "x":
            guard pos < chars.count else { break }
            let first = chars[pos]
            pos += 1
            if first == "{" {
                var r: UInt32 = 0
                var digits = 0
                while true {
                    guard pos < chars.count else { throw error(GoRegexError.invalidEscape, start, pos) }
                    let d = chars[pos]
                    pos += 1
                    if d == "}" { break }
                    guard let v = hexValue(d) else { throw error(GoRegexError.invalidEscape, start, pos) }
                    r = r * 16 + v
                    if r > RegexCharClass.maxRune { throw error(GoRegexError.invalidEscape, start, pos) }
                    digits += 1
                }
                if digits == 0 { break }
                return r
            }
            guard pos < chars.count else { throw error(GoRegexError.invalidEscape, start, chars.count) }
            let second = chars[pos]
            pos += 1
            guard let x = hexValue(first), let y = hexValue(second) else { break }
            return x * 16 + y
        case "a": return 0x07
        case "f": return 0x0C
        case "n": return 0x0A
        case "r": return 0x0D
        case "t": return 0x09
        case "v": return 0x0B
        default:
            // Escaped punctuation is itself; escaped letters and digits must be known escapes.
            if c.value < 0x80 && !isAlnum(c) { return c.value }
        }
        throw error(GoRegexError.invalidEscape, start, pos)
    }

    func isOctal(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x37 }

    func hexValue(_ c: Unicode.Scalar) -> UInt32? {
        switch c.value {
        case 0x30...0x39: return c.value - 0x30
        case 0x61...0x66: return c.value - 0x61 + 10
        case 0x41...0x46: return c.value - 0x41 + 10
        default: return nil
        }
    }

    /// Appends a class group, folding and negating as the flags and sign ask.
    func appendGroup(_ ranges: inout [UInt32], _ group: [UInt32], negated: Bool) {
        var g = group
        if flags.contains(.foldCase) {
            var folded: [UInt32] = []
            RegexCharClass.appendClass(&folded, group, fold: true)
            g = RegexCharClass.clean(folded)
        }
        RegexCharClass.appendClass(&ranges, negated ? RegexCharClass.negate(g) : g)
    }

    /// Reads `\d \D \s \S \w \W` at `pos`.
    mutating func parsePerlClass(into ranges: inout [UInt32]) -> Bool {
        guard pos + 1 < chars.count, chars[pos] == "\\" else { return false }
        let c = Character(chars[pos + 1])
        let lower = Character(c.lowercased())
        guard let group = RegexCharClass.perlGroups[lower], c.isASCII else { return false }
        appendGroup(&ranges, group, negated: c != lower)
        pos += 2
        return true
    }

    /// Reads `[:name:]` or `[:^name:]` inside a class at `pos`; false when the text is not of that form.
    mutating func parseNamedClass(into ranges: inout [UInt32]) throws(GoRegexError) -> Bool {
        guard pos + 1 < chars.count, chars[pos] == "[", chars[pos + 1] == ":" else { return false }
        var i = pos + 2
        while i + 1 < chars.count && !(chars[i] == ":" && chars[i + 1] == "]") { i += 1 }
        guard i + 1 < chars.count else { return false }
        let fullName = text(pos, i + 2)
        var name = text(pos + 2, i)
        var negated = false
        if name.hasPrefix("^") { negated = true; name.removeFirst() }
        guard let group = RegexCharClass.posixGroups[name] else {
            throw GoRegexError(code: GoRegexError.invalidCharRange, expression: fullName)
        }
        appendGroup(&ranges, group, negated: negated)
        pos = i + 2
        return true
    }

    /// Reads `\pL`, `\p{Name}`, `\PL`, `\P{Name}` or `\p{^Name}` at `pos`.
    mutating func parseUnicodeClass(into ranges: inout [UInt32]) throws(GoRegexError) -> Bool {
        guard pos + 1 < chars.count, chars[pos] == "\\", chars[pos + 1] == "p" || chars[pos + 1] == "P" else { return false }
        var negated = chars[pos + 1] == "P"
        let seqEnd: Int
        var name: String
        if pos + 2 < chars.count && chars[pos + 2] == "{" {
            guard let close = chars[pos...].firstIndex(of: "}") else {
                throw error(GoRegexError.invalidCharRange, pos, chars.count)
            }
            seqEnd = close + 1
            name = text(pos + 3, close)
        } else {
            seqEnd = min(pos + 3, chars.count)
            name = text(pos + 2, seqEnd)
        }
        if name.hasPrefix("^") { negated.toggle(); name.removeFirst() }
        guard let (table, tableNegated) = RegexUnicodeClass.table(name) else {
            throw error(GoRegexError.invalidCharRange, pos, seqEnd)
        }
        if tableNegated { negated.toggle() }
        appendGroup(&ranges, table, negated: negated)
        pos = seqEnd
        return true
    }

    /// Reads a bracketed class at `pos` (which is at the `[`).
    mutating func parseClass() throws(GoRegexError) {
        let start = pos
        pos += 1
        var ranges: [UInt32] = []
        var negated = false
        if pos < chars.count && chars[pos] == "^" {
            negated = true
            pos += 1
        }
        var first = true  // ] is literal as the first item
        while pos >= chars.count || chars[pos] != "]" || first {
            first = false
            if chars.count - pos > 2, chars[pos] == "[", chars[pos + 1] == ":", try parseNamedClass(into: &ranges) { continue }
            if try parseUnicodeClass(into: &ranges) { continue }
            if parsePerlClass(into: &ranges) { continue }
            let rangeStart = pos
            let lo = try parseClassChar(classStart: start)
            var hi = lo
            // [a-] means a or -, so a range needs something other than ] after the dash.
            if chars.count - pos >= 2 && chars[pos] == "-" && chars[pos + 1] != "]" {
                pos += 1
                hi = try parseClassChar(classStart: start)
                if hi < lo { throw error(GoRegexError.invalidCharRange, rangeStart, pos) }
            }
            if flags.contains(.foldCase) {
                RegexCharClass.appendFoldedRange(&ranges, lo, hi)
            } else {
                RegexCharClass.appendRange(&ranges, lo, hi)
            }
        }
        pos += 1
        let clean = RegexCharClass.clean(ranges)
        push(.charClass(negated ? RegexCharClass.negate(clean) : clean))
    }

    mutating func parseClassChar(classStart: Int) throws(GoRegexError) -> UInt32 {
        guard pos < chars.count else { throw error(GoRegexError.missingBracket, classStart, chars.count) }
        if chars[pos] == "\\" { return try parseEscape() }
        pos += 1
        return chars[pos - 1].value
    }
}
