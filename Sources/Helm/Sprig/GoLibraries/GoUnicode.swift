/// Go's `unicode` predicates and simple (one rune to one rune) case mappings.
enum GoUnicode {
    static func isUpper(_ r: Unicode.Scalar) -> Bool { r.properties.generalCategory == .uppercaseLetter }
    static func isLower(_ r: Unicode.Scalar) -> Bool { r.properties.generalCategory == .lowercaseLetter }
    static func isTitle(_ r: Unicode.Scalar) -> Bool { r.properties.generalCategory == .titlecaseLetter }

    static func isLetter(_ r: Unicode.Scalar) -> Bool {
        switch r.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    static func isDigit(_ r: Unicode.Scalar) -> Bool { r.properties.generalCategory == .decimalNumber }

    static func isNumber(_ r: Unicode.Scalar) -> Bool {
        switch r.properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber: return true
        default: return false
        }
    }

    static func isPunct(_ r: Unicode.Scalar) -> Bool {
        switch r.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }

    /// `unicode.IsSpace`: the Latin-1 spaces plus the White_Space property.
    static func isSpace(_ r: Unicode.Scalar) -> Bool {
        switch r.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0: return true
        case 0...0xFF: return false
        default: return r.properties.isWhitespace
        }
    }

    /// `unicode.IsSpace` for a single byte read as a rune (Latin-1), as goutils does.
    static func isSpace(byte b: UInt8) -> Bool { isSpace(Unicode.Scalar(b)) }

    static func toUpper(_ r: Unicode.Scalar) -> Unicode.Scalar { simple(r.properties.uppercaseMapping, r) }
    static func toLower(_ r: Unicode.Scalar) -> Unicode.Scalar {
        if r.value == 0x130 { return "i" } // full mapping adds a combining dot; Go's simple one does not
        return simple(r.properties.lowercaseMapping, r)
    }
    static func toTitle(_ r: Unicode.Scalar) -> Unicode.Scalar { simple(r.properties.titlecaseMapping, r) }

    /// The full mapping when it is one scalar; Go keeps the rune when only a multi-rune mapping exists.
    private static func simple(_ mapping: String, _ r: Unicode.Scalar) -> Unicode.Scalar {
        let scalars = mapping.unicodeScalars
        return scalars.count == 1 ? scalars.first! : r
    }

    /// Decodes UTF-8 like Go's `for range`/`[]rune`: each invalid byte becomes U+FFFD.
    static func runes(_ s: String) -> [Unicode.Scalar] { Array(s.unicodeScalars) }

    static func string(_ runes: [Unicode.Scalar]) -> String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: runes)
        return String(s)
    }

    /// Latin-1 reading of bytes (`rune(str[i])` in Go), encoded back as UTF-8.
    static func latin1(_ bytes: [UInt8]) -> String { string(bytes.map { Unicode.Scalar($0) }) }
}
