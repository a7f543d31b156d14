/// Go's strconv quoting: `Quote`, `QuoteToASCII`, `QuoteRune` and the backquoted form.
enum GoQuote {
    static func quote(_ s: String, asciiOnly: Bool = false, quoteChar: Character = "\"") -> String {
        // Printable ASCII without the quote or a backslash is copied as it is (most values).
        if let q = quoteChar.asciiValue, s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != q && $0 != 0x5C }) {
            return String(quoteChar) + s + String(quoteChar)
        }
        var out = String(quoteChar)
        for scalar in s.unicodeScalars { out += escape(scalar, asciiOnly: asciiOnly, quoteChar: quoteChar) }
        return out + String(quoteChar)
    }

    static func quoteRune(_ value: Int64, asciiOnly: Bool = false) -> String {
        let scalar = Unicode.Scalar(UInt32(truncatingIfNeeded: max(0, value))) ?? "\u{FFFD}"
        return "'" + escape(scalar, asciiOnly: asciiOnly, quoteChar: "'") + "'"
    }

    /// Whether Go would print `s` between backquotes for `%#q`.
    static func canBackquote(_ s: String) -> Bool {
        for scalar in s.unicodeScalars {
            if scalar == "`" || scalar == "\u{FEFF}" { return false }
            if scalar.value < 0x20 && scalar != "\t" { return false }
            if scalar.value == 0x7F { return false }
        }
        return true
    }

    private static func escape(_ scalar: Unicode.Scalar, asciiOnly: Bool, quoteChar: Character) -> String {
        if String(scalar) == String(quoteChar) || scalar == "\\" { return "\\" + String(scalar) }
        if asciiOnly ? (scalar.isASCII && isPrintable(scalar)) : isPrintable(scalar) { return String(scalar) }
        switch scalar {
        case "\u{07}": return "\\a"
        case "\u{08}": return "\\b"
        case "\u{0C}": return "\\f"
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        case "\u{0B}": return "\\v"
        default:
            let v = scalar.value
            if v < 0x80 && !isPrintable(scalar) || v < 0x20 { return "\\x" + hex(v, width: 2) }
            if v < 0x10000 { return "\\u" + hex(v, width: 4) }
            return "\\U" + hex(v, width: 8)
        }
    }

    private static func hex(_ v: UInt32, width: Int) -> String {
        let h = String(v, radix: 16)
        return String(repeating: "0", count: max(0, width - h.count)) + h
    }

    /// Go's strconv.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
    static func isPrintable(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s.value >= 0x20 && s.value < 0x7F }
        switch s.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return false
        default:
            return true
        }
    }
}
