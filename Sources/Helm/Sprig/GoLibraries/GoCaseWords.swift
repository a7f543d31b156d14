/// huandu/xstrings v1.5 case conversions behind Sprig's `snakecase`, `kebabcase` and
/// `camelcase` (`ToPascalCase`), and its `Shuffle`.
enum GoCaseWords {
    typealias Runes = ArraySlice<Unicode.Scalar>

    enum WordType { case invalid, number, upperCase, alphabet, connector, punct, other }

    /// Go's `utf8.RuneError`; a literal U+FFFD decodes the same as a bad byte.
    static let runeError: Unicode.Scalar = "\u{FFFD}"

    static func isConnector(_ r: Unicode.Scalar) -> Bool { r == "-" || r == "_" || GoUnicode.isSpace(r) }

    /// A letter that is not a CJK ideograph.
    static func isAlphabet(_ r: Unicode.Scalar) -> Bool {
        guard GoUnicode.isLetter(r) else { return false }
        switch r.value {
        case ..<0x3400: return true
        case 0x4E00...0x9FCC, 0x3400...0x4D85, 0x20000...0x2B81D: return false
        default: return true
        }
    }

    /// The next rune that is not an error rune, and how many runes were consumed to reach it.
    static func nextValidRune(_ s: Runes, _ prev: Unicode.Scalar) -> (Unicode.Scalar, Int) {
        var size = 0
        for r in s {
            size += 1
            if r != runeError { return (r, size) }
        }
        return (prev, size)
    }

    /// Splits off the next word: a run of connectors, punctuation, an upper-case-led word,
    /// lower-case letters, digits, or other runes.
    static func nextWord(_ str: Runes) -> (WordType, Runes, Runes) {
        guard !str.isEmpty else { return (.invalid, str, str) }
        var remaining = str
        var (r, size) = nextValidRune(remaining, runeError)
        var offset = size
        if r == runeError {
            return (.invalid, str.prefix(offset), str.dropFirst(offset))
        }
        func scan(while keep: (Unicode.Scalar) -> Bool) {
            while !remaining.isEmpty {
                (r, size) = nextValidRune(remaining, r)
                if !keep(r) { break }
                offset += size
                remaining = remaining.dropFirst(size)
            }
        }
        let wt: WordType
        if isConnector(r) {
            wt = .connector
            remaining = remaining.dropFirst(size)
            scan(while: isConnector)
        } else if GoUnicode.isPunct(r) {
            wt = .punct
            remaining = remaining.dropFirst(size)
            scan(while: GoUnicode.isPunct)
        } else if GoUnicode.isUpper(r) {
            wt = .upperCase
            remaining = remaining.dropFirst(size)
            if !remaining.isEmpty {
                (r, size) = nextValidRune(remaining, r)
                if GoUnicode.isUpper(r) {
                    var prevSize = size
                    offset += size
                    remaining = remaining.dropFirst(size)
                    while !remaining.isEmpty {
                        (r, size) = nextValidRune(remaining, r)
                        if !GoUnicode.isUpper(r) { break }
                        prevSize = size
                        offset += size
                        remaining = remaining.dropFirst(size)
                    }
                    // "HTTPStatus" splits into "HTTP" and "Status".
                    if !remaining.isEmpty && isAlphabet(r) {
                        offset -= prevSize
                        remaining = str.dropFirst(offset)
                    }
                } else if isAlphabet(r) {
                    offset += size
                    remaining = remaining.dropFirst(size)
                    scan { isAlphabet($0) && !GoUnicode.isUpper($0) }
                }
            }
        } else if isAlphabet(r) {
            wt = .alphabet
            remaining = remaining.dropFirst(size)
            scan { isAlphabet($0) && !GoUnicode.isUpper($0) }
        } else if GoUnicode.isNumber(r) {
            wt = .number
            remaining = remaining.dropFirst(size)
            scan(while: GoUnicode.isNumber)
        } else {
            wt = .other
            remaining = remaining.dropFirst(size)
            scan { !(isConnector($0) || isAlphabet($0) || GoUnicode.isNumber($0) || GoUnicode.isPunct($0)) }
        }
        return (wt, str.prefix(offset), remaining)
    }

