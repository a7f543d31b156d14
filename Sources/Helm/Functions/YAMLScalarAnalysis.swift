/// What the YAML emitter allows for a scalar's text (libyaml's `analyze_scalar`, as go-yaml v3
/// has it, with Unicode output on and block context only).
struct ScalarAnalysis {
    let value: [UInt8]
    private(set) var multiline = false
    private(set) var blockPlainAllowed = true
    private(set) var singleQuotedAllowed = true
    private(set) var blockAllowed = true

    init(_ value: [UInt8]) {
        self.value = value
        if value.isEmpty {
            blockAllowed = false
            return
        }
        var blockIndicators = false
        var lineBreaks = false, specialCharacters = false, tabCharacters = false
        var leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false
        var breakSpace = false, spaceBreak = false
        var previousSpace = false, previousBreak = false
        if value.count >= 3 && (value.starts(with: Array("---".utf8)) || value.starts(with: Array("...".utf8))) {
            blockIndicators = true
        }
        var precededByWhitespace = true
        var i = 0
        while i < value.count {
            let c = value[i]
            let w = YAMLBytes.width(c)
            let followedByWhitespace = i + w >= value.count || YAMLBytes.isBlank(value, i + w)
            if i == 0 {
                switch c {
                case UInt8(ascii: "#"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"),
                     UInt8(ascii: "}"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"),
                     UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"),
                     UInt8(ascii: "`"):
                    blockIndicators = true
                case UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: "-"):
                    if followedByWhitespace { blockIndicators = true }
                default: break
                }
            } else {
                if c == UInt8(ascii: ":") && followedByWhitespace { blockIndicators = true }
                if c == UInt8(ascii: "#") && precededByWhitespace { blockIndicators = true }
            }
            if c == UInt8(ascii: "\t") {
                tabCharacters = true
            } else if !YAMLBytes.isPrintable(value, i) {
                specialCharacters = true
            }
            if c == UInt8(ascii: " ") {
                if i == 0 { leadingSpace = true }
                if i + w == value.count { trailingSpace = true }
                if previousBreak { breakSpace = true }
                previousSpace = true
                previousBreak = false
            } else if YAMLBytes.isBreak(value, i) {
                lineBreaks = true
                if i == 0 { leadingBreak = true }
                if i + w == value.count { trailingBreak = true }
                if previousSpace { spaceBreak = true }
                previousSpace = false
                previousBreak = true
            } else {
                previousSpace = false
                previousBreak = false
            }
            precededByWhitespace = YAMLBytes.isBlank(value, i) || YAMLBytes.isBreak(value, i)
            i += w
        }
        multiline = lineBreaks
        if leadingSpace || leadingBreak || trailingSpace || trailingBreak { blockPlainAllowed = false }
        if trailingSpace { blockAllowed = false }
        if breakSpace || spaceBreak || tabCharacters || specialCharacters {
            blockPlainAllowed = false
            singleQuotedAllowed = false
        }
        if spaceBreak || specialCharacters { blockAllowed = false }
        if lineBreaks || blockIndicators { blockPlainAllowed = false }
    }
}

/// Character tests on UTF-8 bytes, as libyaml makes them.
enum YAMLBytes {
    /// The byte length of the character starting with `b`.
    static func width(_ b: UInt8) -> Int {
        if b & 0x80 == 0 { return 1 }
        if b & 0xE0 == 0xC0 { return 2 }
        if b & 0xF0 == 0xE0 { return 3 }
        if b & 0xF8 == 0xF0 { return 4 }
        return 1
    }

    private static func at(_ b: [UInt8], _ i: Int) -> UInt8 { i < b.count ? b[i] : 0 }

    /// Space or tab.
    static func isBlank(_ b: [UInt8], _ i: Int) -> Bool {
        let c = at(b, i)
        return c == 0x20 || c == 0x09
    }

    /// CR, LF, NEL, LS or PS.
    static func isBreak(_ b: [UInt8], _ i: Int) -> Bool {
        let c = at(b, i)
        return c == 0x0D || c == 0x0A || (c == 0xC2 && at(b, i + 1) == 0x85)
            || (c == 0xE2 && at(b, i + 1) == 0x80 && (at(b, i + 2) == 0xA8 || at(b, i + 2) == 0xA9))
    }

    /// YAML's printable set (which leaves out characters outside the Basic Multilingual Plane).
    static func isPrintable(_ b: [UInt8], _ i: Int) -> Bool {
        let c = at(b, i), n = at(b, i + 1), m = at(b, i + 2)
        return c == 0x0A || (c >= 0x20 && c <= 0x7E) || (c == 0xC2 && n >= 0xA0) || (c > 0xC2 && c < 0xED)
            || (c == 0xED && n < 0xA0) || c == 0xEE
            || (c == 0xEF && !(n == 0xBB && m == 0xBF) && !(n == 0xBF && (m == 0xBE || m == 0xBF)))
    }

    /// The code point starting at `i` and its byte length.
    static func decode(_ b: [UInt8], _ i: Int) -> (UInt32, Int) {
        let octet = b[i]
        var (w, v): (Int, UInt32)
        switch octet {
        case _ where octet & 0x80 == 0: (w, v) = (1, UInt32(octet & 0x7F))
        case _ where octet & 0xE0 == 0xC0: (w, v) = (2, UInt32(octet & 0x1F))
        case _ where octet & 0xF0 == 0xE0: (w, v) = (3, UInt32(octet & 0x0F))
        default: (w, v) = (4, UInt32(octet & 0x07))
        }
        for k in 1..<max(w, 1) where i + k < b.count {
            v = (v << 6) + (UInt32(b[i + k]) & 0x3F)
        }
        return (v, w)
    }
}