    static func writeLower(_ buf: inout [Unicode.Scalar], _ wt: WordType, _ word: Runes, _ connector: Unicode.Scalar) {
        guard wt == .upperCase || wt == .connector else { buf.append(contentsOf: word); return }
        for r in word {
            if isConnector(r) { buf.append(connector) } else if GoUnicode.isUpper(r) { buf.append(GoUnicode.toLower(r)) } else { buf.append(r) }
        }
    }

    /// `ToSnakeCase` / `ToKebabCase`: words lower-cased and joined by `connector`.
    static func lowerCaseWords(_ s: String, connector: Unicode.Scalar) -> String {
        guard !s.isEmpty else { return "" }
        var buf: [Unicode.Scalar] = []
        var (wt, word, remaining) = nextWord(GoUnicode.runes(s)[...])
        while !remaining.isEmpty {
            if wt != .connector { writeLower(&buf, wt, word, connector) }
            let prev = wt, last = word
            (wt, word, remaining) = nextWord(remaining)
            switch prev {
            case .number:
                while wt == .alphabet || wt == .number {
                    writeLower(&buf, wt, word, connector)
                    (wt, word, remaining) = nextWord(remaining)
                }
                if wt != .invalid && wt != .punct && wt != .connector { buf.append(connector) }
            case .connector:
                writeLower(&buf, prev, last, connector)
            case .punct:
                break
            default:
                if wt != .number {
                    if wt != .connector && wt != .punct { buf.append(connector) }
                    break
                }
                if remaining.isEmpty { break }
                let number = word
                (wt, word, remaining) = nextWord(remaining)
                // A number followed by something other than letters belongs to the previous word ("Bld4Floor").
                if wt != .alphabet {
                    writeLower(&buf, .number, number, connector)
                    if wt != .connector && wt != .punct { buf.append(connector) }
                    break
                }
                // Letters after the number start a new word with it ("HTTP2xx" -> "http_2xx").
                buf.append(connector)
                writeLower(&buf, .number, number, connector)
                while wt == .alphabet || wt == .number {
                    writeLower(&buf, wt, word, connector)
                    (wt, word, remaining) = nextWord(remaining)
                }
                if wt != .invalid && wt != .connector && wt != .punct { buf.append(connector) }
            }
        }
        writeLower(&buf, wt, word, connector)
        return GoUnicode.string(buf)
    }

    /// `ToPascalCase`: connectors dropped, the rune after each upper-cased, runs of capitals
    /// after a capital lowered; leading and doubled connectors are kept.
    static func pascalCase(_ s: String) -> String {
        guard !s.isEmpty else { return "" }
        var runes = GoUnicode.runes(s)[...]
        var buf: [Unicode.Scalar] = []
        var isFirstRuneUpper = false
        var r0: Unicode.Scalar = runeError, r1: Unicode.Scalar
        var consumed = false
        while let r = runes.first {
            runes = runes.dropFirst()
            r0 = r
            consumed = true
            if !isConnector(r0) {
                isFirstRuneUpper = GoUnicode.isUpper(r0)
                r0 = GoUnicode.toUpper(r0)
                break
            }
            buf.append(r0)
        }
        if runes.isEmpty {
            if consumed && !isConnector(r0) { buf.append(r0) } // a lone rune; connectors were written already
            return GoUnicode.string(buf)
        }
        while let r = runes.first {
            runes = runes.dropFirst()
            r1 = r0
            r0 = r
            if isConnector(r0) && isConnector(r1) {
                buf.append(r1)
                continue
            }
            if isConnector(r1) {
                isFirstRuneUpper = GoUnicode.isUpper(r0)
                r0 = GoUnicode.toUpper(r0)
            } else {
                if isFirstRuneUpper {
                    if GoUnicode.isUpper(r0) { r0 = GoUnicode.toLower(r0) } else { isFirstRuneUpper = false }
                }
                buf.append(r1)
            }
        }
        buf.append(r0)
        return GoUnicode.string(buf)
    }
}
